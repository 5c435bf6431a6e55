namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// One rule of a policy: it matches when any <c>from</c> matches (or none is given), any <c>to</c>
/// matches (or none is given) and every <c>when</c> condition matches.
/// </summary>
internal sealed class CompiledRule(SourceMatcher[] from, OperationMatcher[] to, ConditionMatcher[] when)
{
    public bool Matches(CheckAttributes request)
    {
        if (from.Length > 0 && !AnyFrom(request))
        {
            return false;
        }

        if (to.Length > 0 && !AnyTo(request))
        {
            return false;
        }

        foreach (var condition in when)
        {
            if (!condition.Matches(request))
            {
                return false;
            }
        }

        return true;
    }

    private bool AnyFrom(CheckAttributes request)
    {
        foreach (var source in from)
        {
            if (source.Matches(request))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyTo(CheckAttributes request)
    {
        foreach (var operation in to)
        {
            if (operation.Matches(request))
            {
                return true;
            }
        }

        return false;
    }
}
