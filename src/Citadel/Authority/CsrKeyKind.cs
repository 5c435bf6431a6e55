namespace ControlPlane.Citadel.Authority;

/// <summary>The kind of public key a CSR carries; it decides the leaf's key usage.</summary>
internal enum CsrKeyKind
{
    Ec,
    Rsa,
}
