using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Shared.Tests.Config.Loading;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("1.5s", 1, 500_000_000)]
    [InlineData("0", 0, 0)]
    [InlineData("0s", 0, 0)]
    [InlineData("100ms", 0, 100_000_000)]
    [InlineData("5m", 300, 0)]
    [InlineData("1h30m", 5400, 0)]
    [InlineData("1.000000001s", 1, 1)]
    [InlineData("250us", 0, 250_000)]
    [InlineData("-2.5s", -2, -500_000_000)]
    [InlineData("315576000000s", 315_576_000_000, 0)]
    public void TryParse_ValidDuration_GivesSecondsAndNanos(string text, long seconds, int nanos)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal((seconds, nanos), (duration.Seconds, duration.Nanos));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("1.5")]
    [InlineData("s")]
    [InlineData("5d")]
    [InlineData("1..5s")]
    [InlineData("10 s")]
    [InlineData("315576000001s")]
    public void TryParse_InvalidDuration_Fails(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
