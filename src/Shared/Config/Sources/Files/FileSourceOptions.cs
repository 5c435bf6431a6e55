namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>Timing of the file source, bound from the <c>Galley:Files</c> configuration section.</summary>
internal sealed class FileSourceOptions
{
    public const string Section = "Galley:Files";

    /// <summary>Quiet time after a change event before reloading, so an editor's burst of writes makes one snapshot.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the directory is rescanned whatever the watcher says: file system events can be lost.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(5);
}
