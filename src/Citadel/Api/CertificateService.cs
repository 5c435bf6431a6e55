using ControlPlane.Citadel.Authentication;
using ControlPlane.Citadel.Authority;
using Grpc.Core;
using Istio.V1.Auth;

namespace ControlPlane.Citadel.Api;

/// <summary>
/// <c>istio.v1.auth.IstioCertificateService</c> on the CA port: reads the caller's credentials
/// off the connection and metadata, and maps the handler's typed errors to status codes here only.
/// </summary>
internal sealed class CertificateService(CertificateRequestHandler handler) : IstioCertificateService.IstioCertificateServiceBase
{
    public override async Task<IstioCertificateResponse> CreateCertificate(IstioCertificateRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var credentials = new CallerCredentials(http.Connection.ClientCertificate, context.RequestHeaders.GetValue("authorization"));
        try
        {
            var issued = await handler.HandleAsync(credentials, request.Csr, request.ValidityDuration, context.CancellationToken);
            return new IstioCertificateResponse { CertChain = { issued.ChainPem } };
        }
        catch (Exception e) when (StatusOf(e) is { } status)
        {
            throw new RpcException(new Status(status, e.Message));
        }
    }

    private static StatusCode? StatusOf(Exception e) => e switch
    {
        AuthenticationFailedException => StatusCode.Unauthenticated,
        IdentityNotAllowedException => StatusCode.PermissionDenied,
        InvalidCsrException or InvalidCertificateRequestException => StatusCode.InvalidArgument,
        _ => null,
    };
}
