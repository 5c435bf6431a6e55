using System.Text.RegularExpressions;
using ControlPlane.Meshctl.Tests.Commands;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshctl.Tests;

/// <summary>
/// docs/meshctl.md has a heading for every command <c>meshctl --help</c> lists (subcommands too),
/// and documents every option each command's <c>--help</c> prints in that command's section (or
/// its parent's); a command or option added without docs fails here.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly MarkdownDocument Docs = MarkdownDocument.Load(Path.Combine(RepositoryRoot.Find(), "docs", "meshctl.md"));

    [Fact]
    public async Task EveryCommandMeshctlHelpLists_HasAHeadingInMeshctlMd()
    {
        var commands = await CommandsAsync([]);

        Assert.True(commands.Count >= 10, $"meshctl --help listed only {commands.Count} commands and subcommands");
        var missing = commands.Where(c => !Docs.Headings.Contains("meshctl " + c, StringComparer.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"docs/meshctl.md has no '## meshctl COMMAND' heading for: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task EveryOptionOfEveryCommand_IsDocumentedInItsSectionOfMeshctlMd()
    {
        var missing = new List<string>();
        foreach (var command in await CommandsAsync([]))
        {
            var help = await HelpAsync(command.Split(' '));
            var sections = Ancestry(command).Select(c => Docs.Section(h => h == "meshctl " + c) ?? string.Empty).ToList();
            missing.AddRange(OptionLine().Matches(help)
                .Select(m => m.Groups[1].Value)
                .Where(o => o != "--help" && o != "--version" && !sections.Any(s => s.Contains($"`{o}`", StringComparison.Ordinal)))
                .Select(o => $"meshctl {command} {o}"));
        }

        Assert.True(missing.Count == 0, $"docs/meshctl.md does not document: {string.Join(", ", missing)}");
    }

    /// <summary>Every command path under <paramref name="parent"/>, e.g. <c>cert</c>, <c>cert request</c>.</summary>
    private static async Task<List<string>> CommandsAsync(string[] parent)
    {
        var help = await HelpAsync(parent);
        var commands = new List<string>();
        var inCommands = false;
        foreach (var line in help.Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inCommands = line.StartsWith("Commands:", StringComparison.Ordinal);
                continue;
            }

            var name = CommandLine().Match(line);
            if (inCommands && name.Success)
            {
                string[] path = [.. parent, name.Groups[1].Value];
                commands.Add(string.Join(' ', path));
                commands.AddRange(await CommandsAsync(path));
            }
        }

        return commands;
    }

    private static async Task<string> HelpAsync(string[] command)
    {
        var run = await Commands.Meshctl.RunAsync([.. command, "--help"]);
        Assert.Equal(0, run.ExitCode);
        return string.Join('\n', run.StdoutLines);
    }

    private static IEnumerable<string> Ancestry(string command)
    {
        var words = command.Split(' ');
        return Enumerable.Range(1, words.Length).Select(n => string.Join(' ', words[..n]));
    }

    [GeneratedRegex(@"^  ([a-z][a-z0-9-]*)(\s|$)")]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^  (?:-\S+, )*(--[a-zA-Z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex OptionLine();
}
