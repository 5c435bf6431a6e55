using System.Text;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Checks a host's arguments against its documented flags: unknown flags and missing values are
/// errors (exit code 2), <c>--help</c> prints the flag table. What passes becomes configuration
/// settings keyed by each flag's configuration key; the arguments are parsed here and nowhere else.
/// </summary>
public static class MeshCommandLine
{
    public static MeshCommandLineResult Parse(string program, IReadOnlyList<string> args, IReadOnlyList<MeshFlag> flags)
    {
        var byName = flags.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return MeshCommandLineResult.ForHelp(Usage(program, flags));
            }

            var parts = arg.Split('=', 2);
            if (!byName.TryGetValue(parts[0], out var flag))
            {
                return Error(program, $"unknown argument '{arg}'");
            }

            string value;
            if (parts.Length == 2)
            {
                value = parts[1];
            }
            else if (flag.IsSwitch)
            {
                value = "true";
            }
            else if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return Error(program, $"flag '{flag.Name}' needs a value");
            }
            else
            {
                value = args[++i];
            }

            if (flag.Check(value) is { } problem)
            {
                return Error(program, problem);
            }

            settings[flag.ConfigKey] = value;
        }

        var mappings = flags.ToDictionary(f => f.Name, f => f.ConfigKey, StringComparer.Ordinal);
        return MeshCommandLineResult.ForRun(mappings, settings);
    }

    /// <summary>The one line printed for a usage error: what is wrong, and where to look.</summary>
    public static string ErrorLine(string program, string error) =>
        $"{program}: error: {error} (run '{program} --help' for the flags)";

    public static string Usage(string program, IReadOnlyList<MeshFlag> flags)
    {
        var width = flags.Max(f => f.Name.Length) + 2;
        var text = new StringBuilder($"usage: {program} [flags]\n\nflags:\n");
        foreach (var flag in flags)
        {
            var defaultText = flag.DefaultValue is null ? string.Empty : $" (default {flag.DefaultValue})";
            text.Append("  ").Append(flag.Name.PadRight(width)).Append(SentenceCase(flag.Description)).Append(defaultText).Append('\n');
        }

        text.Append('\n').Append(MeshExitCodes.Help);
        return text.ToString();
    }

    /// <summary>Help lines start with a capital, whoever wrote the description.</summary>
    private static string SentenceCase(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static MeshCommandLineResult Error(string program, string error) =>
        MeshCommandLineResult.ForError(error, ErrorLine(program, error));
}
