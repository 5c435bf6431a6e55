namespace ControlPlane.Citadel.Authority;

/// <summary>A signed leaf and the PEM chain to hand back: leaf first, root last, each ending in a newline.</summary>
internal sealed record IssuedCertificate(byte[] LeafDer, IReadOnlyList<string> ChainPem);
