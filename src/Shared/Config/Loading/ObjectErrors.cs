using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// The errors found in one object, collected while it is read and turned into diagnostics at the
/// end, once the object's name (for <c>Kind namespace/name</c>) is known.
/// </summary>
internal sealed class ObjectErrors(SourceMap source)
{
    private readonly List<(string Message, SourcePosition? Position, string? Path)> _errors = [];

    public bool Any => _errors.Count > 0;

    public SourceMap Source { get; } = source;

    public void Add(YamlNode? node, string? path, string message) =>
        _errors.Add((message, node is null ? null : Source.Of(node), path));

    public void Add(SourcePosition? position, string? path, string message) => _errors.Add((message, position, path));

    public IEnumerable<ConfigDiagnostic> ToDiagnostics(string? objectReference) =>
        _errors.Select(e => new ConfigDiagnostic(DiagnosticLevel.Error, e.Message, e.Position, objectReference, e.Path));
}
