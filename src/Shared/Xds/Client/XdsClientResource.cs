using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Shared.Xds.Client;

/// <summary>One resource an <see cref="XdsClient"/> holds: name, version (SotW: the response's version_info) and body.</summary>
public sealed record XdsClientResource(string Name, string Version, Any Body);
