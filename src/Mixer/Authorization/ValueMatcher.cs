namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// A field and its <c>not</c> form (<c>principals</c>/<c>notPrincipals</c>): values inside each are
/// ORed; the field matches when the positive list (if given) has a match and the negative list has none.
/// </summary>
internal sealed class ValueMatcher
{
    private readonly StringMatcher[] values;
    private readonly StringMatcher[] notValues;

    private ValueMatcher(StringMatcher[] values, StringMatcher[] notValues)
    {
        this.values = values;
        this.notValues = notValues;
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
        if (values.Length > 0 && !Any(values, value))
        {
            return false;
        }

        return !Any(notValues, value);
    }

    /// <summary>For a value with two spellings (a host with and without its port): either may match, neither may be excluded.</summary>
    public bool Matches(string value, string? alternative)
    {
        if (values.Length > 0 && !Any(values, value) && !Any(values, alternative))
        {
            return false;
        }

        return !Any(notValues, value) && !Any(notValues, alternative);
    }

    /// <summary>For multi-valued attributes (JWT audiences, claims): matches when any one value does.</summary>
    public bool MatchesAny(IReadOnlyList<string> candidates)
    {
        if (values.Length > 0)
        {
            var found = false;
            for (var i = 0; i < candidates.Count && !found; i++)
            {
                found = Any(values, candidates[i]);
            }

            if (!found)
            {
                return false;
            }
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (Any(notValues, candidates[i]))
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
