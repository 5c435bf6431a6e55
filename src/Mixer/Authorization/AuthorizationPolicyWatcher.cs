using ControlPlane.Shared.Config;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Mixer.Authorization;

/// <summary>The AuthorizationPolicies of the current config snapshot, compiled for evaluation.</summary>
internal sealed partial class AuthorizationPolicyWatcher(IConfigSnapshotSource source, IOptions<MixerOptions> options, ILogger<AuthorizationPolicyWatcher> logger)
    : CompiledConfigWatcher<AuthorizationPolicySet>(source, AuthorizationPolicySet.Empty(options.Value.RootNamespace)), IAuthorizationPolicySource
{
    protected override AuthorizationPolicySet Compile(ConfigSnapshot snapshot) =>
        AuthorizationPolicyCompiler.Compile(snapshot, options.Value.RootNamespace);

    protected override void Applied(long version, AuthorizationPolicySet compiled)
    {
        foreach (var diagnostic in compiled.Diagnostics)
        {
            LogDiagnostic(logger, diagnostic.Level, diagnostic.ToString());
        }

        LogApplied(logger, version, compiled.Count);
    }

    [LoggerMessage(EventId = LogEventIds.MixerAuthorization + 1, Level = LogLevel.Warning, Message = "AuthorizationPolicy problem ({Level}): {Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, DiagnosticLevel level, string diagnostic);

    [LoggerMessage(EventId = LogEventIds.MixerAuthorization + 2, Level = LogLevel.Information, Message = "Authorization config version {Version} applied: {Policies} policies")]
    private static partial void LogApplied(ILogger logger, long version, int policies);
}
