using System.Text.Json.Nodes;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// A label selector and a field selector as the API server parses them from a list or watch query
/// (<c>a=b,c!=d,e in (x,y),f notin (z),g,!h</c>; fields <c>metadata.name</c> and <c>metadata.namespace</c>).
/// </summary>
internal sealed class KubeSelector
{
    private static readonly string[] SupportedFields = ["metadata.name", "metadata.namespace"];
    private readonly List<Func<JsonNode, bool>> _requirements = [];

    public static KubeSelector Parse(string? labelSelector, string? fieldSelector)
    {
        var selector = new KubeSelector();
        foreach (var term in SplitTerms(labelSelector))
        {
            selector._requirements.Add(LabelRequirement(term));
        }

        foreach (var term in SplitTerms(fieldSelector))
        {
            selector._requirements.Add(FieldRequirement(term));
        }

        return selector;
    }

    public bool Matches(JsonNode obj) => _requirements.All(r => r(obj));

    private static Func<JsonNode, bool> LabelRequirement(string term)
    {
        string? Label(JsonNode o, string key) => o["metadata"]?["labels"]?[key]?.GetValue<string>();
        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return o => Label(o, key) is null;
        }

        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at].Trim();
                var values = term[(at + op.Length)..].Trim().TrimStart('(').TrimEnd(')').Split(',').Select(v => v.Trim()).ToHashSet();
                return o => values.Contains(Label(o, key) ?? "\0") != negate;
            }
        }

        if (TryEquality(term, out var name, out var value, out var notEqual))
        {
            return o => (Label(o, name) == value) != notEqual;
        }

        var exists = term.Trim();
        return o => Label(o, exists) is not null;
    }

    private static Func<JsonNode, bool> FieldRequirement(string term)
    {
        if (!TryEquality(term, out var field, out var value, out var notEqual) || !SupportedFields.Contains(field))
        {
            throw KubeApiException.BadRequest($"field label not supported: {term}");
        }

        return field == "metadata.name"
            ? o => (KubeStore.Name(o) == value) != notEqual
            : o => (KubeStore.Namespace(o) == value) != notEqual;
    }

    private static bool TryEquality(string term, out string key, out string value, out bool notEqual)
    {
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                key = term[..at].Trim();
                value = term[(at + op.Length)..].Trim();
                notEqual = op == "!=";
                return true;
            }
        }

        key = value = "";
        notEqual = false;
        return false;
    }

    private static List<string> SplitTerms(string? selector)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(selector))
        {
            return terms;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            depth += selector[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (selector[i] == ',' && depth == 0)
            {
                terms.Add(selector[start..i]);
                start = i + 1;
            }
        }

        terms.Add(selector[start..]);
        return terms.Where(t => t.Trim().Length > 0).ToList();
    }
}
