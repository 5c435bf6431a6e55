using ControlPlane.Shared.Hosting;

namespace ControlPlane.Pilot.Tests;

public sealed class PilotHostTests
{
    [Fact]
    public void Build_GalleyAddress_IsAUsageErrorNamingTheFlag_UntilGalleyDistributionExists()
    {
        var error = Assert.Throws<MeshUsageException>(() => MeshHost.Build(PilotHost.Definition, ["--galley-address", "127.0.0.1:9901", "--xds-port", "0", "--monitoring-port", "0"]));

        Assert.Contains("--galley-address", error.Message, StringComparison.Ordinal);
    }
}
