using System.Security.Cryptography.X509Certificates;

namespace ControlPlane.Citadel.Authority;

/// <summary>A root that no longer signs but stays in the bundle until the last leaf it signed has expired.</summary>
internal sealed record RetiredRoot(X509Certificate2 Certificate, DateTimeOffset KeepUntil);
