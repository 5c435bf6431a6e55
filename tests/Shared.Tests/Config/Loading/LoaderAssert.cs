using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Shared.Tests.Config.Loading;

/// <summary>Loads YAML text and checks the one error it must produce.</summary>
internal static class LoaderAssert
{
    public const string File = "test.yaml";

    public static ConfigLoadResult Load(string yaml) => new ConfigLoader().LoadText(yaml, File);

    public static ConfigDiagnostic SingleError(string yaml, int line, int column, string? objectReference, string? fieldPath, string messagePart)
    {
        var result = Load(yaml);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticLevel.Error, error.Level);
        Assert.Equal(new SourcePosition(File, line, column), error.Position);
        Assert.Equal(objectReference, error.ObjectReference);
        Assert.Equal(fieldPath, error.FieldPath);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Objects);
        return error;
    }
}
