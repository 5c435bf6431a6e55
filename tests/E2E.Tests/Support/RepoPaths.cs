using System.Runtime.CompilerServices;

namespace ControlPlane.E2E.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", ".."));

    public static string NodeClient => Path.Combine(Root, "tests", "clients", "node", "xds_client.js");

    public static string NodeServer => Path.Combine(Root, "tests", "clients", "node", "xds_server.js");

    public static string PythonClient => Path.Combine(Root, "tests", "clients", "python", "xds_client.py");

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
