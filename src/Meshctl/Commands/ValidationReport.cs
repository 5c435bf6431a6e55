using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Meshctl.Commands;

/// <summary>What <c>meshctl validate</c> found across its inputs: problems in file order, and the counts for the summary.</summary>
internal sealed class ValidationReport
{
    private readonly List<ConfigDiagnostic> _problems = [];
    private readonly List<SkippedObject> _skipped = [];
    private int _objects;
    private int _invalidObjects;
    private int _loadErrors;

    public IReadOnlyList<SkippedObject> Skipped => _skipped;

    public int Errors => _problems.Count(p => p.Level == DiagnosticLevel.Error);

    public int Warnings => _problems.Count(p => p.Level == DiagnosticLevel.Warning);

    public bool IsValid => Errors == 0;

    public void Add(ConfigLoadResult loaded, IConfigValidator validator)
    {
        _problems.AddRange(loaded.Diagnostics);
        _loadErrors += loaded.Diagnostics.Count(d => d.Level == DiagnosticLevel.Error);
        _skipped.AddRange(loaded.Skipped);
        foreach (var config in loaded.Objects)
        {
            _objects++;
            var result = validator.Validate(config);
            if (!result.IsValid)
            {
                _invalidObjects++;
            }

            _problems.AddRange(result.Errors);
            _problems.AddRange(result.Warnings);
        }
    }

    /// <summary>One line per problem, sorted by file and position; warnings say so before their message.</summary>
    public IEnumerable<string> ProblemLines() => _problems
        .Select((problem, order) => (Problem: problem, Order: order))
        .OrderBy(p => p.Problem.Position?.File ?? "\uffff", StringComparer.Ordinal)
        .ThenBy(p => p.Problem.Position?.Line ?? int.MaxValue)
        .ThenBy(p => p.Problem.Position?.Column ?? int.MaxValue)
        .ThenBy(p => p.Order)
        .Select(p => p.Problem.Level == DiagnosticLevel.Error
            ? p.Problem.ToString()
            : (p.Problem with { Message = $"{p.Problem.Level.ToString().ToLowerInvariant()}: {p.Problem.Message}" }).ToString());

    /// <summary>One line for stderr: <c>meshctl validate: 3 objects validated, 1 invalid; 2 errors (1 while loading)</c>.</summary>
    public string Summary()
    {
        var warnings = Warnings == 0 ? string.Empty : $", {Count(Warnings, "warning")}";
        if (IsValid)
        {
            return $"meshctl validate: {Count(_objects, "object")} valid{warnings}";
        }

        var loading = _loadErrors == 0 ? string.Empty : $" ({_loadErrors} while loading)";
        return $"meshctl validate: {Count(_objects, "object")} validated, {_invalidObjects} invalid; {Count(Errors, "error")}{loading}{warnings}";
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
