using ControlPlane.Galley.Snapshots;
using Microsoft.Extensions.Hosting;

namespace ControlPlane.Galley.Distribution;

/// <summary>
/// Feeds every config snapshot Galley publishes into the xDS cache its distribution server
/// serves, from the first one on, for as long as the host runs.
/// </summary>
internal sealed class GalleyDistributionPublisher(GalleySnapshotStore store, GalleyDistributionCache distribution) : IHostedService
{
    private readonly ConfigXdsSnapshotBuilder _builder = new();
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private long _published;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe first, then publish what is current: a snapshot raised in between is not lost,
        // and the version check keeps an older one from overwriting a newer one.
        _subscription = store.Subscribe(Publish);
        Publish(store.Current);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void Publish(Shared.Config.ConfigSnapshot snapshot)
    {
        lock (_gate)
        {
            if (snapshot.Version == 0 || snapshot.Version <= _published)
            {
                return;
            }

            _published = snapshot.Version;
            distribution.Cache.SetSnapshot(_builder.Build(snapshot));
        }
    }
}
