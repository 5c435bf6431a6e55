using System.Buffers;
using Envoy.Service.Auth.V3;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace ControlPlane.Mixer.Api;

/// <summary>
/// The binding of <c>envoy.service.auth.v3.Authorization/Check</c>, written by hand in the shape
/// Grpc.Tools generates (Grpc.AspNetCore finds the virtual <see cref="Check"/> overridden by the
/// service) so that the request marshaller can decode only what a decision reads
/// (<see cref="Wire.CheckRequestDecoder"/>) instead of the whole generated CheckRequest. The wire
/// contract is unchanged: same service and method names, the same CheckRequest and CheckResponse bytes.
/// </summary>
[BindServiceMethod(typeof(AuthorizationServiceBase), nameof(BindService))]
internal abstract class AuthorizationServiceBase
{
    private static readonly Method<DecodedCheckRequest, CheckResponse> CheckMethod = new(
        MethodType.Unary,
        Envoy.Service.Auth.V3.Authorization.Descriptor.FullName,
        nameof(Check),
        Marshallers.Create(static (DecodedCheckRequest _, SerializationContext _) => throw new NotSupportedException("Mixer only receives CheckRequests"), Decode),
        Marshallers.Create(Serialize, static context => CheckResponse.Parser.ParseFrom(context.PayloadAsReadOnlySequence())));

    public virtual Task<CheckResponse> Check(DecodedCheckRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Check is not implemented"));

    /// <summary>Called by Grpc.AspNetCore through <see cref="BindServiceMethodAttribute"/>.</summary>
    public static void BindService(ServiceBinderBase binder, AuthorizationServiceBase? service) =>
        binder.AddMethod(CheckMethod, service is null ? null : service.Check);

    private static DecodedCheckRequest Decode(DeserializationContext context)
    {
        var payload = context.PayloadAsReadOnlySequence();
        if (payload.IsSingleSegment)
        {
            return DecodedCheckRequest.Read(payload.FirstSpan);
        }

        var length = checked((int)payload.Length);
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(copy);
            return DecodedCheckRequest.Read(copy.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static void Serialize(CheckResponse response, SerializationContext context)
    {
        context.SetPayloadLength(response.CalculateSize());
        response.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}
