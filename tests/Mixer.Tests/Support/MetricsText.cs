using System.Globalization;
using System.Text.RegularExpressions;

namespace ControlPlane.Mixer.Tests.Support;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
internal static partial class MetricsText
{
    /// <summary>
    /// The value of the one sample of <paramref name="name"/> whose labels include all of
    /// <paramref name="labels"/> (<c>key=value</c> pairs); fails when none or several match.
    /// </summary>
    public static double Value(string exposition, string name, params string[] labels)
    {
        var matches = Samples(exposition, name).Where(s => labels.All(l => s.Labels.Contains(l))).ToList();
        Assert.True(matches.Count == 1, $"expected one {name} sample with {string.Join(',', labels)}, found {matches.Count}");
        return matches[0].Value;
    }

    public static IEnumerable<(HashSet<string> Labels, double Value)> Samples(string exposition, string name)
    {
        foreach (var line in exposition.Split('\n'))
        {
            var match = SampleLine().Match(line);
            if (!match.Success || match.Groups["name"].Value != name)
            {
                continue;
            }

            var labels = LabelPair().Matches(match.Groups["labels"].Value).Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}").ToHashSet();
            yield return (labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
