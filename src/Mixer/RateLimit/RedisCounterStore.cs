using StackExchange.Redis;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>
/// Counters in Redis, so every Mixer replica draws on one budget: <c>INCRBY</c> then <c>EXPIRE</c>
/// per counter, pipelined in one round trip, as envoyproxy/ratelimit does. Commands fail fast while
/// the connection is down (no backlog), and the multiplexer reconnects by itself in the background.
/// </summary>
internal sealed class RedisCounterStore : ICounterStore, IAsyncDisposable
{
    private readonly Task<ConnectionMultiplexer> _connecting;

    public RedisCounterStore(string address, TimeSpan timeout)
    {
        var options = ConfigurationOptions.Parse(address);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;

        // The first connection may take longer than a command (a cold start); later reconnects are in the background.
        options.ConnectTimeout = (int)Math.Max(timeout.TotalMilliseconds, 5000);
        options.AsyncTimeout = (int)timeout.TotalMilliseconds;
        options.SyncTimeout = (int)timeout.TotalMilliseconds;
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new LinearRetry(250);
        options.ClientName = "mixer";
        Address = address;

        // Connecting starts now, so the first request does not pay for it; with AbortOnConnectFail off
        // the multiplexer is returned even when Redis is down, and keeps retrying.
        _connecting = ConnectionMultiplexer.ConnectAsync(options);
    }

    public string Name => "redis";

    public string Address { get; }

    public async ValueTask IncrementAsync(IReadOnlyList<CounterIncrement> increments, long[] totals, CancellationToken cancellationToken)
    {
        try
        {
            var database = (await _connecting.ConfigureAwait(false)).GetDatabase();
            var batch = database.CreateBatch();
            var results = new Task<long>[increments.Count];
            var expiries = new Task<bool>[increments.Count];
            for (var i = 0; i < increments.Count; i++)
            {
                var increment = increments[i];
                results[i] = batch.StringIncrementAsync(increment.Key, increment.Hits);
                expiries[i] = batch.KeyExpireAsync(increment.Key, increment.Lifetime);
            }

            batch.Execute();
            for (var i = 0; i < results.Length; i++)
            {
                totals[i] = await results[i].ConfigureAwait(false);
                await expiries[i].ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            throw new CounterStoreUnavailableException($"redis {Address}: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await (await _connecting.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Never connected: nothing to close.
        }
    }
}
