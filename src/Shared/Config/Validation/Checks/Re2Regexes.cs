using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>
/// Checks that a pattern is a valid RE2 regex (what Envoy runs): it must compile, and must not
/// use what RE2 lacks (backreferences, lookarounds, atomic groups, possessive quantifiers,
/// conditionals). RE2-only syntax (<c>(?P&lt;name&gt;</c>, <c>\pL</c>, <c>\Q..\E</c>, <c>[[:alpha:]]</c>) is
/// translated before .NET compiles it. See https://github.com/google/re2/wiki/Syntax.
/// </summary>
internal static class Re2Regexes
{
    /// <summary>Envoy's default program-size limit, approximated by length as Istio does.</summary>
    public const int MaxLength = 1024;

    private const string Reference = "; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)";

    // Parsing a regex costs far more than every other check of an object; configs repeat the same
    // patterns, so verdicts are remembered (bounded: cleared when full).
    private const int CacheLimit = 4096;

    private static readonly ConcurrentDictionary<string, string?> Verdicts = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alpha"] = "a-zA-Z", ["digit"] = "0-9", ["alnum"] = "0-9A-Za-z", ["upper"] = "A-Z", ["lower"] = "a-z",
        ["space"] = @"\t\n\v\f\r ", ["xdigit"] = "0-9A-Fa-f", ["word"] = @"\w", ["punct"] = @"!-/:-@\[-`{-~",
        ["blank"] = @"\t ", ["cntrl"] = @"\x00-\x1F\x7F", ["print"] = @" -~", ["graph"] = @"!-~", ["ascii"] = @"\x00-\x7F",
    };

    /// <summary>Null when <paramref name="pattern"/> is a valid RE2 regex, else what is wrong with it.</summary>
    public static string? Check(string pattern)
    {
        if (Verdicts.TryGetValue(pattern, out var known))
        {
            return known;
        }

        if (Verdicts.Count >= CacheLimit)
        {
            Verdicts.Clear();
        }

        var verdict = Judge(pattern);
        Verdicts.TryAdd(pattern, verdict);
        return verdict;
    }

    private static string? Judge(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "regex string match should not be empty";
        }

        if (pattern.Length > MaxLength)
        {
            return $"regex is too large, max length allowed is {MaxLength}";
        }

        var (translated, unsupported) = Translate(pattern);
        if (unsupported is not null)
        {
            return $"invalid regex \"{pattern}\": {unsupported} is not supported{Reference}";
        }

        try
        {
            _ = new Regex(translated, RegexOptions.None);
            return null;
        }
        catch (ArgumentException e)
        {
            var reason = e is RegexParseException parse ? $"{parse.Error} at offset {parse.Offset}" : e.Message;
            return $"invalid regex \"{pattern}\": {reason}{Reference}";
        }
    }

    private static (string Translated, string? Unsupported) Translate(string p)
    {
        var output = new StringBuilder(p.Length + 8);
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            var next = i + 1 < p.Length ? p[i + 1] : '\0';
            if (c == '\\')
            {
                switch (next)
                {
                    case >= '1' and <= '9' when !inClass:
                        return (p, $"backreference \\{next}");
                    case 'k' when !inClass:
                        return (p, "named backreference \\k");
                    case 'G' or 'Z':
                        return (p, $"anchor \\{next}");
                    case 'Q':
                        var end = p.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                        var quoted = end < 0 ? p[(i + 2)..] : p[(i + 2)..end];
                        output.Append(Regex.Escape(quoted));
                        i = end < 0 ? p.Length : end + 1;
                        continue;
                    case 'p' or 'P' when i + 2 < p.Length && p[i + 2] != '{':
                        output.Append('\\').Append(next).Append('{').Append(p[i + 2]).Append('}');
                        i += 2;
                        continue;
                }

                output.Append(c);
                if (next != '\0')
                {
                    output.Append(next);
                    i++;
                }

                continue;
            }

            if (inClass)
            {
                if (c == '[' && next == ':' && p.IndexOf(":]", i + 2, StringComparison.Ordinal) is var close and > 0)
                {
                    var name = p[(i + 2)..close];
                    var negated = name.StartsWith('^');
                    if (!PosixClasses.TryGetValue(negated ? name[1..] : name, out var ranges) || negated)
                    {
                        return (p, $"character class [:{name}:]");
                    }

                    output.Append(ranges);
                    i = close + 1;
                    continue;
                }

                if (c == ']')
                {
                    inClass = false;
                }

                output.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    output.Append(c);
                    // A ']' first in a class (after an optional '^') is a literal.
                    if (next == '^')
                    {
                        output.Append(next);
                        i++;
                        next = i + 1 < p.Length ? p[i + 1] : '\0';
                    }

                    if (next == ']')
                    {
                        output.Append(@"\]");
                        i++;
                    }

                    continue;
                case '(' when next == '?':
                    if (Group(p, i) is { } group)
                    {
                        return (p, group);
                    }

                    if (string.CompareOrdinal(p, i, "(?P<", 0, 4) == 0)
                    {
                        output.Append("(?<");
                        i += 3;
                        continue;
                    }

                    break;
                case '*' or '+' or '?' or '}' when next == '+':
                    return (p, "possessive quantifier " + c + next);
            }

            output.Append(c);
        }

        return (output.ToString(), null);
    }

    private static string? Group(string p, int i)
    {
        var rest = p.AsSpan(i + 2);
        return rest switch
        {
            _ when rest.StartsWith("=") || rest.StartsWith("!") => "lookahead (?" + rest[0] + ")",
            _ when rest.StartsWith("<=") || rest.StartsWith("<!") => "lookbehind (?" + rest[..2].ToString() + ")",
            _ when rest.StartsWith(">") => "atomic group (?>)",
            _ when rest.StartsWith("(") => "conditional (?()",
            _ when rest.StartsWith("#") => "comment group (?#)",
            _ when rest.StartsWith("P=") || rest.StartsWith("P>") => "named backreference (?P=)",
            _ when rest.StartsWith("'") => "named group (?'name')",
            _ => null,
        };
    }
}
