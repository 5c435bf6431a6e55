using System.Diagnostics.CodeAnalysis;

namespace ControlPlane.Agent.Hosting;

/// <summary>The <c>--labels k=v,k=v</c> text as ordered pairs (a repeated key keeps its last value).</summary>
internal static class WorkloadLabels
{
    public static bool TryParse(string text, out List<KeyValuePair<string, string>> labels, [NotNullWhen(false)] out string? error)
    {
        labels = [];
        error = null;
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"'{pair}' is not KEY=VALUE; write labels as app=web,version=v1";
                return false;
            }

            var key = pair[..equals];
            labels.RemoveAll(l => l.Key == key);
            labels.Add(new(key, pair[(equals + 1)..]));
        }

        return true;
    }
}
