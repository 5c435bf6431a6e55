namespace ControlPlane.Mixer.Tests;

public sealed class MixerOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new MixerOptionsValidator().Validate(null, new MixerOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EveryBadSetting_IsReportedNotJustTheFirst()
    {
        var result = new MixerOptionsValidator().Validate(null, new MixerOptions { RootNamespace = " ", MaxSeries = 0, RedisTimeoutMilliseconds = -5 });

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("--root-namespace:", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Mixer:MaxSeries: 0 must be positive", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Mixer:RedisTimeoutMilliseconds: -5", StringComparison.Ordinal));
    }

    [Fact]
    public void Flags_Defaults_ComeFromMixerOptions()
    {
        var defaults = new MixerOptions();

        Assert.Equal(defaults.RedisFailMode, MixerRegistration.RedisFailMode.DefaultValue);
        Assert.Equal(defaults.RootNamespace, MixerRegistration.RootNamespace.DefaultValue);
        Assert.Null(MixerRegistration.Redis.DefaultValue);
    }
}
