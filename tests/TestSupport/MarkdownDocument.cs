using System.Text.RegularExpressions;

namespace ControlPlane.TestSupport;

/// <summary>
/// Just enough Markdown for the documentation tests: headings (outside fenced code), the section
/// under a heading, GitHub's heading anchors, and the targets of inline links.
/// </summary>
public sealed partial class MarkdownDocument
{
    private readonly string[] _lines;
    private readonly List<(int Line, int Level, string Text)> _headings = [];

    private MarkdownDocument(string path, string text)
    {
        Path = path;
        Text = text;
        _lines = text.Split('\n');
        var fenced = false;
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _lines[i].TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            var heading = HeadingLine().Match(line);
            if (!fenced && heading.Success)
            {
                _headings.Add((i, heading.Groups[1].Value.Length, heading.Groups[2].Value.Trim()));
            }
        }
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>Heading texts without the leading #s and without backticks.</summary>
    public IEnumerable<string> Headings => _headings.Select(h => h.Text.Replace("`", string.Empty, StringComparison.Ordinal));

    public static MarkdownDocument Load(string path) => new(path, File.ReadAllText(path));

    /// <summary>
    /// The text from the first heading whose text (backticks removed) satisfies <paramref name="match"/>
    /// to the next heading of the same or a higher level; null when no heading matches.
    /// </summary>
    public string? Section(Func<string, bool> match)
    {
        var index = _headings.FindIndex(h => match(h.Text.Replace("`", string.Empty, StringComparison.Ordinal)));
        if (index < 0)
        {
            return null;
        }

        var start = _headings[index];
        var end = _headings.Skip(index + 1).Where(h => h.Level <= start.Level).Select(h => h.Line).DefaultIfEmpty(_lines.Length).First();
        return string.Join('\n', _lines[start.Line..end]);
    }

    /// <summary>The anchors GitHub gives the headings: lower case, punctuation dropped, spaces to hyphens.</summary>
    public IReadOnlySet<string> Anchors() =>
        _headings.Select(h => AnchorPunctuation().Replace(h.Text.ToLowerInvariant(), string.Empty).Replace(' ', '-')).ToHashSet(StringComparer.Ordinal);

    /// <summary>The targets of inline links and images, <c>[text](target)</c>, outside fenced code.</summary>
    public IEnumerable<string> LinkTargets()
    {
        var fenced = false;
        foreach (var line in _lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            foreach (Match link in InlineLink().Matches(InlineCode().Replace(line, string.Empty)))
            {
                yield return link.Groups[1].Value;
            }
        }
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"[^\p{L}\p{N}\s_-]")]
    private static partial Regex AnchorPunctuation();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();
}
