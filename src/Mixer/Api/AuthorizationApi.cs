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
/// (not protobuf, missing attributes, unknown destination) fails closed: INVALID_ARGUMENT in the
/// CheckResponse status and a 403 saying why, so Envoy denies it whatever its failure_mode_allow.
/// Before the first config snapshot has loaded, the call itself fails with UNAVAILABLE: Mixer cannot
/// decide yet, and Envoy applies its failure_mode_allow (deny by default) and retries on the next request.
/// </summary>
internal sealed class AuthorizationApi(Authorizer authorizer, AuthorizationMetrics metrics) : AuthorizationServiceBase
{
    private static readonly CheckResponse Allowed = new() { Status = new RpcStatus { Code = (int)RpcCode.OK }, OkResponse = new OkHttpResponse() };
    private static readonly Task<CheckResponse> AllowedTask = Task.FromResult(Allowed);

    public override Task<CheckResponse> Check(DecodedCheckRequest request, ServerCallContext context)
    {
        if (!authorizer.IsLoaded)
        {
            metrics.Unavailable();
            throw NotLoaded.Exception;
        }

        if (request.Attributes is not { } attributes)
        {
            metrics.Malformed();
            return Task.FromResult(Denied(RpcCode.InvalidArgument, "RBAC: access denied: malformed check request: " + request.Problem));
        }

        var decision = authorizer.Check(attributes);
        metrics.Record(decision);
        return decision.Allowed ? AllowedTask : Task.FromResult(Denied(RpcCode.PermissionDenied, decision.DenialText));
    }

    private static CheckResponse Denied(RpcCode code, string body) => new()
    {
        Status = new RpcStatus { Code = (int)code, Message = body },
        DeniedResponse = new DeniedHttpResponse { Status = new HttpStatus { Code = Envoy.Type.V3.StatusCode.Forbidden }, Body = body },
    };
}
