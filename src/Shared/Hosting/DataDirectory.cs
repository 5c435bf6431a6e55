namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Makes sure <c>--data-dir</c> is a directory this process can write, before any service needs
/// it, so a wrong path is one clear line rather than an exception from whichever service wrote first.
/// </summary>
internal static class DataDirectory
{
    internal static void Ensure(string path)
    {
        var flag = MeshFlags.DataDir.Name;
        if (File.Exists(path))
        {
            throw new MeshStartupException($"{flag} {path}: is a file, not a directory; give a directory path (it is created if missing)");
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MeshStartupException($"{flag} {path}: cannot create or write it ({e.Message}); give a directory this user can write", e);
        }
    }
}
