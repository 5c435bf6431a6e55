namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// Turns one config file into objects and diagnostics. The file source depends on this seam
/// rather than on the loader directly, so its reconcile logic is tested without YAML.
/// Implementations never throw for bad content: problems come back as diagnostics.
/// </summary>
internal interface IConfigFileLoader
{
    ConfigFileContent Load(string path);
}
