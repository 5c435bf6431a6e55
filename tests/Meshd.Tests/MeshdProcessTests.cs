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
    public async Task Meshd_UnknownFlag_ExitsWith2WithOneErrorLinePointingToHelp()
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", [MeshdDll, "--bogus", "1"], Deadline);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(output));
        Assert.Contains("error: unknown argument '--bogus'", line, StringComparison.Ordinal);
        Assert.Contains("meshd --help", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meshd_Help_ListsTheFlagsAndDocumentsTheExitCodes()
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", [MeshdDll, "--help"], Deadline);

        Assert.Equal(0, exitCode);
        Assert.Contains("--monitoring-port", output, StringComparison.Ordinal);
        Assert.Contains("exit codes:", output, StringComparison.Ordinal);
        Assert.Contains("2  usage error", output, StringComparison.Ordinal);
        Assert.Contains("Pilot xDS over TLS (reserved, not served yet)", output, StringComparison.Ordinal);
        Assert.Contains("Galley's validating admission webhook", output, StringComparison.Ordinal);
        Assert.DoesNotContain("injection", output, StringComparison.Ordinal);
        Assert.Contains("--debounce-quiet", output, StringComparison.Ordinal);
        Assert.Contains("(default 0:00:00.1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meshd_PortAlreadyInUse_ExitsWith1WithOneLineNamingTheFlagAndPortZero()
    {
        using var port = new BusyPort();
        var busy = port.Number;

        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", [MeshdDll, .. FreePorts(TempDirectory.Create("meshd-busy")), "--mixer-port", busy], Deadline);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(output), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.Contains($"--mixer-port {busy}", line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
        Assert.Contains("--mixer-port 0", line, StringComparison.Ordinal);
        AssertNoStackTraceOrNoise(output);
    }

    [Theory]
    [InlineData("", "is a file, not a directory")]
    [InlineData("data", "cannot create or write it")]
    public async Task Meshd_DataDirIsOrIsUnderAFile_ExitsWith1WithOneLine(string below, string problem)
    {
        var file = Path.Combine(TempDirectory.Create("meshd-file"), "a-file");
        await File.WriteAllTextAsync(file, "x");
        var dataDir = below.Length == 0 ? file : Path.Combine(file, below);

        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", [MeshdDll, .. FreePorts(dataDir)], Deadline);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(output));
        Assert.Contains($"--data-dir {dataDir}: {problem}", line, StringComparison.Ordinal);
        AssertNoStackTraceOrNoise(output);
    }

    [Fact]
    public async Task Meshd_BadLogLevel_ExitsWith2WithOneLine()
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", [MeshdDll, "--log-level", "Loud"], Deadline);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(output));
        Assert.Contains("--log-level: 'Loud' is not one of", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--debounce-quiet", "-0:00:01", "--debounce-quiet: -00:00:01 is negative")]
    [InlineData("--debounce-quiet", "100ms", "--debounce-quiet: '100ms' is not a duration")]
    [InlineData("--max-cert-ttl", "365d", "--max-cert-ttl: 365.00:00:00 must be positive and at most 90 days")]
    public async Task Meshd_InvalidOptionValue_ExitsWith2WithOneLineNamingTheFlag(string flag, string value, string expected)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", [MeshdDll, .. FreePorts(TempDirectory.Create("meshd-option")), flag, value], Deadline);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(output), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        AssertNoStackTraceOrNoise(output);
    }

    [Fact]
    public async Task Meshd_StartupFailureWithLogLevelDebug_PrintsTheStackTraceAfterTheLine()
    {
        using var port = new BusyPort();
        var busy = port.Number;

        var (exitCode, output) = await ProcessRunner.RunAsync(
            "dotnet", [MeshdDll, .. FreePorts(TempDirectory.Create("meshd-busy")), "--galley-port", busy, "--log-level", "Debug"], Deadline);

        Assert.Equal(1, exitCode);
        Assert.Contains($"meshd: error: --galley-port {busy}", output, StringComparison.Ordinal);
        Assert.Contains("   at ", output, StringComparison.Ordinal);
    }

    private static string MeshdDll => Path.Combine(AppContext.BaseDirectory, "Meshd.dll");

    private static string[] FreePorts(string dataDir) =>
    [
        "--bind-address", "127.0.0.1", "--data-dir", dataDir,
        "--xds-port", "0", "--xds-tls-port", "0", "--ca-port", "0", "--galley-port", "0",
        "--mixer-port", "0", "--webhook-port", "0", "--monitoring-port", "0",
    ];

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertNoStackTraceOrNoise(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BackgroundService failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", output, StringComparison.Ordinal);
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
            $"meshd: error: --config-dir '{missing}' does not exist; create it, fix the path, or pass --wait-for-config-dir if it is created later (run 'meshd --help' for the flags)",
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
