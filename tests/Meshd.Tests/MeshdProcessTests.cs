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

    [Fact]
    public async Task Meshd_ConfigDirThatDoesNotExist_ExitsWith2AndSaysWhatToDoInOneLine()
    {
        var meshd = Path.Combine(AppContext.BaseDirectory, "Meshd.dll");
        var missing = Path.Combine(TempDirectory.Create("meshd-process"), "confg");

        var (exitCode, output) = await ProcessRunner.RunAsync(
            "dotnet", [meshd, "--bind-address", "127.0.0.1", "--data-dir", TempDirectory.Create("meshd-process"), "--config-dir", missing], Deadline);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            $"meshd: --config-dir '{missing}' does not exist; create it, fix the path, or pass --wait-for-config-dir if it is created later",
            output.Trim());
    }

    [Fact]
    public async Task Meshd_ConfigDirThatDoesNotExistWithWaitForConfigDir_StartsAndLoadsItOnceCreated()
    {
        var dataDir = TempDirectory.Create("meshd-process");
        var configDir = Path.Combine(TempDirectory.Create("meshd-process"), "later");
        var meshd = Path.Combine(AppContext.BaseDirectory, "Meshd.dll");
        string[] args = ["--default-signal=INT", "dotnet", meshd, "--bind-address", "127.0.0.1", "--data-dir", dataDir,
            "--xds-port", "0", "--xds-tls-port", "0", "--ca-port", "0", "--galley-port", "0",
            "--mixer-port", "0", "--webhook-port", "0", "--monitoring-port", "0",
            "--config-dir", configDir, "--wait-for-config-dir"];
        await using var process = ProcessRunner.Start("env", args);

        var portsFile = Path.Combine(dataDir, "ports.json");
        await Eventually.TrueAsync(() => File.Exists(portsFile) || process.HasExited, Deadline, "ports.json");
        Assert.False(process.HasExited, process.Output);
        var ports = JsonSerializer.Deserialize<Dictionary<string, int>>(await File.ReadAllTextAsync(portsFile))!;
        Directory.CreateDirectory(configDir);
        await File.WriteAllTextAsync(Path.Combine(configDir, "vs.yaml"), ConfigYaml.VirtualService("reviews", "reviews"));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var objectCount = await Eventually.ValueAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{ports["monitoring"]}/debug/configz"))).RootElement.GetProperty("objectCount").GetInt32(),
            count => count == 1,
            Deadline,
            "the VirtualService written after start in /debug/configz");
        Assert.Equal(1, objectCount);

        process.Signal("INT");
        Assert.Equal(0, await process.WaitForExitAsync(Deadline));
    }
}
