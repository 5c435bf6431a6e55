using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace ControlPlane.Citadel.Authority;

/// <summary>
/// Where the self-signed CA lives on disk, so a restart keeps it: <c>DATA_DIR/ca/ca-cert.pem</c>
/// and <c>ca-key.pem</c> (the signing root), <c>ca/retired-roots.json</c> (roots in their
/// rotation overlap) and the public bundle <c>DATA_DIR/root-cert.pem</c>.
/// </summary>
internal sealed class CaStore(string dataDir)
{
    public const string RootBundleFile = "root-cert.pem";

    private string CaDir => Path.Combine(dataDir, "ca");

    private string CertPath => Path.Combine(CaDir, "ca-cert.pem");

    private string KeyPath => Path.Combine(CaDir, "ca-key.pem");

    private string RetiredPath => Path.Combine(CaDir, "retired-roots.json");

    public string RootBundlePath => Path.Combine(dataDir, RootBundleFile);

    public bool HasSelfSignedRoot => File.Exists(CertPath) && File.Exists(KeyPath);

    /// <summary>Loads the persisted self-signed CA, dropping retired roots whose overlap has ended.</summary>
    public CaState LoadSelfSigned(DateTimeOffset now)
    {
        X509Certificate2 root;
        try
        {
            root = X509Certificate2.CreateFromPemFile(CertPath, KeyPath);
        }
        catch (CryptographicException e)
        {
            throw new CaConfigurationException($"{CertPath} / {KeyPath}: cannot load the CA: {e.Message}");
        }

        var retired = File.Exists(RetiredPath) ? ReadRetired(now) : [];
        return new CaState(new SigningAuthority(root, PrivateKeyOf(root), [root]), [], retired, isPlugin: false);
    }

    /// <summary>Persists a self-signed CA generation and publishes its bundle.</summary>
    public void SaveSelfSigned(CaState state)
    {
        Directory.CreateDirectory(CaDir);
        var root = state.Signing.Certificate;
        WriteAtomically(KeyPath, state.Signing.Key.ExportPkcs8PrivateKeyPem(), secret: true);
        WriteAtomically(CertPath, root.ExportCertificatePem() + "\n", secret: false);
        var retired = state.Retired.Select(r => new RetiredRootRecord(r.Certificate.ExportCertificatePem(), r.KeepUntil)).ToList();
        WriteAtomically(RetiredPath, JsonSerializer.Serialize(retired), secret: false);
        PublishBundle(state);
    }

    /// <summary>Writes the trust bundle where anyone on the machine can read it.</summary>
    public void PublishBundle(CaState state)
    {
        Directory.CreateDirectory(dataDir);
        WriteAtomically(RootBundlePath, state.RootBundlePem, secret: false);
    }

    internal static AsymmetricAlgorithm PrivateKeyOf(X509Certificate2 certificate) =>
        (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
        ?? throw new CaConfigurationException($"the CA certificate '{certificate.Subject}' has no ECDSA or RSA private key");

    private List<RetiredRoot> ReadRetired(DateTimeOffset now)
    {
        var records = JsonSerializer.Deserialize<List<RetiredRootRecord>>(File.ReadAllText(RetiredPath))
            ?? throw new CaConfigurationException($"{RetiredPath}: not a list of retired roots");
        return [.. records
            .Where(r => r.KeepUntil > now)
            .Select(r => new RetiredRoot(X509Certificate2.CreateFromPem(r.Certificate), r.KeepUntil))];
    }

    private static void WriteAtomically(string path, string content, bool secret)
    {
        var temporary = path + ".tmp";
        if (secret)
        {
            SecretFile.Write(temporary, content);
        }
        else
        {
            File.WriteAllText(temporary, content);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed record RetiredRootRecord(string Certificate, DateTimeOffset KeepUntil);
}
