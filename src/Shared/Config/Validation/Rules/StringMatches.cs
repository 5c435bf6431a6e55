using ControlPlane.Shared.Config.Validation.Checks;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Checks of a <c>StringMatch</c>: a prefix must not be empty (unless allowed), a regex must be valid RE2.</summary>
internal static class StringMatches
{
    public static void Check(string path, StringMatch? match, ValidationContext context, bool allowEmptyPrefix = false)
    {
        switch (match?.MatchTypeCase)
        {
            case StringMatch.MatchTypeOneofCase.Prefix when match.Prefix.Length == 0 && !allowEmptyPrefix:
                context.Error($"{path}.prefix", "prefix string match should not be empty");
                break;
            case StringMatch.MatchTypeOneofCase.Regex:
                context.ErrorIf($"{path}.regex", Re2Regexes.Check(match.Regex));
                break;
        }
    }
}
