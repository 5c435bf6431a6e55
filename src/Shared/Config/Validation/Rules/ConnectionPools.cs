using ControlPlane.Shared.Config.Validation.Checks;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Connection pool settings, used by DestinationRules and Sidecars: limits not negative, durations valid, keepalives complete.</summary>
internal static class ConnectionPools
{
    public static void Check(string path, ConnectionPoolSettings pool, ValidationContext context)
    {
        if (pool.Http is null && pool.Tcp is null)
        {
            context.Error(path, "connection pool must have at least one field");
            return;
        }

        if (pool.Http is { } http)
        {
            var h = $"{path}.http";
            NotNegative($"{h}.http1MaxPendingRequests", http.Http1MaxPendingRequests, "http1 max pending requests", context);
            NotNegative($"{h}.http2MaxRequests", http.Http2MaxRequests, "http2 max requests", context);
            NotNegative($"{h}.maxRequestsPerConnection", http.MaxRequestsPerConnection, "max requests per connection", context);
            NotNegative($"{h}.maxRetries", http.MaxRetries, "max retries", context);
            NotNegative($"{h}.maxConcurrentStreams", http.MaxConcurrentStreams, "max concurrent streams", context);
            context.ErrorIf($"{h}.idleTimeout", Durations.CheckIfSet(http.IdleTimeout));
            if (http.H2UpgradePolicy == ConnectionPoolSettings.Types.HTTPSettings.Types.H2UpgradePolicy.Upgrade && http.UseClientProtocol)
            {
                context.Error($"{h}.useClientProtocol", "use client protocol must not be true when H2UpgradePolicy is UPGRADE");
            }

            if (http.Http2KeepAlive is { } keepalive)
            {
                Required($"{h}.http2KeepAlive.interval", keepalive.Interval, "http2 keepalive interval is required", context);
                Required($"{h}.http2KeepAlive.timeout", keepalive.Timeout, "http2 keepalive timeout is required", context);
            }
        }

        if (pool.Tcp is { } tcp)
        {
            var t = $"{path}.tcp";
            NotNegative($"{t}.maxConnections", tcp.MaxConnections, "max connections", context);
            context.ErrorIf($"{t}.connectTimeout", Durations.CheckIfSet(tcp.ConnectTimeout));
            context.ErrorIf($"{t}.maxConnectionDuration", Durations.CheckIfSet(tcp.MaxConnectionDuration));

            // An idle timeout of 0s disables it.
            if (tcp.IdleTimeout is { } idle && (idle.Seconds != 0 || idle.Nanos != 0))
            {
                context.ErrorIf($"{t}.idleTimeout", Durations.Check(idle));
            }

            context.ErrorIf($"{t}.tcpKeepalive.time", Durations.CheckIfSet(tcp.TcpKeepalive?.Time));
            context.ErrorIf($"{t}.tcpKeepalive.interval", Durations.CheckIfSet(tcp.TcpKeepalive?.Interval));
        }
    }

    private static void NotNegative(string path, int value, string what, ValidationContext context)
    {
        if (value < 0)
        {
            context.Error(path, $"{what} must be non-negative");
        }
    }

    private static void Required(string path, Google.Protobuf.WellKnownTypes.Duration? value, string missing, ValidationContext context)
    {
        if (value is null)
        {
            context.Error(path, missing);
        }
        else
        {
            context.ErrorIf(path, Durations.Check(value));
        }
    }
}
