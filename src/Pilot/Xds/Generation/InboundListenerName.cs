using System.Globalization;
using System.Net;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// The listener an xDS-enabled gRPC server asks for (gRPC A36) through Istio's bootstrap template
/// <c>xds.istio.io/grpc/lds/inbound/%s</c>, where <c>%s</c> is the address it binds:
/// <c>10.0.0.1:50051</c> or <c>[::1]:50051</c>.
/// </summary>
internal static class InboundListenerName
{
    public const string Prefix = "xds.istio.io/grpc/lds/inbound/";

    public static string For(string address, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{(address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address)}:{port}");

    /// <summary>The IP address and port of an inbound listener name; false for any other name.</summary>
    public static bool TryParse(string name, out string address, out int port)
    {
        address = string.Empty;
        port = 0;
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hostPort = name[Prefix.Length..];
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = hostPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!IPAddress.TryParse(host, out var ip))
        {
            return false;
        }

        address = ip.ToString();
        return true;
    }
}
