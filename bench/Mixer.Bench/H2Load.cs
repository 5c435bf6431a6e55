using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ControlPlane.Bench.Mixer;

/// <summary>Runs h2load against one gRPC method and reads back throughput and latency percentiles (from its log file).</summary>
internal static partial class H2Load
{
    public sealed record Result(string Name, double RequestsPerSecond, long Succeeded, long Failed, double P50Ms, double P99Ms);

    /// <summary>Runs h2load for <paramref name="seconds"/>, every call counted (warm the server up with an earlier run).</summary>
    public static async Task<Result> RunAsync(Scenario scenario, Uri server, int seconds)
    {
        var directory = Path.Combine(Path.GetTempPath(), "mixer-bench");
        Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, scenario.Name + ".bin");
        var log = Path.Combine(directory, scenario.Name + ".log");
        await File.WriteAllBytesAsync(data, scenario.Body);
        File.Delete(log);
        var start = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "-c", scenario.Clients.ToString(CultureInfo.InvariantCulture), "-m", scenario.Streams.ToString(CultureInfo.InvariantCulture), "-t", "1",
                     "-D", seconds.ToString(CultureInfo.InvariantCulture),
                     "-H", "content-type: application/grpc", "-H", "te: trailers", "-d", data, "--log-file=" + log,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        if (scenario.RpsPerClient is { } rps)
        {
            start.ArgumentList.Add("--rps=" + rps.ToString(CultureInfo.InvariantCulture));
        }

        start.ArgumentList.Add(new Uri(server, scenario.Path).ToString());
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        var rate = double.Parse(Rate().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = Requests().Match(output);
        var succeeded = long.Parse(requests.Groups["ok"].Value, CultureInfo.InvariantCulture);
        var failed = long.Parse(requests.Groups["failed"].Value, CultureInfo.InvariantCulture) + long.Parse(requests.Groups["errored"].Value, CultureInfo.InvariantCulture);

        // Log lines: start time (µs since epoch), HTTP status, request duration (µs).
        var durations = File.ReadLines(log)
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 3)
            .Select(f => double.Parse(f[2], CultureInfo.InvariantCulture) / 1000)
            .Order()
            .ToArray();
        return new Result(scenario.Name, rate, succeeded, failed, Percentile(durations, 0.50), Percentile(durations, 0.99));
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * quantile) - 1)];

    [GeneratedRegex(@"finished in [\d.]+\w+, ([\d.]+) req/s")]
    private static partial Regex Rate();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (?<ok>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored")]
    private static partial Regex Requests();
}
