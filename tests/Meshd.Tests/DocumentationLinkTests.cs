using ControlPlane.TestSupport;

namespace ControlPlane.Meshd.Tests;

/// <summary>
/// The repository documents itself: every relative link in README.md, docs/*.md and the Markdown
/// files they link resolves to a file in the repository (and its #anchor to a heading), and no
/// file points outside the repository to the team's design folder.
/// </summary>
public sealed class DocumentationLinkTests
{
    private static readonly string Root = RepositoryRoot.Find();

    // Built, not written, so this file does not contain what it looks for.
    private static readonly string OutsideDesignFolder = string.Concat("..", "/", "shared");

    private static readonly HashSet<string> NotInRepository = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", "TestResults", "artifacts" };

    [Fact]
    public void EveryRelativeLink_InReadmeAndDocsAndTheMarkdownTheyLink_ResolvesInsideTheRepository()
    {
        var broken = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([Path.Combine(Root, "README.md"), .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")]);
        while (queue.TryDequeue(out var file))
        {
            if (!seen.Add(Path.GetFullPath(file)))
            {
                continue;
            }

            var document = MarkdownDocument.Load(file);
            foreach (var target in document.LinkTargets().Where(IsRelative))
            {
                var (path, anchor) = Split(target);
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                var where = $"{Path.GetRelativePath(Root, file)}: ({target})";
                if (!resolved.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved)))
                {
                    broken.Add($"{where} is not a file in the repository");
                }
                else if (resolved.EndsWith(".md", StringComparison.Ordinal))
                {
                    if (anchor is not null && !MarkdownDocument.Load(resolved).Anchors().Contains(anchor))
                    {
                        broken.Add($"{where} names no heading of {Path.GetRelativePath(Root, resolved)}");
                    }

                    queue.Enqueue(resolved);
                }
            }
        }

        Assert.True(seen.Count >= 7, $"only {seen.Count} Markdown files were followed");
        Assert.True(broken.Count == 0, "broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void NoFileInTheRepository_RefersToTheDesignFolderOutsideIt()
    {
        var pattern = System.Text.Encoding.UTF8.GetBytes(OutsideDesignFolder);
        var offenders = Files(Root)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(pattern) >= 0)
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();

        Assert.True(offenders.Count == 0, $"files referring to {OutsideDesignFolder}, a path a clone does not have: {string.Join(", ", offenders)}");
    }

    private static IEnumerable<string> Files(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !NotInRepository.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Files(child))
            {
                yield return file;
            }
        }
    }

    private static bool IsRelative(string target) =>
        !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal);

    private static (string Path, string? Anchor) Split(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }
}
