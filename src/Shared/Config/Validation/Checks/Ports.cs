namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>Port numbers, names and protocols as Istio accepts them.</summary>
internal static class Ports
{
    private static readonly HashSet<string> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        "TCP", "UDP", "GRPC", "GRPC-WEB", "HTTP", "HTTP_PROXY", "HTTP2", "HTTPS", "TLS", "MONGO", "REDIS", "MYSQL",
    };

    public static string? CheckNumber(long port) =>
        port is >= 1 and <= 65535 ? null : $"port number {port} must be in the range 1..65535";

    public static string? CheckName(string name) => Hosts.IsDns1123Label(name) ? null : $"invalid port name: {name}";

    /// <summary>A known protocol name; empty is allowed (protocol sniffing).</summary>
    public static string? CheckProtocol(string protocol) =>
        protocol.Length == 0 || IsKnownProtocol(protocol) ? null : $"unsupported protocol: {protocol}";

    public static bool IsKnownProtocol(string protocol) => Protocols.Contains(protocol);

    public static bool IsHttp(string protocol) =>
        protocol.ToUpperInvariant() is "HTTP" or "HTTP2" or "HTTP_PROXY" or "GRPC" or "GRPC-WEB";

    public static bool IsTls(string protocol) => protocol.ToUpperInvariant() is "HTTPS" or "TLS";
}
