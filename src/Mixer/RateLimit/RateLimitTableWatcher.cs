using ControlPlane.Shared.Config;
using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>The RateLimitConfigs of the current config snapshot, compiled into the table ShouldRateLimit reads.</summary>
internal sealed partial class RateLimitTableWatcher(IConfigSnapshotSource source, ILogger<RateLimitTableWatcher> logger)
    : CompiledConfigWatcher<RateLimitTable>(source, RateLimitTable.Empty), IRateLimitTableSource
{
    protected override RateLimitTable Compile(ConfigSnapshot snapshot) => RateLimitConfigCompiler.Compile(snapshot);

    protected override void Applied(long version, RateLimitTable compiled)
    {
        foreach (var diagnostic in compiled.Diagnostics)
        {
            LogDiagnostic(logger, diagnostic.ToString());
        }

        LogApplied(logger, version, compiled.Domains.Count);
    }

    [LoggerMessage(EventId = LogEventIds.MixerRateLimit + 2, Level = LogLevel.Warning, Message = "Rate-limit config ignored: {Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = LogEventIds.MixerRateLimit + 3, Level = LogLevel.Information, Message = "Rate-limit config version {Version} applied: {Domains} domains")]
    private static partial void LogApplied(ILogger logger, long version, int domains);
}
