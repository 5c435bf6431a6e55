using ControlPlane.Mixer.Api;
using ControlPlane.Mixer.Authorization;
using ControlPlane.Mixer.RateLimit;
using ControlPlane.Mixer.Telemetry;
using ControlPlane.Shared.Config.Sources;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Mixer;

/// <summary>Mixer's <c>AddMixer()</c>/<c>MapMixer()</c> pair, used by its own host and by Meshd.</summary>
public static class MixerRegistration
{
    public static readonly MeshFlag Redis = MeshFlag.ForOption<MixerOptions>("--redis", MixerOptions.Section, nameof(MixerOptions.Redis), "HOST:PORT of Redis for rate-limit counters shared by replicas (default: in memory)");
    public static readonly MeshFlag RedisFailMode = MeshFlag.ForOption<MixerOptions>("--redis-fail-mode", MixerOptions.Section, nameof(MixerOptions.RedisFailMode), "open (allow) or closed (deny) while Redis is unreachable");
    public static readonly MeshFlag RootNamespace = MeshFlag.ForOption<MixerOptions>("--root-namespace", MixerOptions.Section, nameof(MixerOptions.RootNamespace), "namespace whose AuthorizationPolicies apply mesh-wide");
    /// <summary>Flags Mixer reads, beyond the common ones.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } = [MeshPort.Mixer.ToFlag(), Redis, RedisFailMode, RootNamespace, .. ConfigSourceRegistration.ConsumerFlags, .. MeshIdentityRegistration.Flags];

    public static WebApplicationBuilder AddMixer(this WebApplicationBuilder builder)
    {
        builder.MeshPorts().Add(MeshPort.Mixer, HttpProtocols.Http2);
        var section = builder.Configuration.GetSection(MixerOptions.Section);
        var failureMode = ParseFailureMode((section.Get<MixerOptions>() ?? new MixerOptions()).RedisFailMode);
        var services = builder.Services;
        services.AddOptions<MixerOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MixerOptions>, MixerOptionsValidator>();
        services.AddMeshIdentity(builder.Configuration);
        services.AddGrpc();
        services.TryAddSingleton(TimeProvider.System);
        services.AddConfigSource(builder.Configuration);

        services.AddSingleton<AuthorizationPolicyWatcher>();
        services.AddSingleton<IAuthorizationPolicySource>(sp => sp.GetRequiredService<AuthorizationPolicyWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<AuthorizationPolicyWatcher>());
        services.AddSingleton<Authorizer>();
        services.AddSingleton<AuthorizationMetrics>();

        services.AddSingleton<RateLimitTableWatcher>();
        services.AddSingleton<IRateLimitTableSource>(sp => sp.GetRequiredService<RateLimitTableWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<RateLimitTableWatcher>());
        services.AddSingleton<ICounterStore>(sp => CounterStore(sp));
        services.AddSingleton<RateLimitMetrics>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RateLimiter>(sp, failureMode));

        services.AddSingleton<IstioMetrics>();
        services.AddSingleton<LabelLimits>();
        services.AddSingleton<ServiceGraph>();
        services.AddSingleton<AccessLogIngestor>();
        services.AddHealthChecks().AddCheck<MixerReadinessCheck>("mixer-config", tags: [MonitoringEndpoints.ReadinessTag]);
        return builder;
    }

    public static WebApplication MapMixer(this WebApplication app)
    {
        // Created now rather than with the first Check, so every Check outcome is on /metrics at 0
        // from the start and rate() over it works before the first denial.
        app.Services.GetRequiredService<AuthorizationMetrics>();
        app.MapGrpcService<AuthorizationApi>().RequireMeshPort(MeshPort.Mixer);
        app.MapGrpcService<RateLimitApi>().RequireMeshPort(MeshPort.Mixer);
        app.MapGrpcService<AccessLogApi>().RequireMeshPort(MeshPort.Mixer);
        app.MapConfigSource();
        app.MapGet("/api/graph", (ServiceGraph graph, string? reporter) =>
                reporter is null or "source" or "destination"
                    ? Results.Json(graph.View(reporter ?? "source"))
                    : Results.BadRequest("reporter must be source or destination"))
            .RequireMeshPort(MeshPort.Monitoring);
        app.MapGet("/debug/mixerz", (IServiceProvider services) => Results.Json(MixerDebugView.Of(
                services.GetRequiredService<IAuthorizationPolicySource>(),
                services.GetRequiredService<IRateLimitTableSource>(),
                services.GetRequiredService<RateLimiter>(),
                services.GetRequiredService<IstioMetrics>(),
                services.GetRequiredService<LabelLimits>(),
                services.GetRequiredService<ServiceGraph>())))
            .RequireMeshPort(MeshPort.Monitoring);
        return app;
    }

    private static ICounterStore CounterStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MixerOptions>>().Value;
        return string.IsNullOrEmpty(options.Redis)
            ? new MemoryCounterStore(services.GetRequiredService<TimeProvider>())
            : new RedisCounterStore(options.Redis, TimeSpan.FromMilliseconds(options.RedisTimeoutMilliseconds));
    }

    private static FailureMode ParseFailureMode(string text) => text.ToLowerInvariant() switch
    {
        "open" => FailureMode.Open,
        "closed" => FailureMode.Closed,
        _ => throw new MeshUsageException($"{RedisFailMode.Name}: '{text}' is not open or closed"),
    };
}
