using System.Text;
using Envoy.Data.Accesslog.V3;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// Envoy's short response-flag codes (<c>UH</c>, <c>UF</c>, <c>NR</c>, ...; see Envoy's access-log
/// format docs), joined with commas as Istio's <c>response_flags</c> label shows them; <c>-</c> for none.
/// </summary>
internal static class ResponseFlagCodes
{
    public const string None = "-";

    public static string Format(ResponseFlags? flags)
    {
        if (flags is null)
        {
            return None;
        }

        var text = new StringBuilder();
        Add(text, flags.FailedLocalHealthcheck, "LH");
        Add(text, flags.NoHealthyUpstream, "UH");
        Add(text, flags.UpstreamRequestTimeout, "UT");
        Add(text, flags.LocalReset, "LR");
        Add(text, flags.UpstreamRemoteReset, "UR");
        Add(text, flags.UpstreamConnectionFailure, "UF");
        Add(text, flags.UpstreamConnectionTermination, "UC");
        Add(text, flags.UpstreamOverflow, "UO");
        Add(text, flags.NoRouteFound, "NR");
        Add(text, flags.DelayInjected, "DI");
        Add(text, flags.FaultInjected, "FI");
        Add(text, flags.RateLimited, "RL");
        Add(text, flags.UnauthorizedDetails is not null, "UAEX");
        Add(text, flags.RateLimitServiceError, "RLSE");
        Add(text, flags.DownstreamConnectionTermination, "DC");
        Add(text, flags.UpstreamRetryLimitExceeded, "URX");
        Add(text, flags.StreamIdleTimeout, "SI");
        Add(text, flags.InvalidEnvoyRequestHeaders, "IH");
        Add(text, flags.DownstreamProtocolError, "DPE");
        Add(text, flags.UpstreamMaxStreamDurationReached, "UMSDR");
        Add(text, flags.ResponseFromCacheFilter, "RFCF");
        Add(text, flags.NoFilterConfigFound, "NFCF");
        Add(text, flags.DurationTimeout, "DT");
        Add(text, flags.UpstreamProtocolError, "UPE");
        Add(text, flags.NoClusterFound, "NC");
        Add(text, flags.OverloadManager, "OM");
        Add(text, flags.DnsResolutionFailure, "DF");
        Add(text, flags.DownstreamRemoteReset, "DR");
        return text.Length == 0 ? None : text.ToString();
    }

    private static void Add(StringBuilder text, bool set, string code)
    {
        if (set)
        {
            (text.Length == 0 ? text : text.Append(',')).Append(code);
        }
    }
}
