using System.Runtime.CompilerServices;

namespace ControlPlane.Pilot.Tests.Support;

/// <summary>
/// Golden files under <c>tests/Pilot.Tests/testdata/&lt;case&gt;/</c>. Set <c>UPDATE_GOLDEN=1</c> to
/// rewrite <c>expected.json</c> from the current output, then review the diff before committing.
/// </summary>
internal static class Golden
{
    public static string TestDataDirectory() => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ThisFile())!)!, "testdata");

    public static IEnumerable<string> Cases() =>
        Directory.GetDirectories(TestDataDirectory()).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Compares <paramref name="actual"/> with the case's expected file, or rewrites it when updating.</summary>
    public static void AssertMatches(string caseName, string fileName, string actual)
    {
        var path = Path.Combine(TestDataDirectory(), caseName, fileName);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with UPDATE_GOLDEN=1 to create it and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
