using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Fault injection: an abort and/or a delay; percentages in 0..100; abort HTTP status in 200..599
/// or a gRPC status name; a fixed delay that is a valid duration.
/// </summary>
internal sealed class VirtualServiceFaultRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    private static readonly HashSet<string> GrpcStatuses = new(StringComparer.Ordinal)
    {
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    };

    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Http.Count; i++)
        {
            if (spec.Http[i].Fault is not { } fault)
            {
                continue;
            }

            var path = $"spec.http[{i}].fault";
            if (fault.Abort is null && fault.Delay is null)
            {
                context.Error(path, "HTTP fault injection must have an abort and/or a delay");
            }

            if (fault.Delay is { } delay)
            {
                CheckDelay($"{path}.delay", delay, context);
            }

            if (fault.Abort is { } abort)
            {
                CheckAbort($"{path}.abort", abort, context);
            }
        }
    }

    private static void CheckDelay(string path, HTTPFaultInjection.Types.Delay delay, ValidationContext context)
    {
        CheckPercentage($"{path}.percentage.value", delay.Percentage, context);
        if (delay.Percent is < 0 or > 100)
        {
            context.Error($"{path}.percent", $"percentage {delay.Percent} is not in range 0..100");
        }

        switch (delay.HttpDelayTypeCase)
        {
            case HTTPFaultInjection.Types.Delay.HttpDelayTypeOneofCase.FixedDelay:
                context.ErrorIf($"{path}.fixedDelay", Durations.Check(delay.FixedDelay));
                break;
            case HTTPFaultInjection.Types.Delay.HttpDelayTypeOneofCase.ExponentialDelay:
                context.Error($"{path}.exponentialDelay", "exponentialDelay not supported yet");
                break;
        }
    }

    private static void CheckAbort(string path, HTTPFaultInjection.Types.Abort abort, ValidationContext context)
    {
        CheckPercentage($"{path}.percentage.value", abort.Percentage, context);
        switch (abort.ErrorTypeCase)
        {
            case HTTPFaultInjection.Types.Abort.ErrorTypeOneofCase.HttpStatus when abort.HttpStatus is < 200 or > 599:
                context.Error($"{path}.httpStatus", $"HTTP status {abort.HttpStatus} is not in range 200-599");
                break;
            case HTTPFaultInjection.Types.Abort.ErrorTypeOneofCase.GrpcStatus when !GrpcStatuses.Contains(abort.GrpcStatus):
                context.Error($"{path}.grpcStatus", $"gRPC status \"{abort.GrpcStatus}\" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'");
                break;
            case HTTPFaultInjection.Types.Abort.ErrorTypeOneofCase.Http2Error:
                context.Error($"{path}.http2Error", "HTTP/2 abort fault injection not supported yet");
                break;
            case HTTPFaultInjection.Types.Abort.ErrorTypeOneofCase.None:
                context.Warning(path, "abort configured, but error type not set");
                break;
        }
    }

    private static void CheckPercentage(string path, Percent? percentage, ValidationContext context)
    {
        // Envoy's resolution is 0.0001%: anything between 0 and that would silently be 0.
        if (percentage is { Value: var value } && (value < 0 || value > 100 || (value > 0 && value < 0.0001)))
        {
            context.Error(path, $"percentage {value} is neither 0.0, nor in range [0.0001, 100.0]");
        }
    }
}
