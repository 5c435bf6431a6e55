using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Shared.Identity;

namespace ControlPlane.Citadel.Authority;

/// <summary>
/// Loads an operator-supplied intermediate CA from files named as in Istio's <c>cacerts</c>
/// Secret: <c>ca-cert.pem</c> + <c>ca-key.pem</c> sign, <c>cert-chain.pem</c> holds the chain up
/// from the intermediate, <c>root-cert.pem</c> the root(s) to trust. The intermediate must chain
/// to one of those roots; issued chains then go leaf, intermediate(s), root.
/// </summary>
internal static class PluginCaLoader
{
    public static CaState Load(string directory)
    {
        var certPath = Path.Combine(directory, "ca-cert.pem");
        var keyPath = Path.Combine(directory, "ca-key.pem");
        var chainPath = Path.Combine(directory, "cert-chain.pem");
        var rootPath = Path.Combine(directory, "root-cert.pem");
        foreach (var required in new[] { certPath, keyPath, rootPath })
        {
            if (!File.Exists(required))
            {
                throw new CaConfigurationException($"{required}: missing (plug-in CA directory needs ca-cert.pem, ca-key.pem, root-cert.pem and optionally cert-chain.pem)");
            }
        }

        X509Certificate2 signing;
        try
        {
            signing = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        catch (CryptographicException e)
        {
            throw new CaConfigurationException($"{certPath} / {keyPath}: cannot load the intermediate CA: {e.Message}");
        }

        var roots = ReadAll(rootPath);
        var intermediates = File.Exists(chainPath) ? ReadAll(chainPath) : [];
        using var chain = RootTrust.Chain(roots, intermediates);
        if (!chain.Build(signing))
        {
            var status = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
            throw new CaConfigurationException($"{certPath}: does not chain to a root in {rootPath}: {status}");
        }

        var path = chain.ChainElements.Select(e => e.Certificate).ToList();
        path[0] = signing; // keep the instance that holds the private key
        var basic = signing.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (basic is not { CertificateAuthority: true })
        {
            throw new CaConfigurationException($"{certPath}: is not a CA certificate (basicConstraints CA:TRUE missing)");
        }

        return new CaState(new SigningAuthority(signing, CaStore.PrivateKeyOf(signing), path), [.. roots], [], isPlugin: true);
    }

    private static X509Certificate2Collection ReadAll(string path)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPemFile(path);
        }
        catch (CryptographicException e)
        {
            throw new CaConfigurationException($"{path}: not PEM certificates: {e.Message}");
        }

        if (collection.Count == 0)
        {
            throw new CaConfigurationException($"{path}: holds no certificate");
        }

        return collection;
    }
}
