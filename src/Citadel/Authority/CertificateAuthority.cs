using System.Security.Cryptography;

namespace ControlPlane.Citadel.Authority;

/// <summary>
/// The running CA: the current <see cref="CaState"/> (swapped whole on rotation, so an issuance
/// sees one consistent generation) and leaf issuance from it.
/// </summary>
internal sealed class CertificateAuthority(CaState initial)
{
    private CaState _state = initial;

    /// <summary>Raised after a new generation is installed (root rotation, retired roots pruned).</summary>
    public event Action<CaState>? Changed;

    public CaState State => Volatile.Read(ref _state);

    /// <summary>Signs a leaf with the current signing authority; its expiry never outlives the CA's.</summary>
    public IssuedCertificate Issue(LeafSpec leaf)
    {
        var state = State;
        var caNotAfter = new DateTimeOffset(state.Signing.Certificate.NotAfter.ToUniversalTime());
        if (leaf.NotAfter > caNotAfter)
        {
            leaf = leaf with { NotAfter = caNotAfter };
        }

        var der = LeafCertificateWriter.Write(state.Signing, leaf);
        var chain = new string[state.Signing.ChainPem.Count + 1];
        chain[0] = PemEncoding.WriteString("CERTIFICATE", der) + "\n";
        for (var i = 0; i < state.Signing.ChainPem.Count; i++)
        {
            chain[i + 1] = state.Signing.ChainPem[i] + "\n";
        }

        return new IssuedCertificate(der, chain);
    }

    /// <summary>Installs a new generation; the previous one keeps serving calls already under way.</summary>
    public void Replace(CaState next)
    {
        Volatile.Write(ref _state, next);
        Changed?.Invoke(next);
    }
}
