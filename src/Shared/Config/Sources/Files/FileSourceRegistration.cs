using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// The file source's services: <c>--config-dir</c> read, validated and kept last-good per file, as
/// the process's <see cref="IConfigSnapshotSource"/>, with its readiness, metrics and <c>/debug/configz</c>.
/// Registered only through <see cref="ConfigSourceRegistration"/>, which decides whether files are the source.
/// </summary>
internal static class FileSourceRegistration
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IConfigValidator>(sp => new MeteredConfigValidator(new ConfigValidator(), sp.GetRequiredService<IMetricFactory>()));
        services.AddOptions<FileSourceOptions>().Bind(configuration.GetSection(FileSourceOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileSourceOptions>, FileSourceOptionsValidator>());
        services.TryAddSingleton<IConfigFileLoader, ConfigLoaderFileLoader>();
        services.AddSingleton<FileSnapshotStore>();
        services.AddSingleton<IConfigSnapshotSource>(sp => sp.GetRequiredService<FileSnapshotStore>());
        services.AddSingleton<FileSourceMetrics>();
        services.AddHostedService<FileConfigWatcher>();
        services.AddHealthChecks().AddCheck<SnapshotReadinessCheck>("galley-config", tags: [MonitoringEndpoints.ReadinessTag]);
    }

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapConfigz();
}
