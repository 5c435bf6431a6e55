using System.CommandLine;
using ControlPlane.Galley.Analysis;
using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// <c>meshctl analyze PATH...</c>: loads files, directories (recursively) or <c>-</c> (stdin) and
/// runs the cross-resource analysis, printing as <c>istioctl analyze</c> does. Exit codes: 0 nothing
/// at or above <c>--failure-threshold</c> (Error by default), 1 otherwise (load errors count, as
/// IST0106), 2 usage error.
/// </summary>
internal static class AnalyzeCommand
{
    private static readonly string[] Formats = ["log", "text", "json", "yaml"];

    /// <param name="stdin">Read for the path <c>-</c>.</param>
    /// <param name="validator">
    /// Per-object validation whose problems are reported as istioctl reports schema validation
    /// (IST0106 errors, IST0133 warnings); none when null.
    /// </param>
    public static Command Create(TextReader? stdin = null, IConfigValidator? validator = null)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, directories (read recursively) or - for stdin", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Output format: log (or text), json or yaml", DefaultValueFactory = _ => "log" };
        output.AcceptOnlyFromAmong(Formats);
        var suppress = new Option<string[]>("--suppress", "-S")
        {
            Description = "Suppress a code on a resource: CODE=Kind/namespace/name (also 'Kind namespace/name' or 'Kind name.namespace'; * matches anything). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var outputThreshold = new Option<DiagnosticLevel>("--output-threshold")
        {
            Description = "The least severe level printed: Error, Warning or Info",
            DefaultValueFactory = _ => DiagnosticLevel.Info,
        };
        var failureThreshold = new Option<DiagnosticLevel>("--failure-threshold")
        {
            Description = "The least severe level that makes the exit code 1: Error, Warning or Info",
            DefaultValueFactory = _ => DiagnosticLevel.Error,
        };

        var meshConfigFile = new Option<string?>("--meshConfigFile") { Description = "A mesh config file (as the istio ConfigMap's mesh key) the analysis assumes" };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Report only on objects in this namespace (and cluster-scoped ones)" };
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "Report on objects in every namespace (the default for files)" };
        var listAnalyzers = new Option<bool>("--list-analyzers", "-L") { Description = "List the analyzers and the codes they report, and exit" };

        var command = new Command("analyze", "Analyze Istio config across resources (like istioctl analyze)")
        {
            paths, output, suppress, outputThreshold, failureThreshold, meshConfigFile, ns, allNamespaces, listAnalyzers,
        };
        command.SetAction((parseResult, ct) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (parseResult.GetValue(listAnalyzers))
            {
                stdout.WriteLine(AnalyzerList.Text(ConfigAnalyzer.Default));
                return Task.FromResult(ExitCodes.Success);
            }

            if (parseResult.GetValue(allNamespaces) && parseResult.GetValue(ns) is not null)
            {
                throw MeshctlException.Usage("--namespace and --all-namespaces exclude each other; give one");
            }

            var options = new AnalyzeOptions(
                parseResult.GetValue(paths) ?? [],
                parseResult.GetValue(output) ?? "log",
                parseResult.GetValue(suppress) ?? [],
                parseResult.GetValue(outputThreshold),
                parseResult.GetValue(failureThreshold),
                parseResult.GetValue(meshConfigFile),
                parseResult.GetValue(ns));
            return Task.FromResult(Run(options, stdin ?? Console.In, validator, stdout, stderr));
        });
        return command;
    }

    private static int Run(AnalyzeOptions options, TextReader stdin, IConfigValidator? validator, TextWriter stdout, TextWriter stderr)
    {
        var paths = options.Paths;
        if (paths.Length == 0)
        {
            throw MeshctlException.Usage("no files to analyze; give files, directories or - for stdin");
        }

        var meshConfig = LoadMeshConfig(options.MeshConfigFile);
        var suppressions = new List<AnalysisSuppression>();
        foreach (var text in options.Suppress)
        {
            if (!AnalysisSuppression.TryParse(text, out var suppression, out var error))
            {
                throw MeshctlException.Usage($"{error}; write suppressions as CODE=Kind/namespace/name");
            }

            if (!AnalysisMessages.All.Any(t => t.Code == suppression.Code))
            {
                stderr.WriteLine($"Warning: Supplied message code '{suppression.Code}' is an unknown message code and will not have any effect.");
            }

            suppressions.Add(suppression);
        }

        var missing = paths.Where(p => p != "-" && !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw MeshctlException.Usage($"no such file or directory: {string.Join(", ", missing)}; check the paths given");
        }

        var loader = new ConfigLoader();
        var loads = paths.Select(p => p == "-" ? loader.LoadText(stdin.ReadToEnd(), "-") : loader.LoadPath(p)).ToList();
        foreach (var skipped in loads.SelectMany(l => l.Skipped))
        {
            stderr.WriteLine($"Skipping {skipped}");
        }

        var input = AnalysisInput.FromLoads(loads) with { MeshConfig = meshConfig };
        var validation = validator is null
            ? []
            : input.Objects.Select(validator.Validate).SelectMany(r => r.Errors.Concat(r.Warnings));
        var schema = loads.SelectMany(l => l.Diagnostics).Concat(validation)
            .Select(SchemaMessages.From)
            .Where(m => !suppressions.Any(s => s.Suppresses(m)));
        var all = ConfigAnalyzer.Default.Analyze(input, suppressions).Concat(schema)
            .Where(m => options.Namespace is null || InNamespace(m, options.Namespace))
            .Order(DiagnosticOrder.Instance)
            .ToList();

        // As in istioctl, the exit code looks at every message, whatever the output threshold hides.
        var messages = all.Where(m => m.Level <= options.OutputThreshold).ToList();
        switch (options.Format)
        {
            case "json":
                stdout.WriteLine(AnalysisOutput.Json(messages));
                break;
            case "yaml":
                stdout.Write(AnalysisOutput.Yaml(messages));
                break;
            default:
                if (messages.Count > 0)
                {
                    stdout.WriteLine(AnalysisOutput.Text(messages));
                }
                else
                {
                    stderr.WriteLine(paths.Length > 1
                        ? $"\u2714 No validation issues found when analyzing:\n  - {string.Join("\n  - ", paths)}"
                        : $"\u2714 No validation issues found when analyzing {paths[0]}.");
                }

                break;
        }

        return all.Any(m => m.Level <= options.FailureThreshold) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static AnalysisMeshConfig LoadMeshConfig(string? path)
    {
        if (path is null)
        {
            return AnalysisMeshConfig.Default;
        }

        try
        {
            return AnalysisMeshConfig.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw MeshctlException.Usage($"cannot read --meshConfigFile {path}: {e.Message}; give a readable mesh config YAML file");
        }
    }

    /// <summary>A message about an object in <paramref name="ns"/>, a cluster-scoped object (<c>Kind name</c>), or no object.</summary>
    private static bool InNamespace(ConfigDiagnostic message, string ns) =>
        message.ObjectReference is not { } reference
        || !reference.Contains('/', StringComparison.Ordinal)
        || reference[(reference.IndexOf(' ', StringComparison.Ordinal) + 1)..].StartsWith(ns + "/", StringComparison.Ordinal);
}
