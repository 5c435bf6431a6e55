using ControlPlane.Shared.Config.Sources;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Shared.Tests.Config.Sources;

public sealed class ConfigSourceSelectorTests
{
    private static readonly string Existing = TempDirectory.Create("selector");

    [Fact]
    public void Choose_GalleyAddressAlone_SubscribesToGalley() =>
        Assert.Equal(ConfigSourceKind.GalleySubscription, ConfigSourceSelector.Choose(new(null, "galley:9901", false, false)));

    [Fact]
    public void Choose_ConfigDirAlone_ReadsTheFiles() =>
        Assert.Equal(ConfigSourceKind.Files, ConfigSourceSelector.Choose(new(Existing, null, false, false)));

    [Fact]
    public void Choose_NothingGiven_ReadsNoFilesAndServesEmptyConfig() =>
        Assert.Equal(ConfigSourceKind.Files, ConfigSourceSelector.Choose(new(null, null, false, false)));

    [Fact]
    public void Choose_GalleyInProcess_UsesItsFileSource() =>
        Assert.Equal(ConfigSourceKind.Files, ConfigSourceSelector.Choose(new(Existing, null, false, true)));

    [Fact]
    public void Choose_GalleyAddressAndConfigDir_IsRefusedNamingBoth()
    {
        var error = Assert.Throws<MeshUsageException>(() => ConfigSourceSelector.Choose(new(Existing, "galley:9901", false, false)));

        Assert.Equal("--galley-address and --config-dir both name a config source; pass only one of them", error.Message);
    }

    [Fact]
    public void Choose_GalleyAddressWhereGalleyRunsInProcess_IsRefused()
    {
        var error = Assert.Throws<MeshUsageException>(() => ConfigSourceSelector.Choose(new(null, "galley:9901", false, true)));

        Assert.StartsWith("--galley-address 'galley:9901' cannot be used where Galley runs in the same process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_MissingConfigDir_IsRefusedInOneLineSayingWhatToDo()
    {
        var missing = Path.Combine(Existing, "typo");

        var error = Assert.Throws<MeshUsageException>(() => ConfigSourceSelector.Choose(new(missing, null, false, false)));

        Assert.Equal($"--config-dir '{missing}' does not exist; create it, fix the path, or pass --wait-for-config-dir if it is created later", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Choose_MissingConfigDirWithWaitForConfigDir_ReadsTheFilesOnceTheyAppear() =>
        Assert.Equal(ConfigSourceKind.Files, ConfigSourceSelector.Choose(new(Path.Combine(Existing, "later"), null, true, false)));
}
