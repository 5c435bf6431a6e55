namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// A response a session sent: its type, version and nonce, the resource set it was cut from (what
/// the client holds of the type once it applies the response) and how many resources went on the
/// wire (a delta response carries only the changed ones).
/// </summary>
public sealed record XdsSentResponse(string TypeUrl, string Version, string Nonce, XdsResourceSet Set, int ResourceCount);
