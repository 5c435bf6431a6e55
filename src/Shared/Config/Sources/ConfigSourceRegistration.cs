using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Shared.Config.Sources;

/// <summary>
/// Every service that reads config (Galley, Pilot, Mixer) calls <see cref="AddConfigSource"/> and
/// <see cref="MapConfigSource"/>; whatever the order and however many call, exactly one
/// <see cref="IConfigSnapshotSource"/> is registered, the one <see cref="ConfigSourceSelector"/>
/// chooses, and its debug view is mapped once.
/// </summary>
public static class ConfigSourceRegistration
{
    /// <summary>Keep waiting for a missing <c>--config-dir</c> instead of refusing to start.</summary>
    public static readonly MeshFlag WaitForConfigDirFlag = new(
        "--wait-for-config-dir",
        "Mesh:WaitForConfigDir",
        "start even if --config-dir does not exist yet, and load it once it appears",
        "false") { IsSwitch = true };

    /// <summary>The flags of a service that may take its config from a Galley (Pilot, Mixer).</summary>
    public static IReadOnlyList<MeshFlag> ConsumerFlags { get; } = [GalleySubscriptionRegistration.GalleyAddressFlag, WaitForConfigDirFlag];

    /// <summary>
    /// Declares that this process needs config, and with <paramref name="galleyInProcess"/> that it
    /// hosts Galley. Re-evaluates the choice with everything declared so far and leaves exactly the
    /// chosen source's services registered.
    /// </summary>
    /// <exception cref="MeshUsageException">The flags name no usable source (see <see cref="ConfigSourceSelector"/>).</exception>
    public static IServiceCollection AddConfigSource(this IServiceCollection services, IConfiguration configuration, bool galleyInProcess = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var plan = services.Select(d => d.ImplementationInstance).OfType<ConfigSourcePlan>().SingleOrDefault();
        if (plan is null)
        {
            plan = new ConfigSourcePlan();
            services.AddSingleton(plan);
        }

        plan.GalleyInProcess |= galleyInProcess;
        var settings = ConfigSourceSettings.From(configuration, plan.GalleyInProcess);
        var kind = ConfigSourceSelector.Choose(settings);
        if (plan.Kind == kind)
        {
            return services;
        }

        foreach (var descriptor in plan.Registered)
        {
            services.Remove(descriptor);
        }

        var before = services.Count;
        switch (kind)
        {
            case ConfigSourceKind.GalleySubscription:
                services.AddGalleyConfigSubscription(settings.GalleyAddress!);
                break;
            default:
                FileSourceRegistration.Add(services, configuration);
                break;
        }

        plan.Kind = kind;
        plan.Registered = [.. services.Skip(before)];
        return services;
    }

    /// <summary>Maps the chosen source's debug view (the file source's <c>/debug/configz</c>) once per process.</summary>
    public static IEndpointRouteBuilder MapConfigSource(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var plan = endpoints.ServiceProvider.GetService<ConfigSourcePlan>();
        if (plan is null || plan.Mapped)
        {
            return endpoints;
        }

        plan.Mapped = true;
        if (plan.Kind == ConfigSourceKind.Files)
        {
            FileSourceRegistration.Map(endpoints);
        }

        return endpoints;
    }
}
