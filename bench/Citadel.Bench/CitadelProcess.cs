using System.Diagnostics;
using System.Text.Json;

namespace ControlPlane.Citadel.Bench;

/// <summary>
/// The real Citadel executable (Release build) in its own process, so the end-to-end figures
/// can charge the server only for its own CPU time, separately from the load generator's.
/// </summary>
internal sealed class CitadelProcess : IDisposable
{
    private readonly Process _process;

    private CitadelProcess(Process process, string dataDir, int caPort)
    {
        _process = process;
        DataDir = dataDir;
        CaPort = caPort;
    }

    public string DataDir { get; }

    public int CaPort { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<CitadelProcess> StartAsync()
    {
        var dll = Path.Combine(RepoRoot(), "src", "Citadel", "bin", "Release", "net10.0", "ControlPlane.Citadel.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll}: build it first: dotnet build -c Release src/Citadel", dll);
        }

        var dataDir = Path.Combine(Path.GetTempPath(), "citadel-bench-server-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [dll, "--bind-address", "127.0.0.1", "--data-dir", dataDir, "--ca-port", "0", "--monitoring-port", "0", "--log-level", "Warning"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portsFile = Path.Combine(dataDir, "ports.json");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(portsFile))
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("Citadel did not start within 60s");
            }

            await Task.Delay(100);
        }

        var ports = JsonSerializer.Deserialize<Dictionary<string, int>>(await File.ReadAllTextAsync(portsFile))!;
        return new CitadelProcess(process, dataDir, ports["ca"]);
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        Directory.Delete(DataDir, recursive: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ControlPlane.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (ControlPlane.sln) above " + AppContext.BaseDirectory);
    }
}
