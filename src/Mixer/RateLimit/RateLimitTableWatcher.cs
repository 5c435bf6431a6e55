using ControlPlane.Shared.Config;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>
/// Keeps the compiled rate-limit table in step with the config snapshots Galley publishes: each new
/// snapshot is compiled once, off the request path, and swapped in whole.
/// </summary>
internal sealed partial class RateLimitTableWatcher(IConfigSnapshotSource source, ILogger<RateLimitTableWatcher> logger)
    : IRateLimitTableSource, IHostedService, IDisposable
{
    private readonly Lock gate = new();
    private RateLimitTable current = RateLimitTable.Empty;
    private IDisposable? subscription;

    public RateLimitTable Current => Volatile.Read(ref current);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Apply(source.Current);
        subscription = source.Subscribe(snapshot => Apply(snapshot));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        subscription?.Dispose();
        subscription = null;
    }

    private RateLimitTable Apply(ConfigSnapshot snapshot)
    {
        lock (gate)
        {
            if (current.Version == snapshot.Version && snapshot.Version != 0)
            {
                return current;
            }

            var table = RateLimitConfigCompiler.Compile(snapshot);
            foreach (var diagnostic in table.Diagnostics)
            {
                LogDiagnostic(logger, diagnostic.ToString());
            }

            Volatile.Write(ref current, table);
            LogApplied(logger, snapshot.Version, table.Domains.Count);
            return table;
        }
    }

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "rate-limit config ignored: {Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "rate-limit config version {Version} applied: {Domains} domains")]
    private static partial void LogApplied(ILogger logger, long version, int domains);
}
