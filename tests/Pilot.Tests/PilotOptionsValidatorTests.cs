using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Pilot.Tests;

public sealed class PilotOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new PilotOptionsValidator().Validate(null, new PilotOptions()).Succeeded);
    }

    [Fact]
    public void Validate_NegativeQuietPeriod_FailsNamingTheFlag()
    {
        var result = new PilotOptionsValidator().Validate(null, new PilotOptions { DebounceQuiet = TimeSpan.FromSeconds(-1) });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("--debounce-quiet:", StringComparison.Ordinal) && f.Contains("negative", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MaxShorterThanQuiet_FailsNamingBothFlags()
    {
        var result = new PilotOptionsValidator().Validate(null, new PilotOptions { DebounceQuiet = TimeSpan.FromSeconds(2), DebounceMax = TimeSpan.FromSeconds(1) });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("--debounce-max", failure, StringComparison.Ordinal);
        Assert.Contains("--debounce-quiet", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_DebounceDefaults_ComeFromPilotOptions()
    {
        var defaults = new PilotOptions();

        var quiet = Assert.Single(PilotRegistration.Flags, f => f.Name == "--debounce-quiet");
        var max = Assert.Single(PilotRegistration.Flags, f => f.Name == "--debounce-max");

        Assert.Equal(defaults.DebounceQuiet, TimeSpan.Parse(quiet.DefaultValue!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(defaults.DebounceMax, TimeSpan.Parse(max.DefaultValue!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0:00:00.1", quiet.DefaultValue);
    }

    [Fact]
    public void Parse_DebounceQuietThatIsNotADuration_IsAUsageErrorNamingTheFlag()
    {
        var result = MeshCommandLine.Parse("pilot", ["--debounce-quiet", "100ms"], PilotRegistration.Flags);

        Assert.Equal(MeshExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("--debounce-quiet: '100ms' is not a duration", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NegativeQuietPeriod_IsAUsageErrorNamingTheFlag()
    {
        var error = await Assert.ThrowsAsync<MeshUsageException>(() => TestHost.StartAsync(PilotHost.Definition, "--debounce-quiet", "-0:00:01"));

        Assert.StartsWith("--debounce-quiet: -00:00:01 is negative", error.Message, StringComparison.Ordinal);
    }
}
