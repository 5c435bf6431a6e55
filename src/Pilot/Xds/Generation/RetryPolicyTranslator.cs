using System.Globalization;
using Envoy.Config.Route.V3;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// A VirtualService route's <c>retries</c> as an Envoy RetryPolicy, per istio.io's HTTPRetry
/// reference: <c>attempts: 0</c> (or none) disables retries; <c>retryOn</c> lists Envoy retry
/// conditions, and "if retry_on specifies a valid HTTP status, it will be added to
/// retriable_status_codes" (with the <c>retriable-status-codes</c> condition that makes Envoy use them).
/// </summary>
internal static class RetryPolicyTranslator
{
    /// <summary>Istio's default <c>retryOn</c> when a route sets attempts but no conditions; it retries on 503 as well.</summary>
    public const string DefaultRetryOn = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

    private const string RetriableStatusCodes = "retriable-status-codes";

    private const uint DefaultRetriableStatusCode = 503;

    public static RetryPolicy? Translate(HTTPRetry? retries)
    {
        if (retries is not { Attempts: > 0 })
        {
            return null;
        }

        var policy = new RetryPolicy { NumRetries = (uint)retries.Attempts };
        if (string.IsNullOrWhiteSpace(retries.RetryOn))
        {
            policy.RetryOn = DefaultRetryOn;
            policy.RetriableStatusCodes.Add(DefaultRetriableStatusCode);
        }
        else
        {
            var conditions = new List<string>();
            foreach (var condition in retries.RetryOn.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (IsHttpStatus(condition, out var code))
                {
                    policy.RetriableStatusCodes.Add(code);
                }
                else if (!conditions.Contains(condition, StringComparer.Ordinal))
                {
                    conditions.Add(condition);
                }
            }

            if (policy.RetriableStatusCodes.Count > 0 && !conditions.Contains(RetriableStatusCodes, StringComparer.Ordinal))
            {
                conditions.Add(RetriableStatusCodes);
            }

            policy.RetryOn = string.Join(',', conditions);
        }

        if (retries.PerTryTimeout is { } perTry)
        {
            policy.PerTryTimeout = perTry.Clone();
        }

        if (retries.Backoff is { } backoff)
        {
            policy.RetryBackOff = new RetryPolicy.Types.RetryBackOff { BaseInterval = backoff.Clone() };
        }

        return policy;
    }

    private static bool IsHttpStatus(string condition, out uint code) =>
        uint.TryParse(condition, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code is >= 100 and <= 599;
}
