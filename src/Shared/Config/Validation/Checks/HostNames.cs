namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>How host names with a wildcard first label relate, as Istio's <c>host.Name</c> does.</summary>
internal static class HostNames
{
    /// <summary>Whether some name matches both (<c>*.foo.com</c> and <c>a.foo.com</c>; <c>*.com</c> and <c>*.foo.com</c>).</summary>
    public static bool Overlap(string a, string b)
    {
        if (a == b || a == "*" || b == "*")
        {
            return true;
        }

        var aWild = a.StartsWith('*');
        var bWild = b.StartsWith('*');
        return (aWild, bWild) switch
        {
            (true, true) => a[1..].EndsWith(b[1..], StringComparison.Ordinal) || b[1..].EndsWith(a[1..], StringComparison.Ordinal),
            (true, false) => b.EndsWith(a[1..], StringComparison.Ordinal),
            (false, true) => a.EndsWith(b[1..], StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>Whether every name <paramref name="inner"/> matches is matched by <paramref name="outer"/>.</summary>
    public static bool SubsetOf(string inner, string outer)
    {
        if (inner == outer || outer == "*")
        {
            return true;
        }

        if (!outer.StartsWith('*'))
        {
            return false;
        }

        var suffix = outer[1..];
        return inner.StartsWith('*') ? inner[1..].EndsWith(suffix, StringComparison.Ordinal) : inner.EndsWith(suffix, StringComparison.Ordinal);
    }
}
