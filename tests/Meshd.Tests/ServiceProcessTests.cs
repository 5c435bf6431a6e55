using ControlPlane.TestSupport;

namespace ControlPlane.Meshd.Tests;

/// <summary>Each service run alone fails as Meshd does: one line, the documented exit code.</summary>
public sealed class ServiceProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("galley", "--galley-port 0 --webhook-port 0")]
    [InlineData("pilot", "--xds-port 0")]
    [InlineData("citadel", "--ca-port 0")]
    [InlineData("mixer", "--mixer-port 0")]
    public async Task Service_MonitoringPortInUse_ExitsWith1WithOneLineNamingTheFlag(string service, string ownPorts)
    {
        using var port = new BusyPort();
        var busy = port.Number;
        string[] args = [Dll(service), "--bind-address", "127.0.0.1", "--data-dir", TempDirectory.Create(service), "--monitoring-port", busy, .. ownPorts.Split(' ')];

        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", args, Deadline);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.StartsWith($"{service}: error: --monitoring-port {busy}", line, StringComparison.Ordinal);
        Assert.Contains("--monitoring-port 0", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("galley", "--xds-port")]
    [InlineData("pilot", "--galley-port")]
    [InlineData("citadel", "--mixer-port")]
    [InlineData("mixer", "--ca-port")]
    public async Task Service_FlagOfAnotherService_ExitsWith2WithOneLine(string service, string foreignFlag)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", [Dll(service), foreignFlag, "1"], Deadline);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"{service}: error: unknown argument '{foreignFlag}' (run '{service} --help' for the flags)", line.Trim());
    }

    [Theory]
    [InlineData("galley", "--webhook-cert", "cert.pem", "--webhook-cert and --webhook-key must be given together")]
    [InlineData("pilot", "--debounce-quiet", "-0:00:01", "--debounce-quiet: -00:00:01 is negative")]
    [InlineData("citadel", "--max-cert-ttl", "365d", "--max-cert-ttl: 365.00:00:00 must be positive and at most 90 days")]
    [InlineData("mixer", "--root-namespace", " ", "--root-namespace: must not be empty")]
    public async Task Service_OptionRefusedWhenTheHostStarts_ExitsWith2WithOneLineNamingTheFlag(string service, string flag, string value, string expected)
    {
        var dataDir = TempDirectory.Create(service);
        string[] args = [Dll(service), "--bind-address", "127.0.0.1", "--data-dir", dataDir, "--monitoring-port", "0", .. OwnPorts(service), flag, value];

        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", args, Deadline);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.StartsWith($"{service}: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    private static string[] OwnPorts(string service) => service switch
    {
        "galley" => ["--galley-port", "0", "--webhook-port", "0"],
        "pilot" => ["--xds-port", "0"],
        "citadel" => ["--ca-port", "0"],
        _ => ["--mixer-port", "0"],
    };

    private static string Dll(string service) =>
        Path.Combine(AppContext.BaseDirectory, $"ControlPlane.{char.ToUpperInvariant(service[0])}{service[1..]}.dll");
}
