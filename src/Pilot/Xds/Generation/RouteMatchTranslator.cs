using Envoy.Config.Route.V3;
using Envoy.Type.Matcher.V3;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// Turns one VirtualService <c>HTTPMatchRequest</c> into an Envoy RouteMatch. Header matchers use
/// the per-kind fields (<c>exact_match</c>, <c>prefix_match</c>, <c>safe_regex_match</c>,
/// <c>present_match</c>) rather than <c>string_match</c>, which gRPC C-core 1.51 rejects.
/// </summary>
internal static class RouteMatchTranslator
{
    public static RouteMatch Translate(HTTPMatchRequest? match)
    {
        var result = new RouteMatch();
        switch (match?.Uri?.MatchTypeCase)
        {
            case StringMatch.MatchTypeOneofCase.Exact:
                result.Path = match.Uri.Exact;
                break;
            case StringMatch.MatchTypeOneofCase.Prefix:
                result.Prefix = match.Uri.Prefix;
                break;
            case StringMatch.MatchTypeOneofCase.Regex:
                result.SafeRegex = new RegexMatcher { Regex = match.Uri.Regex };
                break;
            default:
                result.Prefix = "/";
                break;
        }

        if (match is null)
        {
            return result;
        }

        if (match.IgnoreUriCase)
        {
            result.CaseSensitive = false;
        }

        if (match.Method is { } method)
        {
            result.Headers.Add(Header(":method", method, invert: false));
        }

        if (match.Authority is { } authority)
        {
            result.Headers.Add(Header(":authority", authority, invert: false));
        }

        foreach (var (name, value) in match.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            result.Headers.Add(Header(name.ToLowerInvariant(), value, invert: false));
        }

        foreach (var (name, value) in match.WithoutHeaders.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            result.Headers.Add(Header(name.ToLowerInvariant(), value, invert: true));
        }

        return result;
    }

    private static HeaderMatcher Header(string name, StringMatch value, bool invert)
    {
        var matcher = new HeaderMatcher { Name = name, InvertMatch = invert };
        switch (value.MatchTypeCase)
        {
            case StringMatch.MatchTypeOneofCase.Exact:
                matcher.ExactMatch = value.Exact;
                break;
            case StringMatch.MatchTypeOneofCase.Prefix:
                matcher.PrefixMatch = value.Prefix;
                break;
            case StringMatch.MatchTypeOneofCase.Regex:
                matcher.SafeRegexMatch = new RegexMatcher { Regex = value.Regex };
                break;
            default:
                // Istio: an empty match ({}) means "the header is present".
                matcher.PresentMatch = true;
                break;
        }

        return matcher;
    }
}
