using System.Text;
using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>
/// Decides ShouldRateLimit the way envoyproxy/ratelimit does: each descriptor finds its rule in the
/// domain's tree, its fixed-window counter (key = domain, entries, window start) is increased by the
/// request's hits, and it is over limit when the new total exceeds the limit. Shadow-mode rules
/// count but answer OK. When the store fails, <see cref="FailureMode"/> decides.
/// </summary>
internal sealed partial class RateLimiter(
    IRateLimitTableSource tables,
    ICounterStore store,
    TimeProvider time,
    FailureMode failureMode,
    RateLimitMetrics metrics,
    ILogger<RateLimiter> logger)
{
    public FailureMode FailureMode => failureMode;

    public string StoreName => store.Name;

    /// <summary>Whether rate-limit config is loaded; before that, no request can be judged.</summary>
    public bool IsLoaded => tables.Current.IsLoaded;

    public async ValueTask<RateLimitDecision> DecideAsync(RateLimitQuery query, CancellationToken cancellationToken)
    {
        var hits = query.Hits == 0 ? 1u : query.Hits;
        tables.Current.Domains.TryGetValue(query.Domain, out var domain);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var rules = new RateLimitRule?[query.Descriptors.Count];
        var increments = new List<CounterIncrement>(query.Descriptors.Count);
        var windowEnds = new long[query.Descriptors.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var descriptor = query.Descriptors[i];
            var rule = descriptor.Override ?? domain?.Find(descriptor.Entries);
            if (rule is null || rule.Unlimited)
            {
                continue;
            }

            rules[i] = rule;
            var windowMillis = rule.Unit.Seconds() * 1000;
            var windowStart = now / windowMillis * windowMillis;
            windowEnds[i] = windowStart + windowMillis;
            increments.Add(new CounterIncrement(CounterKey(query.Domain, descriptor, rule, windowStart), hits, TimeSpan.FromMilliseconds(windowMillis)));
        }

        var totals = new long[increments.Count];
        var storeFailed = false;
        if (increments.Count > 0)
        {
            try
            {
                await store.IncrementAsync(increments, totals, cancellationToken).ConfigureAwait(false);
            }
            catch (CounterStoreUnavailableException e)
            {
                storeFailed = true;
                metrics.StoreError(store.Name, failureMode);
                LogStoreUnavailable(logger, store.Name, failureMode, e.Message);
            }
        }

        var statuses = new DescriptorDecision[rules.Length];
        var overall = false;
        for (int i = 0, counted = 0; i < rules.Length; i++)
        {
            if (rules[i] is not { } rule)
            {
                statuses[i] = DescriptorDecision.NoLimit;
                continue;
            }

            var resetAfter = TimeSpan.FromMilliseconds(windowEnds[i] - now);
            var total = totals[counted++];
            var over = storeFailed ? failureMode == FailureMode.Closed : total > rule.RequestsPerUnit;
            var remaining = storeFailed || over ? 0u : (uint)(rule.RequestsPerUnit - total);
            if (over && rule.ShadowMode)
            {
                metrics.ShadowOverLimit(domain?.Name ?? "unknown");
                over = false;
            }

            overall |= over;
            statuses[i] = new DescriptorDecision(over, rule, remaining, resetAfter);
        }

        metrics.Decision(domain is null ? "unknown" : domain.Name, overall);
        return new RateLimitDecision(overall, statuses);
    }

    private static string CounterKey(string domain, QueryDescriptor descriptor, RateLimitRule rule, long windowStart)
    {
        var key = new StringBuilder("ratelimit:").Append(domain);
        foreach (var entry in descriptor.Entries)
        {
            key.Append('|').Append(entry.Key).Append('=').Append(entry.Value);
        }

        if (descriptor.Override is not null)
        {
            key.Append("|override:").Append(rule.RequestsPerUnit).Append('/').Append(rule.Unit);
        }

        return key.Append('|').Append(windowStart / 1000).ToString();
    }

    [LoggerMessage(EventId = LogEventIds.MixerRateLimit + 1, Level = LogLevel.Warning, Message = "Rate-limit counter store {Store} unavailable, failing {Mode}: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string store, FailureMode mode, string reason);
}
