using ControlPlane.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Config.Distribution;

/// <summary>
/// How standalone Pilot and Mixer get config from a Galley: <c>services.AddGalleyConfigSubscription(address)</c>,
/// called by <see cref="Sources.ConfigSourceRegistration"/> when it chooses <c>--galley-address HOST:PORT</c>.
/// </summary>
public static class GalleySubscriptionRegistration
{
    /// <summary>The flag naming Galley's distribution address; its value is in configuration at <c>Galley:Address</c>.</summary>
    public static readonly MeshFlag GalleyAddressFlag = new("--galley-address", "Galley:Address", "Galley's config distribution address, HOST:PORT (default: none, config from --config-dir in this process)");

    /// <summary>
    /// Registers a started <see cref="GalleyConfigSubscriber"/> as the <see cref="IConfigSnapshotSource"/>,
    /// with a readiness check that passes once the first complete snapshot has arrived.
    /// </summary>
    /// <exception cref="MeshUsageException">The address is not <c>HOST:PORT</c> or a URL.</exception>
    public static IServiceCollection AddGalleyConfigSubscription(
        this IServiceCollection services, string address, Action<GalleySubscriptionOptions>? configure = null)
    {
        var options = new GalleySubscriptionOptions { Address = ParseAddress(address) };
        configure?.Invoke(options);
        services.AddSingleton(sp => new GalleyConfigSubscriber(options, sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IConfigSnapshotSource>(sp => sp.GetRequiredService<GalleyConfigSubscriber>());
        services.AddHostedService<SubscriberLifetime>();
        services.AddHealthChecks().AddCheck<SubscriberReadiness>("galley-subscription", tags: [MonitoringEndpoints.ReadinessTag]);
        return services;
    }

    /// <summary><c>HOST:PORT</c> (plaintext HTTP/2) or a full <c>http://</c> / <c>https://</c> URL.</summary>
    public static Uri ParseAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !uri.IsDefaultPort && uri.Host.Length > 0
            ? uri
            : throw new MeshUsageException($"{GalleyAddressFlag.Name}: '{address}' is not HOST:PORT");
    }

    private sealed class SubscriberLifetime(GalleyConfigSubscriber subscriber) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            subscriber.Start();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => subscriber.DisposeAsync().AsTask();
    }

    private sealed class SubscriberReadiness(GalleyConfigSubscriber subscriber) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(subscriber.IsSynced
                ? HealthCheckResult.Healthy($"config snapshot {subscriber.Current.Version} from Galley")
                : HealthCheckResult.Unhealthy("no complete config snapshot from Galley yet"));
    }
}
