namespace ControlPlane.Mixer.Authorization;

/// <summary>One <c>to.operation</c>: hosts (case-insensitive, with or without port), ports, methods and paths, ANDed.</summary>
internal sealed class OperationMatcher(ValueMatcher? hosts, ValueMatcher? ports, ValueMatcher? methods, ValueMatcher? paths)
{
    // Istio matches the Host header both as sent and without its port.
    public bool Matches(CheckAttributes request) =>
        (hosts?.Matches(request.Host, request.HostWithoutPort) ?? true)
        && (ports?.Matches(request.DestinationPortText) ?? true)
        && (methods?.Matches(request.Method) ?? true)
        && (paths?.Matches(request.Path) ?? true);
}
