using ControlPlane.Mixer.Authorization;
using Envoy.Service.Auth.V3;
using Envoy.Type.V3;
using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using RpcStatus = Google.Rpc.Status;

namespace ControlPlane.Mixer.Api;

/// <summary>
/// <c>envoy.service.auth.v3.Authorization/Check</c>. Allowed: status OK with an <c>ok_response</c>.
/// Denied: PERMISSION_DENIED with a 403 whose body names the policy. A request Mixer cannot judge
/// (missing attributes, unknown destination) fails closed: INVALID_ARGUMENT in the CheckResponse
/// status and a 403 saying why, so Envoy denies it whatever its failure_mode_allow.
/// </summary>
internal sealed class AuthorizationApi(Authorizer authorizer, AuthorizationMetrics metrics) : Envoy.Service.Auth.V3.Authorization.AuthorizationBase
{
    private static readonly CheckResponse Allowed = new() { Status = new RpcStatus { Code = (int)RpcCode.OK }, OkResponse = new OkHttpResponse() };

    public override Task<CheckResponse> Check(CheckRequest request, ServerCallContext context)
    {
        CheckAttributes attributes;
        try
        {
            attributes = CheckRequestReader.Read(request);
        }
        catch (MalformedCheckRequestException e)
        {
            metrics.Malformed();
            return Task.FromResult(Denied(RpcCode.InvalidArgument, "RBAC: access denied: malformed check request: " + e.Message));
        }

        var decision = authorizer.Check(attributes);
        metrics.Record(decision);
        return Task.FromResult(decision.Allowed ? Allowed : Denied(RpcCode.PermissionDenied, decision.DenialText));
    }

    private static CheckResponse Denied(RpcCode code, string body) => new()
    {
        Status = new RpcStatus { Code = (int)code, Message = body },
        DeniedResponse = new DeniedHttpResponse { Status = new HttpStatus { Code = Envoy.Type.V3.StatusCode.Forbidden }, Body = body },
    };
}
