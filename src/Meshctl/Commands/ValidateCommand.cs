using System.CommandLine;
using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// <c>meshctl validate -f PATH...</c>: loads files, directories (recursively) or stdin (<c>-</c>),
/// validates every object, prints one line per problem
/// (<c>file:line:column: Kind namespace/name: field.path: message</c>) and a summary on stderr.
/// Exit 0 when everything is valid, 1 when anything is not (loader errors included), 2 for usage errors.
/// </summary>
internal static class ValidateCommand
{
    private const string StdinName = "<stdin>";

    public static Command Create(TextReader stdin)
    {
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "Files or directories of Istio config (YAML or JSON) to validate; - reads stdin",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("validate", "Validate Istio config files as the control plane and its admission webhook would");
        command.Options.Add(files);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return RunAsync(parseResult.GetValue(files) ?? [], stdin, output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (paths.Length == 0)
        {
            throw MeshctlException.Usage("no input; name files or directories with -f (- reads stdin)");
        }

        var missing = paths.Where(p => p != "-" && !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw MeshctlException.Usage($"path not found: {string.Join(", ", missing)}; check the paths given with -f");
        }

        var loader = new ConfigLoader();
        var validator = new ConfigValidator();
        var report = new ValidationReport();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            var loaded = path == "-"
                ? loader.LoadText(await stdin.ReadToEndAsync(cancellationToken), StdinName)
                : loader.LoadPath(path);
            report.Add(loaded, validator);
        }

        foreach (var line in report.ProblemLines())
        {
            await stdout.WriteLineAsync(line);
        }

        foreach (var skipped in report.Skipped)
        {
            await stderr.WriteLineAsync($"skipped: {skipped}");
        }

        await stderr.WriteLineAsync(report.Summary());
        return report.IsValid ? ExitCodes.Success : ExitCodes.Failure;
    }
}
