using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Hosting;
using Microsoft.Extensions.Configuration;

namespace ControlPlane.Shared.Config.Sources;

/// <summary>What the configuration says about config sources, and whether Galley runs in this process.</summary>
public sealed record ConfigSourceSettings(string? ConfigDir, string? GalleyAddress, bool WaitForConfigDir, bool GalleyInProcess)
{
    /// <summary>Reads <c>--config-dir</c>, <c>--galley-address</c> and <c>--wait-for-config-dir</c> from configuration.</summary>
    public static ConfigSourceSettings From(IConfiguration configuration, bool galleyInProcess)
    {
        var wait = configuration[ConfigSourceRegistration.WaitForConfigDirFlag.ConfigKey];
        if (wait is not null && !bool.TryParse(wait, out _))
        {
            throw new MeshUsageException($"{ConfigSourceRegistration.WaitForConfigDirFlag.Name}: '{wait}' is not true or false");
        }

        return new ConfigSourceSettings(
            Blank(configuration[MeshFlags.ConfigDir.ConfigKey]),
            Blank(configuration[GalleySubscriptionRegistration.GalleyAddressFlag.ConfigKey]),
            wait is not null && bool.Parse(wait),
            galleyInProcess);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
