using ControlPlane.Shared.Identity;

namespace ControlPlane.Citadel.Authority;

/// <summary>
/// Start-up: a plug-in CA from its directory, else the self-signed CA persisted in the data
/// directory, else a new self-signed root (persisted before it is used). The trust domain is
/// checked where it is bound (<see cref="MeshIdentityRegistration"/>).
/// </summary>
internal static class CertificateAuthorityLoader
{
    public static CaState Load(CitadelOptions options, MeshIdentityOptions identity, CaStore store, DateTimeOffset now)
    {
        Validate(options);
        if (!string.IsNullOrEmpty(options.PluginCertDir))
        {
            var plugin = PluginCaLoader.Load(options.PluginCertDir);
            store.PublishBundle(plugin);
            return plugin;
        }

        if (store.HasSelfSignedRoot)
        {
            var existing = store.LoadSelfSigned(now);
            store.SaveSelfSigned(existing);
            return existing;
        }

        var root = RootCertificateFactory.Create(options.KeyAlgorithm, identity.TrustDomain, now, options.RootTtl);
        var created = new CaState(new SigningAuthority(root, CaStore.PrivateKeyOf(root), [root]), [], [], isPlugin: false);
        store.SaveSelfSigned(created);
        return created;
    }

    /// <summary>Checks the settings, naming the flag of every bad one.</summary>
    public static void Validate(CitadelOptions options)
    {
        var result = new CitadelOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new CaConfigurationException(string.Join("; ", result.Failures!));
        }
    }
}
