using ControlPlane.Shared.Config;
using Microsoft.Extensions.Hosting;

namespace ControlPlane.Galley.Distribution;

/// <summary>
/// Feeds every config snapshot Galley publishes into the xDS cache its distribution server
/// serves, from the first one on, for as long as the host runs.
/// </summary>
internal sealed class GalleyDistributionPublisher(IConfigSnapshotSource store, GalleyDistributionCache distribution) : IHostedService
{
    private readonly ConfigXdsSnapshotBuilder _builder = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = store.Follow(snapshot => distribution.Cache.SetSnapshot(_builder.Build(snapshot)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
