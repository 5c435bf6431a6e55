using System.Globalization;

namespace ControlPlane.Bench.Mixer;

/// <summary>
/// Collects every measured run and prints medians over the rounds as a Markdown table. A run's
/// fraction of the ceiling is taken against the trivial call of the same round (run just before it).
/// </summary>
internal sealed class Report
{
    private readonly List<Row> _rows = [];
    private double _ceiling = double.NaN;

    public void Add(Scenario scenario, int round, H2Load.Result result, ServerCost cost)
    {
        if (scenario.Ceiling)
        {
            _ceiling = result.RequestsPerSecond;
        }

        _rows.Add(new Row(scenario, round, result, cost, result.RequestsPerSecond / _ceiling));
    }

    public void Print(TextWriter output, int entriesPerStream)
    {
        output.WriteLine("Every round, in order:");
        output.WriteLine();
        output.WriteLine("| round | run | calls/s | of ceiling | p50 ms | p99 ms | server CPU µs/call | allocated B/call | gen0/gen1/gen2 GCs | GC pause ms |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var calls = Math.Max(1, row.Result.Succeeded);
            output.WriteLine(Text(
                $"| {row.Round} | {row.Scenario.Name} | {row.Result.RequestsPerSecond:0} | {Fraction(row)} | {row.Result.P50Ms:0.00} | {row.Result.P99Ms:0.00} | {row.Cost.Cpu.TotalMicroseconds / calls:0.0} | {Bytes(AllocatedPerCall(row))} | {row.Cost.Gen0}/{row.Cost.Gen1}/{row.Cost.Gen2} | {row.Cost.GcPause.TotalMilliseconds:0.0} |"));
        }

        output.WriteLine();
        output.WriteLine("Medians over the rounds (p99: median, and the worst round):");
        output.WriteLine();
        output.WriteLine("| run | offered calls/s | calls/s | of ceiling | p50 ms | p99 ms (worst) | server CPU µs/call | allocated B/call |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var group in _rows.GroupBy(r => r.Scenario.Name))
        {
            var first = group.First().Scenario;
            var offered = first.OfferedRate is { } rate ? rate.ToString("N0", CultureInfo.InvariantCulture) : "as fast as answered";
            var fraction = first.OfferedRate is null && !first.Ceiling ? Median(group.Select(r => r.Fraction)).ToString("P0", CultureInfo.InvariantCulture) : "-";
            output.WriteLine(Text(
                $"| {first.Name} | {offered} | {Median(group.Select(r => r.Result.RequestsPerSecond)):N0} | {fraction} | {Median(group.Select(r => r.Result.P50Ms)):0.00} | {Median(group.Select(r => r.Result.P99Ms)):0.00} ({group.Max(r => r.Result.P99Ms):0.00}) | {Median(group.Select(r => r.Cost.Cpu.TotalMicroseconds / Math.Max(1, r.Result.Succeeded))):0.0} | {Bytes(Median(group.Select(AllocatedPerCall).Where(b => !double.IsNaN(b))))} |"));
        }

        foreach (var group in _rows.Where(r => r.Scenario.Path.EndsWith("/StreamAccessLogs", StringComparison.Ordinal)).GroupBy(r => r.Scenario.Name))
        {
            output.WriteLine();
            output.WriteLine(Text(
                $"{group.Key}: {Median(group.Select(r => r.Result.RequestsPerSecond)) * entriesPerStream:N0} access-log entries ingested per second ({entriesPerStream} entries per stream), {Median(group.Select(r => r.Cost.Cpu.TotalMicroseconds / Math.Max(1, r.Result.Succeeded))) / entriesPerStream:0.00} µs of server CPU per entry"));
        }
    }

    // The process-wide allocation counter can step back when the GC retires a heap (DATAS changes
    // the heap count at run time); such a run has no allocation figure.
    private static double AllocatedPerCall(Row row) =>
        row.Cost.AllocatedBytes < 0 ? double.NaN : (double)row.Cost.AllocatedBytes / Math.Max(1, row.Result.Succeeded);

    private static string Bytes(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0", CultureInfo.InvariantCulture);

    private static string Fraction(Row row) => row.Scenario.OfferedRate is null ? row.Fraction.ToString("P0", CultureInfo.InvariantCulture) : "-";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(Scenario Scenario, int Round, H2Load.Result Result, ServerCost Cost, double Fraction);
}
