namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Loads Kubernetes-style config (Istio objects and the Kubernetes objects beside them) from YAML
/// or JSON text, a file, or a directory tree. Reading is all-or-nothing per object, never per file:
/// an object with an error is reported and left out, and the other objects still load.
/// Stateless and thread-safe.
/// </summary>
public sealed class ConfigLoader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Loads multi-document YAML (or JSON) text; <paramref name="fileName"/> names it in positions.</summary>
    public ConfigLoadResult LoadText(string text, string fileName = "<input>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var results = new LoadResultBuilder();
        YamlDocuments.Read(text, fileName, split: true, results);
        return results.Build();
    }

    /// <summary>Loads one file, or every <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> under a directory.</summary>
    public ConfigLoadResult LoadPath(string path) =>
        Directory.Exists(path) ? LoadDirectory(path) : LoadFile(path);

    /// <summary>Loads one file; a file that cannot be read is one error.</summary>
    public ConfigLoadResult LoadFile(string path)
    {
        var results = new LoadResultBuilder();
        ReadFile(path, results);
        return results.Build();
    }

    /// <summary>
    /// Loads every <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> file under <paramref name="path"/>,
    /// recursively, in ordinal path order. Hidden files and folders (a leading dot, such as the
    /// <c>..data</c> links of a mounted ConfigMap) are left out so nothing is read twice.
    /// </summary>
    public ConfigLoadResult LoadDirectory(string path)
    {
        var results = new LoadResultBuilder();
        IEnumerable<string> files;
        try
        {
            files = EnumerateConfigFiles(path).Order(StringComparer.Ordinal).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            results.Add(new ConfigDiagnostic(DiagnosticLevel.Error, $"cannot read directory: {ex.Message}", new SourcePosition(path, 1, 1)));
            return results.Build();
        }

        foreach (var file in files)
        {
            ReadFile(file, results);
        }

        return results.Build();
    }

    private static void ReadFile(string path, LoadResultBuilder results)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            results.Add(new ConfigDiagnostic(DiagnosticLevel.Error, $"cannot read file: {ex.Message}", new SourcePosition(path, 1, 1)));
            return;
        }

        // JSON is read by the YAML parser (for positions). YAML forbids tabs as indentation, JSON
        // allows them; outside strings a JSON tab is only whitespace and inside strings it must be
        // escaped, so replacing tabs with spaces keeps the document and every column the same.
        var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        YamlDocuments.Read(isJson ? text.Replace('\t', ' ') : text, path, split: !isJson, results);
    }

    private static IEnumerable<string> EnumerateConfigFiles(string directory)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                foreach (var file in EnumerateConfigFiles(sub.FullName))
                {
                    yield return file;
                }
            }
            else if (Extensions.Any(e => entry.Name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                yield return Path.Combine(directory, entry.Name);
            }
        }
    }
}
