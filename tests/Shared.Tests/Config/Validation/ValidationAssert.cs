using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation;

/// <summary>Runs the whole validator (every rule) and asserts on exactly what it reports.</summary>
internal static class ValidationAssert
{
    private static readonly ConfigValidator Validator = new();

    public static ValidationResult Validate(ConfigObject config) => Validator.Validate(config);

    /// <summary>No errors and no warnings.</summary>
    public static void Clean(ConfigObject config)
    {
        var result = Validate(config);
        Assert.True(result.Errors.Count == 0 && result.Warnings.Count == 0, "expected no diagnostics, got:\n" + Describe(result));
    }

    /// <summary>Exactly one error, at <paramref name="fieldPath"/>, saying <paramref name="message"/>.</summary>
    public static ConfigDiagnostic SingleError(ConfigObject config, string fieldPath, string message)
    {
        var result = Validate(config);
        Assert.True(result.Errors.Count == 1, $"expected one error, got:\n{Describe(result)}");
        var error = result.Errors[0];
        Assert.Equal(DiagnosticLevel.Error, error.Level);
        Assert.Equal(fieldPath, error.FieldPath);
        Assert.Equal(message, error.Message);
        Assert.Equal(config.Reference, error.ObjectReference);
        return error;
    }

    /// <summary>No errors, and exactly one warning at <paramref name="fieldPath"/> saying <paramref name="message"/>.</summary>
    public static void SingleWarning(ConfigObject config, string fieldPath, string message)
    {
        var result = Validate(config);
        Assert.True(result.Errors.Count == 0 && result.Warnings.Count == 1, $"expected one warning only, got:\n{Describe(result)}");
        Assert.Equal(DiagnosticLevel.Warning, result.Warnings[0].Level);
        Assert.Equal(fieldPath, result.Warnings[0].FieldPath);
        Assert.Equal(message, result.Warnings[0].Message);
    }

    /// <summary>The errors as <c>path: message</c> lines, in order.</summary>
    public static string[] ErrorLines(ConfigObject config) =>
        Validate(config).Errors.Select(e => $"{e.FieldPath}: {e.Message}").ToArray();

    private static string Describe(ValidationResult result) =>
        string.Join('\n', result.Errors.Concat(result.Warnings).Select(d => $"  {d.Level} {d.FieldPath}: {d.Message}"));
}
