using System.Globalization;

namespace ControlPlane.Mixer.Authorization;

/// <summary>One <c>to.operation</c>: hosts (case-insensitive, with or without port), ports, methods and paths, ANDed.</summary>
internal sealed class OperationMatcher(ValueMatcher? hosts, ValueMatcher? ports, ValueMatcher? methods, ValueMatcher? paths)
{
    private static readonly string[] PortTexts = Enumerable.Range(0, 65536).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToArray();

    public bool Matches(CheckAttributes request) =>
        (hosts is null || HostMatches(hosts, request.Host))
        && (ports?.Matches(request.DestinationPort is > 0 and <= 65535 ? PortTexts[request.DestinationPort] : null) ?? true)
        && (methods?.Matches(request.Method) ?? true)
        && (paths?.Matches(request.Path) ?? true);

    // Istio matches the Host header both as sent and without its port.
    private static bool HostMatches(ValueMatcher hosts, string host)
    {
        var colon = host.LastIndexOf(':');
        var withoutPort = colon > 0 && host.IndexOf(']', StringComparison.Ordinal) < colon ? host[..colon] : null;
        return hosts.Matches(host, withoutPort);
    }
}
