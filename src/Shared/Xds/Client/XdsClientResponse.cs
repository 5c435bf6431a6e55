namespace ControlPlane.Shared.Xds.Client;

/// <summary>
/// A response as the client's validator sees it before accepting it: the resources it adds or
/// replaces and the names it removes (delta), at <see cref="Version"/>.
/// </summary>
public sealed record XdsClientResponse(
    string TypeUrl,
    string Version,
    IReadOnlyList<XdsClientResource> Resources,
    IReadOnlyList<string> Removed);
