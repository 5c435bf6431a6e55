using Envoy.Extensions.Filters.Common.Fault.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Type.V3;
using GrpcStatusCode = Grpc.Core.StatusCode;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// VirtualService fault injection as the per-route config of the <c>envoy.filters.http.fault</c>
/// filter. Percentages become parts per million, as Istio writes them; no percentage means every request.
/// </summary>
internal static class FaultTranslator
{
    public static HTTPFault? Translate(HTTPFaultInjection? fault)
    {
        if (fault is null || (fault.Delay is null && fault.Abort is null))
        {
            return null;
        }

        var result = new HTTPFault();
        if (fault.Delay is { FixedDelay: { } fixedDelay } delay)
        {
            result.Delay = new FaultDelay { FixedDelay = fixedDelay.Clone(), Percentage = Percentage(delay.Percentage, delay.Percent) };
        }

        if (fault.Abort is { } abort)
        {
            var translated = new FaultAbort { Percentage = Percentage(abort.Percentage, legacyPercent: 0) };
            switch (abort.ErrorTypeCase)
            {
                case HTTPFaultInjection.Types.Abort.ErrorTypeOneofCase.HttpStatus:
                    translated.HttpStatus = (uint)abort.HttpStatus;
                    break;
                case HTTPFaultInjection.Types.Abort.ErrorTypeOneofCase.GrpcStatus:
                    translated.GrpcStatus = GrpcCode(abort.GrpcStatus);
                    break;
                default:
                    translated = null;
                    break;
            }

            result.Abort = translated;
        }

        return result.Delay is null && result.Abort is null ? null : result;
    }

    private static FractionalPercent Percentage(Istio.Networking.V1Alpha3.Percent? percent, int legacyPercent)
    {
        var value = percent?.Value ?? (legacyPercent > 0 ? legacyPercent : 100.0);
        return new FractionalPercent
        {
            Numerator = (uint)Math.Round(Math.Clamp(value, 0, 100) * 10_000),
            Denominator = FractionalPercent.Types.DenominatorType.Million,
        };
    }

    /// <summary>Istio writes gRPC codes by name (<c>UNAVAILABLE</c>); a number is accepted too.</summary>
    private static uint GrpcCode(string status)
    {
        if (uint.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var pascal = string.Concat(status.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
        return Enum.TryParse<GrpcStatusCode>(pascal, ignoreCase: true, out var code) ? (uint)code : (uint)GrpcStatusCode.Unknown;
    }
}
