using ControlPlane.Shared.Config;
using Microsoft.Extensions.Hosting;

namespace ControlPlane.Mixer;

/// <summary>
/// Keeps something compiled from the config snapshots in step with them: each new snapshot (in
/// version order, through <see cref="ConfigSnapshotFollower.Follow"/>) is compiled once, off the
/// request path, and swapped in whole, so updates apply without a restart and a request always sees
/// one consistent version. Until the source has loaded something, <see cref="Current"/> is the empty form.
/// </summary>
/// <typeparam name="T">The compiled form requests read (policies, rate-limit table).</typeparam>
internal abstract class CompiledConfigWatcher<T>(IConfigSnapshotSource source, T empty) : IHostedService, IDisposable
    where T : class
{
    private T _current = empty;
    private IDisposable? _subscription;

    public T Current => Volatile.Read(ref _current);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = source.Follow(Apply);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    /// <summary>Compiles one snapshot; problems travel inside the result.</summary>
    protected abstract T Compile(ConfigSnapshot snapshot);

    /// <summary>Reports the compiled snapshot (its problems, what it holds) once it is in service.</summary>
    protected abstract void Applied(long version, T compiled);

    private void Apply(ConfigSnapshot snapshot)
    {
        var compiled = Compile(snapshot);
        Volatile.Write(ref _current, compiled);
        Applied(snapshot.Version, compiled);
    }
}
