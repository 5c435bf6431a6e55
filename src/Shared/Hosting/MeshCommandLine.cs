using System.Text;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Checks a host's arguments against its documented flags: unknown flags and missing values are
/// errors (exit code 2), <c>--help</c> prints the flag table. What passes is handed to the
/// configuration system as switch mappings.
/// </summary>
public static class MeshCommandLine
{
    public static MeshCommandLineResult Parse(string program, IReadOnlyList<string> args, IReadOnlyList<MeshFlag> flags)
    {
        var byName = flags.ToDictionary(f => f.Name, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return MeshCommandLineResult.ForHelp(Usage(program, flags));
            }

            var name = arg.Split('=', 2)[0];
            if (!byName.ContainsKey(name))
            {
                return MeshCommandLineResult.ForError($"{program}: unknown argument '{arg}'\n\n{Usage(program, flags)}");
            }

            if (!arg.Contains('=', StringComparison.Ordinal) && !byName[name].IsSwitch)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return MeshCommandLineResult.ForError($"{program}: flag '{name}' needs a value");
                }

                i++;
            }
        }

        var mappings = flags.ToDictionary(f => f.Name, f => f.ConfigKey, StringComparer.Ordinal);
        return MeshCommandLineResult.ForRun(mappings);
    }

    /// <summary>The arguments with each bare switch written as <c>--name=true</c>, as the configuration system expects.</summary>
    public static string[] ExpandSwitches(IReadOnlyList<string> args, IReadOnlyList<MeshFlag> flags)
    {
        var switches = flags.Where(f => f.IsSwitch).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return [.. args.Select(a => switches.Contains(a) ? a + "=true" : a)];
    }

    public static string Usage(string program, IReadOnlyList<MeshFlag> flags)
    {
        var width = flags.Max(f => f.Name.Length) + 2;
        var text = new StringBuilder($"usage: {program} [flags]\n\nflags:\n");
        foreach (var flag in flags)
        {
            var defaultText = flag.DefaultValue is null ? string.Empty : $" (default {flag.DefaultValue})";
            text.Append("  ").Append(flag.Name.PadRight(width)).Append(flag.Description).Append(defaultText).Append('\n');
        }

        return text.ToString();
    }
}
