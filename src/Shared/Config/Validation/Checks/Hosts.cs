using System.Globalization;
using System.Text.RegularExpressions;

namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>
/// Host name checks as Istio makes them: DNS-1123 labels, FQDNs, a wildcard only as the whole
/// first label (<c>*.example.com</c>, <c>*</c>), short names allowed where Istio allows them.
/// Each check returns null when the value is fine, else the message.
/// </summary>
internal static partial class Hosts
{
    private const int MaxLabelLength = 63;
    private const int MaxNameLength = 255;

    public static bool IsDns1123Label(string value) => value.Length <= MaxLabelLength && Dns1123Label().IsMatch(value);

    public static bool IsWildcardDns1123Label(string value) => value.Length <= MaxLabelLength && WildcardLabel().IsMatch(value);

    /// <summary>A fully qualified or short name, no wildcard: <c>reviews</c>, <c>reviews.default.svc.cluster.local</c>.</summary>
    public static string? CheckFqdn(string name) => CheckPreconditions(name) ?? CheckLabels(name);

    /// <summary>A name whose first label may be a wildcard: <c>*</c>, <c>*.example.com</c>, <c>reviews</c>.</summary>
    public static string? CheckWildcardDomain(string name)
    {
        if (CheckPreconditions(name) is { } error)
        {
            return error;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var first = dot < 0 ? name : name[..dot];
        if (!IsWildcardDns1123Label(first))
        {
            return $"domain name \"{name}\" invalid (label \"{first}\" invalid)";
        }

        return dot < 0 ? null : CheckLabels(name[(dot + 1)..], name);
    }

    /// <summary>A wildcard anywhere but as the whole first label (<c>*example.com</c>, <c>a.*.com</c>).</summary>
    public static string? CheckPartialWildcard(string name) =>
        name.Contains('*', StringComparison.Ordinal) && name.Length != 1 && !name.StartsWith("*.", StringComparison.Ordinal)
            ? $"partial wildcard \"{name}\" not allowed"
            : null;

    /// <summary>Whether <paramref name="name"/> contains a wildcard label.</summary>
    public static bool IsWildcarded(string name) => name.StartsWith('*');

    private static string? CheckPreconditions(string name) => name.Length switch
    {
        0 => "empty domain name not allowed",
        > MaxNameLength => $"domain name \"{name}\" too long (max 255)",
        _ => null,
    };

    private static string? CheckLabels(string domain, string? whole = null)
    {
        whole ??= domain;
        var parts = domain.Split('.');
        var top = parts[^1];
        if (top.Length > 0 && int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"domain name \"{whole}\" invalid (top level domain \"{top}\" cannot be all-numeric)";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            // A trailing dot (an absolute name such as `istio.io.`) leaves an empty last label.
            if (i == parts.Length - 1 && parts[i].Length == 0 && i > 0)
            {
                return null;
            }

            if (!IsDns1123Label(parts[i]))
            {
                return $"domain name \"{whole}\" invalid (label \"{parts[i]}\" invalid)";
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^(\*|(\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$", RegexOptions.CultureInvariant)]
    private static partial Regex WildcardLabel();
}
