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
