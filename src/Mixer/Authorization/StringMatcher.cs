namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// One AuthorizationPolicy value as Istio reads it: <c>*</c> matches any non-empty value, <c>abc*</c>
/// a prefix, <c>*abc</c> a suffix, anything else the exact value.
/// </summary>
internal sealed class StringMatcher
{
    private readonly string _text;
    private readonly Kind _kind;
    private readonly StringComparison _comparison;

    private StringMatcher(string text, Kind kind, StringComparison comparison)
    {
        _text = text;
        _kind = kind;
        _comparison = comparison;
    }

    private enum Kind
    {
        Exact,
        Prefix,
        Suffix,
        Any,
    }

    public static StringMatcher Parse(string pattern, bool ignoreCase = false)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (pattern == "*")
        {
            return new StringMatcher(string.Empty, Kind.Any, comparison);
        }

        if (pattern.Length > 1 && pattern[^1] == '*')
        {
            return new StringMatcher(pattern[..^1], Kind.Prefix, comparison);
        }

        if (pattern.Length > 1 && pattern[0] == '*')
        {
            return new StringMatcher(pattern[1..], Kind.Suffix, comparison);
        }

        return new StringMatcher(pattern, Kind.Exact, comparison);
    }

    public bool Matches(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        return _kind switch
        {
            Kind.Any => true,
            Kind.Prefix => value.StartsWith(_text, _comparison),
            Kind.Suffix => value.EndsWith(_text, _comparison),
            _ => value.Equals(_text, _comparison),
        };
    }
}
