using System.Globalization;
using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Timeouts and retries: durations at least 1ms with ms precision, attempts not negative, no retry
/// settings when attempts is 0, and <c>retryOn</c> naming Envoy's policies or HTTP status codes.
/// </summary>
internal sealed class VirtualServiceRetriesRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    // x-envoy-retry-on and x-envoy-retry-grpc-on policies Envoy supports.
    private static readonly HashSet<string> RetryOnPolicies = new(StringComparer.Ordinal)
    {
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream",
        "retriable-status-codes", "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure",
        "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    };

    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Http.Count; i++)
        {
            var http = spec.Http[i];
            context.ErrorIf($"spec.http[{i}].timeout", Durations.CheckIfSet(http.Timeout));
            if (http.Retries is { } retries)
            {
                Check($"spec.http[{i}].retries", retries, context);
            }
        }
    }

    private static void Check(string path, HTTPRetry retries, ValidationContext context)
    {
        if (retries.Attempts < 0)
        {
            context.Error($"{path}.attempts", "attempts cannot be negative");
        }

        if (retries.Attempts == 0 && (retries.PerTryTimeout is not null || retries.RetryOn.Length > 0 || retries.RetryRemoteLocalities is not null))
        {
            context.Error($"{path}.attempts", "http retry policy configured when attempts are set to 0 (disabled)");
        }

        context.ErrorIf($"{path}.perTryTimeout", Durations.CheckIfSet(retries.PerTryTimeout));
        context.ErrorIf($"{path}.backoff", Durations.CheckIfSet(retries.Backoff));
        if (retries.RetryOn.Length > 0)
        {
            foreach (var policy in retries.RetryOn.Split(','))
            {
                if (!RetryOnPolicies.Contains(policy) && !IsStatusCode(policy))
                {
                    context.Error($"{path}.retryOn", $"\"{policy}\" is not a valid retryOn policy");
                }
            }
        }
    }

    private static bool IsStatusCode(string policy) =>
        int.TryParse(policy, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599;
}
