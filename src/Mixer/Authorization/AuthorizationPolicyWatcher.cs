using ControlPlane.Shared.Config;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// Keeps the compiled policies in step with the config snapshots: each new snapshot is compiled
/// once, off the request path, and swapped in whole, so updates apply without a restart.
/// </summary>
internal sealed partial class AuthorizationPolicyWatcher(IConfigSnapshotSource source, IOptions<MixerOptions> options, ILogger<AuthorizationPolicyWatcher> logger)
    : IAuthorizationPolicySource, IHostedService, IDisposable
{
    private readonly Lock gate = new();
    private AuthorizationPolicySet current = AuthorizationPolicySet.Empty(options.Value.RootNamespace);
    private IDisposable? subscription;

    public AuthorizationPolicySet Current => Volatile.Read(ref current);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Apply(source.Current);
        subscription = source.Subscribe(Apply);
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

    private void Apply(ConfigSnapshot snapshot)
    {
        lock (gate)
        {
            if (snapshot.Version != 0 && current.Version == snapshot.Version)
            {
                return;
            }

            var set = AuthorizationPolicyCompiler.Compile(snapshot, options.Value.RootNamespace);
            foreach (var diagnostic in set.Diagnostics)
            {
                LogDiagnostic(logger, diagnostic.Level, diagnostic.ToString());
            }

            Volatile.Write(ref current, set);
            LogApplied(logger, snapshot.Version, set.Count);
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "AuthorizationPolicy problem ({Level}): {Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, DiagnosticLevel level, string diagnostic);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "authorization config version {Version} applied: {Policies} policies")]
    private static partial void LogApplied(ILogger logger, long version, int policies);
}
