namespace ControlPlane.Citadel.Authority;

/// <summary>
/// What Citadel takes from a verified CSR: the public key (as the DER SubjectPublicKeyInfo, copied
/// unchanged into the leaf) and the identities it asks for. Everything else in the CSR is ignored.
/// </summary>
internal sealed record ParsedCsr(
    ReadOnlyMemory<byte> SubjectPublicKeyInfo,
    CsrKeyKind KeyKind,
    int KeySize,
    IReadOnlyList<string> UriNames,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> OtherNames);
