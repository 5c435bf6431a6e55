namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// What a directory scan compares to decide that a file changed without reading it: its size
/// and last write time. Watcher events force a re-read whatever the stamp says.
/// </summary>
internal readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    public static FileStamp Of(FileInfo file) => new(file.Length, file.LastWriteTimeUtc);
}
