using System.Security.Cryptography.X509Certificates;

namespace ControlPlane.Citadel.Authentication;

/// <summary>What a caller presented: the TLS client certificate, if any, and the <c>authorization</c> metadata, if any.</summary>
internal sealed record CallerCredentials(X509Certificate2? ClientCertificate, string? Authorization);
