using System.Globalization;
using System.Net;
using System.Text;
using Envoy.Config.Core.V3;
using Envoy.Config.Rbac.V3;
using Envoy.Config.Route.V3;
using Envoy.Type.Matcher.V3;

namespace ControlPlane.Pilot.Xds.Generation.Security;

/// <summary>
/// Istio's value forms as RBAC matchers, the way Istio writes them for Envoy: <c>abc</c> exact,
/// <c>abc*</c> prefix, <c>*abc</c> suffix, <c>*</c> any non-empty value; principals gain the
/// <c>spiffe://</c> scheme Istio leaves out of policies.
/// </summary>
internal static class RbacMatchers
{
    private const string Spiffe = "spiffe://";

    public static StringMatcher String(string value, string prefix = "", bool ignoreCase = false)
    {
        var matcher = value switch
        {
            "*" => new StringMatcher { SafeRegex = new RegexMatcher { Regex = ".+" } },
            _ when value.EndsWith('*') => new StringMatcher { Prefix = prefix + value[..^1] },
            _ when value.StartsWith('*') => new StringMatcher { Suffix = value[1..] },
            _ => new StringMatcher { Exact = prefix + value },
        };
        matcher.IgnoreCase = ignoreCase && matcher.MatchPatternCase != StringMatcher.MatchPatternOneofCase.SafeRegex;
        return matcher;
    }

    /// <summary>A peer whose certificate's URI SAN is the SPIFFE id of <paramref name="principal"/> (<c>cluster.local/ns/default/sa/a</c>).</summary>
    public static Principal Authenticated(string principal) =>
        new() { Authenticated = new Principal.Types.Authenticated { PrincipalName = String(principal, Spiffe) } };

    /// <summary>A peer of namespace <paramref name="ns"/> (<c>*</c> ends allowed), read from its SPIFFE id as Istio does.</summary>
    public static Principal Namespace(string ns) => ByRegex($".*/ns/{Pattern(ns)}/.*");

    /// <summary>A peer running as <c>NAMESPACE/SERVICE_ACCOUNT</c>, whatever its trust domain.</summary>
    public static Principal ServiceAccount(string account)
    {
        var slash = account.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? ByRegex($"spiffe://[^/]+/ns/[^/]+/sa/{Pattern(account)}")
            : ByRegex($"spiffe://[^/]+/ns/{Pattern(account[..slash])}/sa/{Pattern(account[(slash + 1)..])}");
    }

    /// <summary>A peer of trust domain <paramref name="trustDomain"/>.</summary>
    public static Principal TrustDomain(string trustDomain) => ByRegex($"spiffe://{Pattern(trustDomain)}/.*");

    public static HeaderMatcher Header(string name, string value, bool ignoreCase = false) =>
        new() { Name = name, StringMatch = String(value, ignoreCase: ignoreCase) };

    public static PathMatcher Path(string value) => new() { Path = String(value) };

    /// <summary>An IP address or CIDR block as a CidrRange; null when it is neither (validation reports it).</summary>
    public static CidrRange? Cidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return null;
        }

        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128u : 32u;
        var length = max;
        if (slash >= 0 && (!uint.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > max))
        {
            return null;
        }

        return new CidrRange { AddressPrefix = address.ToString(), PrefixLen = length };
    }

    private static Principal ByRegex(string regex) =>
        new() { Authenticated = new Principal.Types.Authenticated { PrincipalName = new StringMatcher { SafeRegex = new RegexMatcher { Regex = regex } } } };

    /// <summary>An Istio value as an RE2 fragment within one path segment: '*' at either end is any characters but '/'.</summary>
    private static string Pattern(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '*' && (i == 0 || i == value.Length - 1))
            {
                text.Append("[^/]*");
            }
            else
            {
                if (".\\+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
                {
                    text.Append('\\');
                }

                text.Append(c);
            }
        }

        return text.ToString();
    }
}
