using System.Net;
using System.Text.Json;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshd.Tests;

/// <summary>Meshd as a user runs it: a real process, real ports, Ctrl-C or a termination signal.</summary>
public sealed class MeshdProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Meshd_StartedWithPortZero_BecomesReadyAndStopsCleanlyOnASignal(string signal)
    {
        var dataDir = TempDirectory.Create("meshd-process");
        var meshd = Path.Combine(AppContext.BaseDirectory, "Meshd.dll");
        // Started as from a terminal: a test runner launched in the background (or under nohup)
        // ignores SIGINT, and its children would inherit that, so env restores the default first.
        string[] args = ["--default-signal=INT", "dotnet", meshd, "--bind-address", "127.0.0.1", "--data-dir", dataDir,
            "--xds-port", "0", "--xds-tls-port", "0", "--ca-port", "0", "--galley-port", "0",
            "--mixer-port", "0", "--webhook-port", "0", "--monitoring-port", "0"];
        await using var process = ProcessRunner.Start("env", args);

        var portsFile = Path.Combine(dataDir, "ports.json");
        await Eventually.TrueAsync(() => File.Exists(portsFile) || process.HasExited, Deadline, "ports.json");
        Assert.False(process.HasExited, process.Output);
        var ports = JsonSerializer.Deserialize<Dictionary<string, int>>(await File.ReadAllTextAsync(portsFile))!;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var ready = await Eventually.ValueAsync(
            async () => (await http.GetAsync(new Uri($"http://127.0.0.1:{ports["monitoring"]}/healthz/ready"))).StatusCode,
            status => status == HttpStatusCode.OK,
            Deadline,
            "/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Contains("Listening on ports", process.Output, StringComparison.Ordinal);

        process.Signal(signal);
        var exitCode = await process.WaitForExitAsync(Deadline);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Meshd_UnknownFlag_ExitsWith2AndPrintsUsage()
    {
        var meshd = Path.Combine(AppContext.BaseDirectory, "Meshd.dll");

        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", [meshd, "--bogus", "1"], Deadline);

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown argument '--bogus'", output, StringComparison.Ordinal);
        Assert.Contains("--monitoring-port", output, StringComparison.Ordinal);
    }
}
