namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// A field and its <c>not</c> form (<c>principals</c>/<c>notPrincipals</c>): values inside each are
/// ORed; the field matches when the positive list (if given) has a match and the negative list has none.
/// </summary>
internal sealed class ValueMatcher
{
    private readonly StringMatcher[] _values;
    private readonly StringMatcher[] _notValues;

    private ValueMatcher(StringMatcher[] values, StringMatcher[] notValues)
    {
        _values = values;
        _notValues = notValues;
    }

    /// <summary>Null when neither list is set: the field does not constrain the request.</summary>
    public static ValueMatcher? Create(IEnumerable<string> values, IEnumerable<string> notValues, bool ignoreCase = false)
    {
        var positive = values.Select(v => StringMatcher.Parse(v, ignoreCase)).ToArray();
        var negative = notValues.Select(v => StringMatcher.Parse(v, ignoreCase)).ToArray();
        return positive.Length == 0 && negative.Length == 0 ? null : new ValueMatcher(positive, negative);
    }

    public bool Matches(string? value)
    {
        if (_values.Length > 0 && !Any(_values, value))
        {
            return false;
        }

        return !Any(_notValues, value);
    }

    /// <summary>For a value with two spellings (a host with and without its port): either may match, neither may be excluded.</summary>
    public bool Matches(string value, string? alternative)
    {
        if (_values.Length > 0 && !Any(_values, value) && !Any(_values, alternative))
        {
            return false;
        }

        return !Any(_notValues, value) && !Any(_notValues, alternative);
    }

    /// <summary>For multi-valued attributes (JWT audiences, claims): matches when any one value does.</summary>
    public bool MatchesAny(IReadOnlyList<string> candidates)
    {
        if (_values.Length > 0)
        {
            var found = false;
            for (var i = 0; i < candidates.Count && !found; i++)
            {
                found = Any(_values, candidates[i]);
            }

            if (!found)
            {
                return false;
            }
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (Any(_notValues, candidates[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Any(StringMatcher[] matchers, string? value)
    {
        foreach (var matcher in matchers)
        {
            if (matcher.Matches(value))
            {
                return true;
            }
        }

        return false;
    }
}
