using ControlPlane.Citadel.Authority;
using ControlPlane.Citadel.Rotation;
using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ControlPlane.Citadel.Api;

/// <summary>
/// Citadel's HTTP endpoints on the monitoring port: <c>GET /debug/root-cert</c> (the trust
/// bundle, public by design) and <c>POST /admin/rotate-root</c> (introduce a new root now).
/// </summary>
internal static class CitadelEndpoints
{
    public const string RootCertPath = "/debug/root-cert";
    public const string RotateRootPath = "/admin/rotate-root";

    public static IEndpointRouteBuilder MapCitadelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RootCertPath, (CertificateAuthority authority) =>
                Results.Text(authority.State.RootBundlePem, "application/x-pem-file"))
            .RequireMeshPort(MeshPort.Monitoring);

        endpoints.MapPost(RotateRootPath, (RootRotator rotator) =>
            {
                try
                {
                    var state = rotator.Rotate();
                    return Results.Json(new
                    {
                        signingRoot = state.Signing.Root.Thumbprint,
                        signingRootNotAfter = state.SigningRootNotAfter,
                        trustedRoots = state.TrustedRoots.Select(r => r.Thumbprint),
                        retired = state.Retired.Select(r => new { root = r.Certificate.Thumbprint, keepUntil = r.KeepUntil }),
                    });
                }
                catch (CaConfigurationException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
                }
            })
            .RequireMeshPort(MeshPort.Monitoring);
        return endpoints;
    }
}
