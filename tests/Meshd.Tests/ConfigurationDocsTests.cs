using System.Text.RegularExpressions;
using ControlPlane.Citadel;
using ControlPlane.Galley;
using ControlPlane.Mixer;
using ControlPlane.Pilot;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshd.Tests;

/// <summary>
/// docs/configuration.md documents every flag each host's <c>--help</c> prints, with its default,
/// in that host's section; a flag added without docs fails here.
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    public static TheoryData<string> Hosts => new(Definitions.Keys);

    private static Dictionary<string, MeshHostDefinition> Definitions => new[]
    {
        MeshdHost.Definition, GalleyHost.Definition, PilotHost.Definition, CitadelHost.Definition, MixerHost.Definition,
    }.ToDictionary(d => d.Program, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void EveryFlagTheHostsHelpPrints_IsInItsSectionOfConfigurationMd_WithItsDefault(string program)
    {
        var help = Help(program);
        var flags = FlagLine().Matches(help).Select(m => (Flag: m.Groups[1].Value, Default: DefaultOf(m.Groups[2].Value))).ToList();
        var section = MarkdownDocument.Load(Path.Combine(RepositoryRoot.Find(), "docs", "configuration.md"))
            .Section(h => h.Contains($"({program})", StringComparison.Ordinal));

        Assert.True(flags.Count >= 7, $"{program} --help printed only {flags.Count} flags:\n{help}");
        Assert.NotNull(section);
        var rows = section.Split('\n').Where(l => l.StartsWith("| `--", StringComparison.Ordinal)).ToList();
        var missing = flags
            .Where(f => !rows.Any(r => r.StartsWith($"| `{f.Flag}` |", StringComparison.Ordinal) && (f.Default is null || r.Contains($"`{f.Default}`", StringComparison.Ordinal))))
            .Select(f => f.Default is null ? f.Flag : $"{f.Flag} (default {f.Default})")
            .ToList();
        Assert.True(missing.Count == 0, $"docs/configuration.md, section ({program}), lacks a row for: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void ConfigurationMd_ListsNoFlagTheHostDoesNotHave(string program)
    {
        var help = Help(program);
        var section = MarkdownDocument.Load(Path.Combine(RepositoryRoot.Find(), "docs", "configuration.md"))
            .Section(h => h.Contains($"({program})", StringComparison.Ordinal));

        Assert.NotNull(section);
        var stale = section.Split('\n')
            .Select(l => DocumentedFlag().Match(l))
            .Where(m => m.Success && !help.Contains($"  {m.Groups[1].Value} ", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value)
            .ToList();
        Assert.True(stale.Count == 0, $"docs/configuration.md documents flags '{program} --help' does not print: {string.Join(", ", stale)}");
    }

    private static string Help(string program)
    {
        var definition = Definitions[program];
        var result = MeshCommandLine.Parse(definition.Program, ["--help"], definition.AllFlags);
        Assert.Equal(MeshExitCodes.Success, result.ExitCode);
        return result.Output ?? string.Empty;
    }

    private static string? DefaultOf(string description)
    {
        var match = Default().Match(description);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\s+(--[a-z0-9-]+)\s+(.*)$", RegexOptions.Multiline)]
    private static partial Regex FlagLine();

    [GeneratedRegex(@"\(default ([^)]*)\)\s*$")]
    private static partial Regex Default();

    [GeneratedRegex(@"^\| `(--[a-z0-9-]+)` \|")]
    private static partial Regex DocumentedFlag();
}
