using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Builds a proto message from a YAML node by walking the node against the message descriptor,
/// with the protobuf JSON mapping's rules (proto or lowerCamel names, enums by name or number,
/// well-known types in their JSON forms). Every problem is reported with its node's position and
/// field path, and reading goes on so that all of them are found; the position of each field
/// written is recorded by its path.
/// </summary>
internal sealed class SpecReader(ObjectErrors errors, Dictionary<string, SourcePosition> positions)
{
    public IMessage? ReadMessage(MessageDescriptor descriptor, YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(node, path, $"expected an object ({descriptor.Name}), got {YamlNodeText.Describe(node)}");
            return null;
        }

        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        var seen = 0UL;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name })
            {
                errors.Add(keyNode, path, "field names must be strings");
                continue;
            }

            var field = FieldIndex.Find(descriptor, name);
            if (field is null)
            {
                var suggestion = FieldIndex.Suggest(descriptor, name) is { } meant ? $"; did you mean \"{meant}\"?" : string.Empty;
                errors.Add(keyNode, FieldPaths.Field(path, name), $"unknown field \"{name}\" in {descriptor.FullName}{suggestion}");
                continue;
            }

            var fieldPath = FieldPaths.Field(path, field.JsonName);
            var position = errors.Source.Of(keyNode);
            positions[fieldPath] = position;
            if (!MarkSeen(ref seen, field, descriptor, message, keyNode, fieldPath))
            {
                continue;
            }

            if (YamlNodeText.IsNull(valueNode) && !IsValueType(field))
            {
                continue; // null means "not set" in the JSON mapping
            }

            if (field.IsMap)
            {
                ReadMap(field, valueNode, fieldPath, (IDictionary)field.Accessor.GetValue(message));
            }
            else if (field.IsRepeated)
            {
                ReadList(field, valueNode, fieldPath, (IList)field.Accessor.GetValue(message));
            }
            else if (ReadSingular(field, valueNode, fieldPath) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }

        return message;
    }

    private bool MarkSeen(ref ulong seen, FieldDescriptor field, MessageDescriptor descriptor, IMessage message, YamlNode keyNode, string fieldPath)
    {
        var bit = field.Index < 64 ? 1UL << field.Index : 0;
        if ((seen & bit) != 0)
        {
            errors.Add(keyNode, fieldPath, $"field \"{field.JsonName}\" is set twice (as \"{field.Name}\" and \"{field.JsonName}\")");
            return false;
        }

        seen |= bit;
        if (field.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) is { } other)
        {
            errors.Add(keyNode, fieldPath, $"only one of the fields of \"{oneof.Name}\" in {descriptor.FullName} may be set; \"{other.JsonName}\" is set too");
            return false;
        }

        return true;
    }

    private object? ReadSingular(FieldDescriptor field, YamlNode node, string path) => field.FieldType switch
    {
        FieldType.Message => ReadMessageValue(field.MessageType, node, path),
        FieldType.Enum => ReadEnum(field.EnumType, node, path),
        _ => ScalarReader.Read(field.FieldType, node, path, errors),
    };

    private object? ReadMessageValue(MessageDescriptor type, YamlNode node, string path)
    {
        switch (type.FullName)
        {
            case "google.protobuf.Duration":
                return ReadDuration(node, path);
            case "google.protobuf.Value":
                return StructReader.ReadValue(node, path, errors);
            case "google.protobuf.Struct" when node is YamlMappingNode mapping:
                return StructReader.ReadStruct(mapping, path, errors);
            case "google.protobuf.ListValue" when node is YamlSequenceNode:
                return StructReader.ReadValue(node, path, errors).ListValue;
            case "google.protobuf.Any" or "google.protobuf.Timestamp" or "google.protobuf.FieldMask":
                errors.Add(node, path, $"{type.FullName} fields are not supported by this loader");
                return null;
        }

        // Wrappers (google.protobuf.UInt32Value, ...) are written as their bare value; the generated
        // property is the nullable primitive.
        return type.File == WrappersReflection.Descriptor
            ? ScalarReader.Read(type.FindFieldByNumber(1).FieldType, node, path, errors)
            : ReadMessage(type, node, path);
    }

    private Duration? ReadDuration(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && YamlScalars.Classify(scalar) is ScalarKind.String or ScalarKind.Int
            && DurationText.TryParse(text, out var duration))
        {
            return duration;
        }

        errors.Add(node, path, $"invalid duration {YamlNodeText.Describe(node)}: expected a number with a unit, such as 1.5s, 100ms or 5m");
        return null;
    }

    private object? ReadEnum(EnumDescriptor type, YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } scalar)
        {
            var kind = YamlScalars.Classify(scalar);
            if (kind == ScalarKind.String && type.FindValueByName(text) is { } named)
            {
                return System.Enum.ToObject(type.ClrType, named.Number);
            }

            // Proto3 enums are open: any int32 number is kept, as the JSON parser keeps it.
            if (kind == ScalarKind.Int && int.TryParse(text, out var number))
            {
                return System.Enum.ToObject(type.ClrType, number);
            }
        }

        var names = string.Join(", ", type.Values.Select(v => v.Name));
        errors.Add(node, path, $"invalid value {YamlNodeText.Describe(node)} for enum {type.FullName}; expected one of {names}");
        return null;
    }

    private void ReadList(FieldDescriptor field, YamlNode node, string path, IList list)
    {
        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(node, path, $"expected a list, got {YamlNodeText.Describe(node)}");
            return;
        }

        var index = 0;
        foreach (var item in sequence.Children)
        {
            var itemPath = FieldPaths.Index(path, index++);
            positions[itemPath] = errors.Source.Of(item);
            if (YamlNodeText.IsNull(item) && !IsValueType(field))
            {
                errors.Add(item, itemPath, "null is not allowed in a list");
            }
            else if (ReadSingular(field, item, itemPath) is { } value)
            {
                list.Add(value);
            }
        }
    }

    private void ReadMap(FieldDescriptor field, YamlNode node, string path, IDictionary map)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(node, path, $"expected an object (a map), got {YamlNodeText.Describe(node)}");
            return;
        }

        var keyField = field.MessageType.FindFieldByNumber(1);
        var valueField = field.MessageType.FindFieldByNumber(2);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var keyText = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var entryPath = FieldPaths.MapEntry(path, keyText);
            positions[entryPath] = errors.Source.Of(keyNode);
            var key = keyNode is YamlScalarNode ? ScalarReader.ReadKey(keyField.FieldType, keyText) : null;
            if (key is null)
            {
                errors.Add(keyNode, entryPath, $"invalid map key {YamlNodeText.Describe(keyNode)}: expected {ScalarReader.TypeName(keyField.FieldType)}");
            }
            else if (YamlNodeText.IsNull(valueNode) && !IsValueType(valueField))
            {
                errors.Add(valueNode, entryPath, "map values may not be null");
            }
            else if (ReadSingular(valueField, valueNode, entryPath) is { } value)
            {
                map[key] = value;
            }
        }
    }

    private static bool IsValueType(FieldDescriptor field) =>
        field.FieldType == FieldType.Message && field.MessageType.FullName == "google.protobuf.Value";
}
