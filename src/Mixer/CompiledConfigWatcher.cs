using ControlPlane.Shared.Config;
using Microsoft.Extensions.Hosting;

namespace ControlPlane.Mixer;

/// <summary>
/// Keeps something compiled from the config snapshots in step with them: each new snapshot is
/// compiled once, off the request path, and swapped in whole, so updates apply without a restart
/// and a request always sees one consistent version. A snapshot already applied, or older than the
/// one applied, is not compiled again. Until the source has loaded something (version 0),
/// <see cref="Current"/> is the empty form.
/// </summary>
/// <typeparam name="T">The compiled form requests read (policies, rate-limit table).</typeparam>
internal abstract class CompiledConfigWatcher<T>(IConfigSnapshotSource source, T empty) : IHostedService, IDisposable
    where T : class
{
    private readonly Lock gate = new();
    private T current = empty;
    private long appliedVersion;
    private IDisposable? subscription;

    public T Current => Volatile.Read(ref current);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe first, then read what is current: a snapshot published in between is not lost,
        // and Apply drops one that is not newer than what is in service.
        subscription = source.Subscribe(Apply);
        Apply(source.Current);
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

    /// <summary>Compiles one snapshot; problems travel inside the result.</summary>
    protected abstract T Compile(ConfigSnapshot snapshot);

    /// <summary>Reports the compiled snapshot (its problems, what it holds) once it is in service.</summary>
    protected abstract void Applied(long version, T compiled);

    private void Apply(ConfigSnapshot snapshot)
    {
        lock (gate)
        {
            if (snapshot.Version <= appliedVersion)
            {
                return;
            }

            var compiled = Compile(snapshot);
            Volatile.Write(ref current, compiled);
            appliedVersion = snapshot.Version;
            Applied(snapshot.Version, compiled);
        }
    }
}
