using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>Loads a file with the shared YAML loader, the same one <c>meshctl validate</c> uses.</summary>
internal sealed class ConfigLoaderFileLoader : IConfigFileLoader
{
    private readonly ConfigLoader _loader = new();

    public ConfigFileContent Load(string path)
    {
        var result = _loader.LoadFile(path);
        return new ConfigFileContent(result.Objects, result.KubernetesObjects, result.Diagnostics);
    }
}
