using ControlPlane.Citadel.Api;
using ControlPlane.Citadel.Authentication;
using ControlPlane.Citadel.Authority;
using ControlPlane.Citadel.Rotation;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ControlPlane.Citadel;

/// <summary>Citadel's <c>AddCitadel()</c>/<c>MapCitadel()</c> pair, used by its own host and by Meshd.</summary>
public static class CitadelRegistration
{
    private const string S = CitadelOptions.Section;

    /// <summary>Flags Citadel reads, beyond the common ones.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } =
    [
        MeshPort.Ca.ToFlag(),
        Option("--ca-key-algorithm", nameof(CitadelOptions.KeyAlgorithm), "self-signed root key: ecdsa-p256, rsa-2048 or rsa-4096"),
        Option("--max-cert-ttl", nameof(CitadelOptions.MaxCertTtl), "longest leaf TTL a client may ask for (at most 90d)"),
        Option("--default-cert-ttl", nameof(CitadelOptions.DefaultCertTtl), "leaf TTL when the client asks for none"),
        Option("--root-cert-ttl", nameof(CitadelOptions.RootCertTtl), "lifetime of a self-signed root"),
        Option("--root-rotate-before", nameof(CitadelOptions.RootRotateBefore), "rotate the self-signed root when it expires within this long"),
        Option("--plugin-cert-dir", nameof(CitadelOptions.PluginCertDir), "intermediate CA files (ca-cert.pem, ca-key.pem, root-cert.pem, cert-chain.pem); unset = self-signed"),
        Option("--jwt-issuers", nameof(CitadelOptions.JwtIssuers), "trusted JWT issuers, ISSUER=JWKS_FILE[,ISSUER=JWKS_FILE...]"),
        Option("--jwt-audience", nameof(CitadelOptions.JwtAudience), "audience every bearer token must carry"),
        Option("--local-jwt-issuer", nameof(CitadelOptions.LocalJwtIssuer), "run the local JWT issuer (key in DATA_DIR/jwt) and trust it"),
        .. MeshIdentityRegistration.Flags,
    ];

    public static WebApplicationBuilder AddCitadel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CitadelOptions>().Bind(builder.Configuration.GetSection(CitadelOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CitadelOptions>, CitadelOptionsValidator>();
        services.AddMeshIdentity(builder.Configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CaStore(DataDir(sp)));
        services.AddSingleton(sp => Configured(() => new CertificateAuthority(CertificateAuthorityLoader.Load(
            sp.GetRequiredService<IOptions<CitadelOptions>>().Value, sp.GetRequiredService<IOptions<MeshIdentityOptions>>().Value, sp.GetRequiredService<CaStore>(), sp.GetRequiredService<TimeProvider>().GetUtcNow()))));
        services.AddSingleton(sp => Configured(() => TrustedJwtIssuers.Load(
            sp.GetRequiredService<IOptions<CitadelOptions>>().Value.JwtIssuers,
            sp.GetRequiredService<IOptions<CitadelOptions>>().Value.LocalJwtIssuer ? LocalJwtIssuer.LoadOrCreate(DataDir(sp)) : null)));
        services.AddSingleton<ICallerAuthenticator, ClientCertificateAuthenticator>();
        services.AddSingleton<ICallerAuthenticator, JwtAuthenticator>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<CitadelMetrics>();
        services.AddSingleton<CertificateRequestHandler>();
        services.AddSingleton<ServingCertificateProvider>();
        services.AddSingleton<RootRotator>();
        services.AddHostedService<CitadelStartup>();
        services.AddHostedService<RootRotationService>();
        services.AddGrpc();
        services.AddHealthChecks().AddCheck<CitadelReadiness>("citadel", tags: [MonitoringEndpoints.ReadinessTag]);

        var port = builder.MeshPorts().Add(MeshPort.Ca, HttpProtocols.Http2, sp => sp.GetRequiredService<ServingCertificateProvider>().Current);
        port.TlsOptions = sp => sp.GetRequiredService<ServingCertificateProvider>().ServerOptions();
        return builder;
    }

    public static WebApplication MapCitadel(this WebApplication app)
    {
        app.MapGrpcService<CertificateService>().RequireMeshPort(MeshPort.Ca);
        app.MapCitadelEndpoints();
        return app;
    }

    private static MeshFlag Option(string name, string property, string description) =>
        MeshFlag.ForOption<CitadelOptions>(name, S, property, description);

    private static string DataDir(IServiceProvider services) => services.GetRequiredService<IOptions<MeshHostOptions>>().Value.DataDir;

    private static T Configured<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (CaConfigurationException e)
        {
            throw new MeshUsageException(e.Message);
        }
        catch (OptionsValidationException e)
        {
            // Resolved while the host creates its services, which can come before ValidateOnStart runs.
            throw new MeshUsageException(string.Join("; ", e.Failures));
        }
    }
}
