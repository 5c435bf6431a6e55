using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ControlPlane.Citadel.Authority;

/// <summary>
/// One immutable generation of the CA: who signs, and which roots are trusted (the signing
/// root, any extra roots of a plug-in bundle, and retired roots still in their overlap).
/// </summary>
internal sealed class CaState
{
    public CaState(SigningAuthority signing, IReadOnlyList<X509Certificate2> extraRoots, IReadOnlyList<RetiredRoot> retired, bool isPlugin)
    {
        Signing = signing;
        Retired = retired;
        IsPlugin = isPlugin;
        TrustedRoots = [signing.Root, .. extraRoots.Where(r => r.Thumbprint != signing.Root.Thumbprint), .. retired.Select(r => r.Certificate)];
        var bundle = new StringBuilder();
        foreach (var root in TrustedRoots)
        {
            bundle.Append(root.ExportCertificatePem()).Append('\n');
        }

        RootBundlePem = bundle.ToString();
        TrustedRootCollection = [.. TrustedRoots];
        Intermediates = [.. signing.Chain.Take(signing.Chain.Count - 1)];
    }

    public SigningAuthority Signing { get; }

    public IReadOnlyList<RetiredRoot> Retired { get; }

    /// <summary>True when an operator-supplied intermediate signs (no self-managed rotation).</summary>
    public bool IsPlugin { get; }

    /// <summary>Every root a workload should trust; the signing root first.</summary>
    public IReadOnlyList<X509Certificate2> TrustedRoots { get; }

    /// <summary><see cref="TrustedRoots"/> as concatenated PEM, as written to <c>root-cert.pem</c>.</summary>
    public string RootBundlePem { get; }

    public X509Certificate2Collection TrustedRootCollection { get; }

    /// <summary>The certificates between leaves and the root (empty in self-signed mode).</summary>
    public X509Certificate2Collection Intermediates { get; }

    /// <summary>When the root above the signing certificate expires.</summary>
    public DateTimeOffset SigningRootNotAfter => new(Signing.Root.NotAfter.ToUniversalTime());
}
