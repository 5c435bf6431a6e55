using System.Text.RegularExpressions;

namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>Kubernetes label keys (<c>prefix/name</c>) and values, as Istio checks them in selectors and subsets.</summary>
internal static partial class Labels
{
    private const int MaxNameLength = 63;
    private const int MaxPrefixLength = 253;

    public static IEnumerable<(string Key, string Message)> Check(IEnumerable<KeyValuePair<string, string>> labels)
    {
        foreach (var (key, value) in labels)
        {
            if (CheckKey(key) is { } keyError)
            {
                yield return (key, keyError);
            }

            if (value.Length > MaxNameLength || !LabelValue().IsMatch(value))
            {
                yield return (key, $"invalid tag value: \"{value}\"");
            }
        }
    }

    private static string? CheckKey(string key)
    {
        var match = LabelKey().Match(key);
        if (!match.Success)
        {
            return $"invalid tag key: \"{key}\"";
        }

        if (match.Groups[1].Length > MaxPrefixLength + 1)
        {
            return $"invalid tag key: \"{key}\" (DNS prefix is too long)";
        }

        return match.Groups[2].Length > MaxNameLength ? $"invalid tag key: \"{key}\" (name is too long)" : null;
    }

    [GeneratedRegex(@"^([a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*/)?((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelKey();

    [GeneratedRegex("^((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();
}
