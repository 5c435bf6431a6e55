using ControlPlane.Agent.Certificates;

namespace ControlPlane.Agent.Tests.Certificates;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Next_DoublesItsCeilingPerFailure_WithJitterInTheUpperHalf_UpToTheMaximum()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), new Random(7));

        var waits = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ToList();

        double[] ceilings = [1, 2, 4, 8, 8, 8];
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.InRange(waits[i], ceilings[i] / 2, ceilings[i]);
        }
    }

    [Fact]
    public void Reset_StartsAgainFromTheInitialWait()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(3));
        for (var i = 0; i < 5; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.InRange(backoff.Next().TotalSeconds, 0.5, 1);
    }
}
