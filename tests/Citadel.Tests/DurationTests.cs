using ControlPlane.Citadel.Authority;

namespace ControlPlane.Citadel.Tests;

public sealed class DurationTests
{
    [Theory]
    [InlineData("90d", 90 * 24 * 3600)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("30m", 30 * 60)]
    [InlineData("3600s", 3600)]
    public void Parse_WholeNumberWithUnit_GivesTheDuration(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Duration.Parse(text, "--x"));
    }

    [Theory]
    [InlineData("1w")]
    [InlineData("h")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    public void Parse_Malformed_NamesTheFlag(string text)
    {
        var error = Assert.Throws<CaConfigurationException>(() => Duration.Parse(text, "--max-cert-ttl"));

        Assert.Contains("--max-cert-ttl", error.Message, StringComparison.Ordinal);
    }
}
