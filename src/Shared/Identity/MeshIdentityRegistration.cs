using ControlPlane.Shared.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ControlPlane.Shared.Identity;

/// <summary>The one trust-domain and cluster-domain setting: its flags and its registration, shared by every service.</summary>
public static class MeshIdentityRegistration
{
    private const string S = MeshIdentityOptions.Section;

    public static readonly MeshFlag TrustDomainFlag = new(
        "--trust-domain", $"{S}:{nameof(MeshIdentityOptions.TrustDomain)}", "trust domain of SPIFFE ids issued and expected", MeshIdentityOptions.DefaultTrustDomain);

    public static readonly MeshFlag ClusterDomainFlag = new(
        "--cluster-domain", $"{S}:{nameof(MeshIdentityOptions.ClusterDomain)}", "DNS suffix of Kubernetes services (NAME.NS.svc.CLUSTER_DOMAIN)", MeshIdentityOptions.DefaultClusterDomain);

    /// <summary>The flags every service lists among its own; a host accepts each once.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } = [TrustDomainFlag, ClusterDomainFlag];

    /// <summary>
    /// Binds <see cref="MeshIdentityOptions"/> once per process, however many services ask, and checks
    /// it now, so a bad value is a one-line usage error before anything starts (and again on start).
    /// </summary>
    public static IServiceCollection AddMeshIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MeshIdentityOptions.Section);
        if ((section.Get<MeshIdentityOptions>() ?? new MeshIdentityOptions()).Problem() is { } problem)
        {
            throw new MeshUsageException(problem);
        }

        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<MeshIdentityOptions>)))
        {
            return services;
        }

        services.AddOptions<MeshIdentityOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshIdentityOptions>, MeshIdentityOptionsValidator>());
        return services;
    }
}
