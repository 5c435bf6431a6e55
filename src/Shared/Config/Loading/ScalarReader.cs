using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Reads a YAML scalar as a proto scalar field the way the protobuf JSON mapping reads JSON
/// (https://protobuf.dev/programming-guides/json/): numbers as numbers or strings, 64-bit integers
/// too, floats also as <c>NaN</c>/<c>Infinity</c>, bytes as base64, booleans only as booleans.
/// Returns the boxed CLR value the generated property holds, or null after reporting an error.
/// </summary>
internal static class ScalarReader
{
    public static object? Read(FieldType type, YamlNode node, string path, ObjectErrors errors)
    {
        if (node is not YamlScalarNode scalar)
        {
            errors.Add(node, path, $"expected {TypeName(type)}, got {YamlNodeText.Describe(node)}");
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        var kind = YamlScalars.Classify(scalar);
        var value = type switch
        {
            FieldType.String => kind == ScalarKind.String ? text : null,
            FieldType.Bool => kind == ScalarKind.Bool ? YamlScalars.ParseBool(text) : null,
            FieldType.Bytes => kind == ScalarKind.String ? ReadBytes(text) : null,
            FieldType.Float or FieldType.Double => ReadFloatingPoint(type, text, kind),
            _ => kind is ScalarKind.Int or ScalarKind.Float or ScalarKind.String ? ReadInteger(type, text) : null,
        };

        if (value is null)
        {
            errors.Add(node, path, $"expected {TypeName(type)}, got {YamlNodeText.Describe(node)}");
        }
        else if (value is OutOfRange)
        {
            errors.Add(node, path, $"{text} is out of range for {TypeName(type)}");
            return null;
        }

        return value;
    }

    /// <summary>Reads a map key, always written as a string in JSON, as the key field's type.</summary>
    public static object? ReadKey(FieldType type, string text) => type switch
    {
        FieldType.String => text,
        FieldType.Bool => text switch { "true" => true, "false" => false, _ => null },
        _ => ReadInteger(type, text) is { } key and not OutOfRange ? key : null,
    };

    public static string TypeName(FieldType type) => type switch
    {
        FieldType.String => "a string",
        FieldType.Bool => "a boolean (true or false)",
        FieldType.Bytes => "base64 bytes",
        FieldType.Float or FieldType.Double => "a number",
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => "an integer (int32)",
        FieldType.UInt32 or FieldType.Fixed32 => "a non-negative integer (uint32)",
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => "an integer (int64)",
        FieldType.UInt64 or FieldType.Fixed64 => "a non-negative integer (uint64)",
        _ => type.ToString(),
    };

    private static object? ReadBytes(string text)
    {
        try
        {
            return ByteString.FromBase64(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static object? ReadFloatingPoint(FieldType type, string text, ScalarKind kind)
    {
        double number;
        if (kind == ScalarKind.String)
        {
            number = text switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN,
            };
            if (double.IsNaN(number) && text != "NaN")
            {
                return null;
            }
        }
        else if (kind is not (ScalarKind.Int or ScalarKind.Float) || !YamlScalars.TryParseNumber(text, out number))
        {
            return null;
        }

        if (type == FieldType.Double)
        {
            return number;
        }

        return double.IsFinite(number) && Math.Abs(number) > float.MaxValue ? OutOfRange.Instance : (float)number;
    }

    private static object? ReadInteger(FieldType type, string text)
    {
        // Exact first (64-bit values lose precision through double), then 1e3, 10.0, 0x1F forms.
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact))
        {
            return Narrow(type, exact);
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var big))
        {
            return type is FieldType.UInt64 or FieldType.Fixed64 ? big : OutOfRange.Instance;
        }

        if (YamlScalars.Classify(text) is ScalarKind.Int or ScalarKind.Float
            && YamlScalars.TryParseNumber(text, out var number) && double.IsFinite(number))
        {
            if (number != Math.Floor(number))
            {
                return null;
            }

            return number is >= long.MinValue and < 9.2233720368547758E+18 ? Narrow(type, (long)number) : OutOfRange.Instance;
        }

        return null;
    }

    private static object Narrow(FieldType type, long value) => type switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 =>
            value is >= int.MinValue and <= int.MaxValue ? (int)value : OutOfRange.Instance,
        FieldType.UInt32 or FieldType.Fixed32 =>
            value is >= 0 and <= uint.MaxValue ? (uint)value : OutOfRange.Instance,
        FieldType.UInt64 or FieldType.Fixed64 => value >= 0 ? (ulong)value : OutOfRange.Instance,
        _ => value,
    };

    /// <summary>Marks a well-formed number that does not fit the field.</summary>
    private sealed class OutOfRange
    {
        public static readonly OutOfRange Instance = new();
    }
}
