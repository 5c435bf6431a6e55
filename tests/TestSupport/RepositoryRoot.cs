using System.Runtime.CompilerServices;

namespace ControlPlane.TestSupport;

/// <summary>The repository's root directory (the one holding <c>ControlPlane.sln</c>), found above a test's source file.</summary>
public static class RepositoryRoot
{
    public static string Find([CallerFilePath] string source = "")
    {
        var dir = Path.GetDirectoryName(source);
        while (dir is not null && !File.Exists(Path.Combine(dir, "ControlPlane.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("repository root not found above " + source);
    }
}
