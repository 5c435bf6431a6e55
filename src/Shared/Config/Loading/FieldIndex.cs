using System.Collections.Concurrent;
using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Finds a message's field by either name the protobuf JSON mapping accepts: the proto name
/// (<c>export_to</c>) or the lowerCamel JSON name (<c>exportTo</c>). Built once per message type.
/// </summary>
internal static class FieldIndex
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FrozenDictionary<string, FieldDescriptor>> Indexes = new();

    public static FieldDescriptor? Find(MessageDescriptor descriptor, string name) =>
        Indexes.GetOrAdd(descriptor, Build).GetValueOrDefault(name);

    /// <summary>The JSON name of the field <paramref name="name"/> was most likely meant to be (a typo or wrong case), or null.</summary>
    public static string? Suggest(MessageDescriptor descriptor, string name)
    {
        string? best = null;
        var bestDistance = Math.Max(1, Math.Min(3, name.Length / 3)) + 1;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            foreach (var candidate in (ReadOnlySpan<string>)[field.JsonName, field.Name])
            {
                var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(candidate, name);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (field.JsonName, distance);
                }
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        // Levenshtein distance over two rows; names are short.
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    private static FrozenDictionary<string, FieldDescriptor> Build(MessageDescriptor descriptor)
    {
        var fields = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            fields[field.Name] = field;
            fields[field.JsonName] = field;
        }

        return fields.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
