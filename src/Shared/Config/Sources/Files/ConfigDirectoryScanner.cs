namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// Lists the config files under a directory, recursively: <c>*.yaml</c>, <c>*.yml</c> and
/// <c>*.json</c>. Names starting with a dot are skipped, files and folders alike: editor swap
/// files, and the <c>..data</c> / <c>..2026_01_01</c> entries of a mounted Kubernetes
/// ConfigMap, which would otherwise list every file twice.
/// </summary>
internal static class ConfigDirectoryScanner
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Every config file with its stamp, keyed by <c>root/relative/path</c> (the root as the user
    /// wrote it, so messages show paths they recognise); empty when the directory is missing.
    /// </summary>
    public static IReadOnlyDictionary<string, FileStamp> Scan(string root)
    {
        var found = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
        {
            return found;
        }

        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 };
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(fullRoot)]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            try
            {
                foreach (var entry in directory.EnumerateFileSystemInfos("*", options))
                {
                    if (entry.Name.StartsWith('.'))
                    {
                        continue;
                    }

                    if (entry is DirectoryInfo child)
                    {
                        pending.Push(child);
                    }
                    else if (entry is FileInfo file && IsConfigFile(file.Name))
                    {
                        found[Path.Combine(root, Path.GetRelativePath(fullRoot, file.FullName))] = FileStamp.Of(file);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The directory vanished or closed while we listed it; the next scan sees the new state.
            }
        }

        return found;
    }

    /// <summary>Whether a file name is one the source loads.</summary>
    public static bool IsConfigFile(string name)
    {
        var fileName = Path.GetFileName(name);
        return !fileName.StartsWith('.') && Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }
}
