using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Validation;

/// <summary>
/// Collects what the rules find in one object, each problem with its field path
/// (<c>spec.http[0].route[1].weight</c>) and the position the loader recorded for it.
/// </summary>
internal sealed class ValidationContext(ConfigObject config)
{
    private List<ConfigDiagnostic>? _errors;
    private List<ConfigDiagnostic>? _warnings;

    public ConfigObject Config { get; } = config;

    public void Error(string fieldPath, string message) =>
        (_errors ??= []).Add(Diagnostic(DiagnosticLevel.Error, fieldPath, message));

    public void Warning(string fieldPath, string message) =>
        (_warnings ??= []).Add(Diagnostic(DiagnosticLevel.Warning, fieldPath, message));

    /// <summary>Reports <paramref name="message"/> as an error when it is not null (the convention of the checks in <c>Checks/</c>).</summary>
    public void ErrorIf(string fieldPath, string? message)
    {
        if (message is not null)
        {
            Error(fieldPath, message);
        }
    }

    public ValidationResult ToResult() =>
        _errors is null && _warnings is null ? ValidationResult.Valid : new ValidationResult(_errors ?? [], _warnings ?? []);

    private ConfigDiagnostic Diagnostic(DiagnosticLevel level, string fieldPath, string message) =>
        new(level, message, Config.PositionOf(fieldPath), Config.Reference, fieldPath);
}
