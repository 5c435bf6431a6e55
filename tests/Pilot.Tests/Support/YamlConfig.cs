using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Pilot.Tests.Support;

/// <summary>Test input: multi-document Istio YAML to a <see cref="ConfigSnapshot"/> through Shared's loader; any error fails the test.</summary>
internal static class YamlConfig
{
    public static ConfigSnapshot Parse(string yaml, long version = 1, string fileName = "input.yaml")
    {
        var result = new ConfigLoader().LoadText(yaml, fileName);
        if (result.HasErrors)
        {
            throw new InvalidOperationException("test config does not load:\n" + string.Join("\n", result.Diagnostics));
        }

        return new ConfigSnapshot(version, result.Objects, result.KubernetesObjects);
    }
}
