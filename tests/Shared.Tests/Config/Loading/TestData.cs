using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Shared.Tests.Config.Loading;

/// <summary>The realistic Istio files under testdata/, copied beside the test assembly.</summary>
internal static class TestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Config", "Loading", "testdata", file);

    public static ConfigObject LoadSingle(string file)
    {
        var result = new ConfigLoader().LoadFile(PathOf(file));
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Objects);
    }
}
