using ControlPlane.Citadel.Api;
using ControlPlane.Citadel.Authority;
using ControlPlane.Shared.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Citadel.Rotation;

/// <summary>
/// Root rotation without outage for the self-signed CA: a new root takes over signing while the
/// old one stays in the bundle until the last leaf it signed has expired (now + maximum leaf TTL
/// + clock-skew allowance), then it is pruned. Every step is persisted before it is used.
/// </summary>
internal sealed partial class RootRotator(
    CertificateAuthority authority,
    CaStore store,
    CitadelMetrics metrics,
    IOptions<CitadelOptions> options,
    IOptions<MeshIdentityOptions> identity,
    TimeProvider time,
    ILogger<RootRotator> logger)
{
    private readonly Lock _lock = new();

    /// <summary>Introduces a new signing root; throws <see cref="CaConfigurationException"/> in plug-in mode.</summary>
    public CaState Rotate()
    {
        lock (_lock)
        {
            var current = authority.State;
            if (current.IsPlugin)
            {
                throw new CaConfigurationException("the CA is a plug-in intermediate: rotate it by replacing the files in --plugin-cert-dir");
            }

            var now = time.GetUtcNow();
            var settings = options.Value;
            var root = RootCertificateFactory.Create(settings.KeyAlgorithm, identity.Value.TrustDomain, now, settings.RootTtl);
            var keepUntil = now + settings.MaxTtl + CertificateRequestHandler.ClockSkewAllowance;
            var retired = current.Retired.Where(r => r.KeepUntil > now).Append(new RetiredRoot(current.Signing.Root, keepUntil)).ToList();
            var next = new CaState(new SigningAuthority(root, CaStore.PrivateKeyOf(root), [root]), [], retired, isPlugin: false);
            store.SaveSelfSigned(next);
            authority.Replace(next);
            metrics.RootRotationCount.Inc();
            metrics.RootCertExpiryTimestamp.Set(next.SigningRootNotAfter.ToUnixTimeSeconds());
            LogRotated(current.Signing.Root.Thumbprint, root.Thumbprint, keepUntil);
            return next;
        }
    }

    /// <summary>Drops retired roots whose overlap has ended; returns true if the bundle changed.</summary>
    public bool PruneRetired()
    {
        lock (_lock)
        {
            var current = authority.State;
            var now = time.GetUtcNow();
            var kept = current.Retired.Where(r => r.KeepUntil > now).ToList();
            if (kept.Count == current.Retired.Count)
            {
                return false;
            }

            var next = new CaState(current.Signing, [], kept, current.IsPlugin);
            store.SaveSelfSigned(next);
            authority.Replace(next);
            LogPruned(current.Retired.Count - kept.Count);
            return true;
        }
    }

    /// <summary>True when the signing root expires within the configured window.</summary>
    public bool IsDue() =>
        !authority.State.IsPlugin && authority.State.SigningRootNotAfter - time.GetUtcNow() < options.Value.RotateBefore;

    [LoggerMessage(EventId = LogEventIds.CitadelRotation + 1, Level = LogLevel.Warning, Message = "Rotated the root CA from {OldRoot} to {NewRoot}; the old root stays trusted until {KeepUntil}")]
    private partial void LogRotated(string oldRoot, string newRoot, DateTimeOffset keepUntil);

    [LoggerMessage(EventId = LogEventIds.CitadelRotation + 2, Level = LogLevel.Information, Message = "Dropped {Count} retired root(s) whose last leaf has expired")]
    private partial void LogPruned(int count);
}
