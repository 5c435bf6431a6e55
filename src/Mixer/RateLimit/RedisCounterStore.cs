using StackExchange.Redis;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>
/// Counters in Redis, so every Mixer replica draws on one budget: <c>INCRBY</c> then <c>EXPIRE</c>
/// per counter, pipelined in one round trip, as envoyproxy/ratelimit does. Commands fail fast while
/// the connection is down (no backlog), and the multiplexer reconnects by itself in the background.
/// </summary>
internal sealed class RedisCounterStore : ICounterStore, IAsyncDisposable
{
    private readonly ConfigurationOptions options;
    private readonly SemaphoreSlim connectLock = new(1, 1);
    private ConnectionMultiplexer? connection;

    public RedisCounterStore(string address, TimeSpan timeout)
    {
        options = ConfigurationOptions.Parse(address);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = (int)timeout.TotalMilliseconds;
        options.AsyncTimeout = (int)timeout.TotalMilliseconds;
        options.SyncTimeout = (int)timeout.TotalMilliseconds;
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new LinearRetry(250);
        options.ClientName = "mixer";
        Address = address;
    }

    public string Name => "redis";

    public string Address { get; }

    public async ValueTask IncrementAsync(IReadOnlyList<CounterIncrement> increments, long[] totals, CancellationToken cancellationToken)
    {
        try
        {
            var database = (await ConnectAsync()).GetDatabase();
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
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        connectLock.Dispose();
    }

    private async ValueTask<ConnectionMultiplexer> ConnectAsync()
    {
        if (Volatile.Read(ref connection) is { } ready)
        {
            return ready;
        }

        await connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            return connection ??= await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        }
        finally
        {
            connectLock.Release();
        }
    }
}
