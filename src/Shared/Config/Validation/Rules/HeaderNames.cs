using System.Text.RegularExpressions;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>HTTP header names in matches and header operations, as Istio checks them.</summary>
internal static partial class HeaderNames
{
    private static readonly HashSet<string> PseudoHeaders = new(StringComparer.Ordinal) { ":method", ":scheme", ":authority", ":path", ":status" };

    /// <summary>A header to match on: a token, a pseudo-header, or a JWT claim (<c>@request.auth.claims.group</c>).</summary>
    public static string? CheckMatch(string name) => name switch
    {
        "" => "header name cannot be empty",
        _ when name.StartsWith("@request.auth.claims", StringComparison.Ordinal) || PseudoHeaders.Contains(name) => null,
        _ when !Token().IsMatch(name) => $"header name {name} is not a valid header name",
        _ => null,
    };

    /// <summary>A header to set or add on requests: not a pseudo-header other than the authority.</summary>
    public static string? CheckRequestSet(string name) => name switch
    {
        "" => "header name cannot be empty",
        _ when name.StartsWith(':') && !name.Equals(":authority", StringComparison.OrdinalIgnoreCase) => $"invalid header \"{name}\": header cannot have \":\" prefix",
        _ => null,
    };

    /// <summary>A header to remove, or to set on responses: neither Host nor a pseudo-header.</summary>
    public static string? CheckOperation(string name) => name switch
    {
        "" => "header name cannot be empty",
        _ when name.Equals("host", StringComparison.OrdinalIgnoreCase) => $"invalid header \"{name}\": cannot set Host header",
        _ when name.StartsWith(':') => $"invalid header \"{name}\": header cannot have \":\" prefix",
        _ => null,
    };

    [GeneratedRegex("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
