using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// Turns loader (and validation) diagnostics into analysis messages, as istioctl reports schema
/// problems: errors as IST0106 SchemaValidationError, warnings as IST0133 SchemaWarning.
/// </summary>
internal static class SchemaMessages
{
    public static MessageType SchemaValidationErrorType { get; } = new("IST0106", "SchemaValidationError", DiagnosticLevel.Error);

    public static MessageType SchemaWarningType { get; } = new("IST0133", "SchemaWarning", DiagnosticLevel.Warning);

    public static ConfigDiagnostic From(ConfigDiagnostic diagnostic)
    {
        if (diagnostic.Code is not null)
        {
            return diagnostic;
        }

        var error = diagnostic.Level == DiagnosticLevel.Error;
        var type = error ? SchemaValidationErrorType : SchemaWarningType;
        var detail = string.IsNullOrEmpty(diagnostic.FieldPath) ? diagnostic.Message : $"{diagnostic.FieldPath}: {diagnostic.Message}";

        // Without an object to name, the position goes into the text so the reader can still find it.
        if (diagnostic.ObjectReference is null && diagnostic.Position is { } position)
        {
            detail = $"{position}: {detail}";
        }

        var text = error ? $"Schema validation error: {detail}" : $"Schema validation warning: {detail}";
        return diagnostic with { Level = type.Level, Message = text, Code = type.Code };
    }
}
