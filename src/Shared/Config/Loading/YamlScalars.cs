using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Resolves plain YAML scalars by the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution):
/// <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c>/empty, decimal/octal (<c>0o</c>)/hex (<c>0x</c>)
/// integers and floats. Quoted and block scalars, and those tagged <c>!!str</c>, are strings.
/// YAML 1.1's <c>yes</c>/<c>on</c> stay strings, as they do for JSON-mapped protobuf.
/// </summary>
internal static class YamlScalars
{
    private const string StrTag = "tag:yaml.org,2002:str";

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static ScalarKind Classify(YamlScalarNode node)
    {
        if (node.Style != ScalarStyle.Plain || (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value == StrTag))
        {
            return ScalarKind.String;
        }

        return Classify(node.Value ?? string.Empty);
    }

    public static ScalarKind Classify(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarKind.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF"
                or ".nan" or ".NaN" or ".NAN":
                return ScalarKind.Float;
        }

        if (IsInteger(value))
        {
            return ScalarKind.Int;
        }

        return IsFloat(value) ? ScalarKind.Float : ScalarKind.String;
    }

    public static bool ParseBool(string value) => value[0] is 't' or 'T';

    /// <summary>Parses a scalar classified <see cref="ScalarKind.Int"/> or <see cref="ScalarKind.Float"/>.</summary>
    public static bool TryParseNumber(string value, out double number)
    {
        switch (value)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                number = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                number = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                number = double.NaN;
                return true;
        }

        if (value.StartsWith("0x", StringComparison.Ordinal))
        {
            var ok = ulong.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex);
            number = hex;
            return ok;
        }

        if (value.StartsWith("0o", StringComparison.Ordinal))
        {
            number = 0;
            foreach (var c in value.AsSpan(2))
            {
                number = (number * 8) + (c - '0');
            }

            return true;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsInteger(string value)
    {
        var span = value.AsSpan();
        if (span.StartsWith("0x") && span.Length > 2)
        {
            return !span[2..].ContainsAnyExcept(HexDigits);
        }

        if (span.StartsWith("0o") && span.Length > 2)
        {
            return !span[2..].ContainsAnyExceptInRange('0', '7');
        }

        if (span[0] is '-' or '+')
        {
            span = span[1..];
        }

        return span.Length > 0 && !span.ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsFloat(string value)
    {
        // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        var span = value.AsSpan();
        if (span[0] is '-' or '+')
        {
            span = span[1..];
        }

        var i = 0;
        var digits = 0;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
            digits++;
        }

        if (i < span.Length && span[i] == '.')
        {
            i++;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < span.Length && span[i] is 'e' or 'E')
        {
            i++;
            if (i < span.Length && span[i] is '-' or '+')
            {
                i++;
            }

            var exponentStart = i;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }
        }

        return i == span.Length;
    }
}
