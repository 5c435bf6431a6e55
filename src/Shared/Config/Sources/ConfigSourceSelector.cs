using ControlPlane.Shared.Hosting;

namespace ControlPlane.Shared.Config.Sources;

/// <summary>
/// The one place that decides where a process's config comes from. Precedence:
/// <list type="number">
/// <item>Galley in this process: its file source (<c>--config-dir</c>, or empty config without it);
/// <c>--galley-address</c> is refused, a process does not subscribe to itself.</item>
/// <item><c>--galley-address</c>: a subscription to that Galley; <c>--config-dir</c> is refused with it,
/// since only one of them could be served.</item>
/// <item>Otherwise the file source in this process, on <c>--config-dir</c> or on nothing (empty config).</item>
/// </list>
/// A <c>--config-dir</c> that does not exist is refused (almost always a typo) unless
/// <c>--wait-for-config-dir</c> says it is created later. <c>--kubeconfig</c> will slot in here.
/// </summary>
public static class ConfigSourceSelector
{
    /// <exception cref="MeshUsageException">The combination is unusable; the message says what to change.</exception>
    public static ConfigSourceKind Choose(ConfigSourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var galleyAddress = GalleyAddress(settings);
        if (galleyAddress is not null)
        {
            return ConfigSourceKind.GalleySubscription;
        }

        if (settings.ConfigDir is { } directory && !settings.WaitForConfigDir && !Directory.Exists(directory))
        {
            throw new MeshUsageException($"{MeshFlags.ConfigDir.Name} '{directory}' does not exist; create it, fix the path, or pass {ConfigSourceRegistration.WaitForConfigDirFlag.Name} if it is created later");
        }

        return ConfigSourceKind.Files;
    }

    private static string? GalleyAddress(ConfigSourceSettings settings)
    {
        if (settings.GalleyAddress is null)
        {
            return null;
        }

        if (settings.GalleyInProcess)
        {
            throw new MeshUsageException($"--galley-address '{settings.GalleyAddress}' cannot be used where Galley runs in the same process; drop it to use this process's own config");
        }

        if (settings.ConfigDir is not null)
        {
            throw new MeshUsageException($"--galley-address and {MeshFlags.ConfigDir.Name} both name a config source; pass only one of them");
        }

        return settings.GalleyAddress;
    }
}
