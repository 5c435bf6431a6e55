using Google.Protobuf;

namespace ControlPlane.Shared.Config;

/// <summary>
/// One loaded Istio object: kind, metadata and typed spec, with where it came from so that
/// every later message (validation, analysis) can point at a file, line and field.
/// Immutable once loaded.
/// </summary>
public sealed class ConfigObject(
    ConfigKind kind,
    string apiVersion,
    ObjectMeta meta,
    IMessage spec,
    SourcePosition? position = null,
    IReadOnlyDictionary<string, SourcePosition>? fieldPositions = null)
{
    private static readonly IReadOnlyDictionary<string, SourcePosition> NoPositions = new Dictionary<string, SourcePosition>();

    public ConfigKind Kind { get; } = kind;

    public string ApiVersion { get; } = apiVersion;

    public ObjectMeta Meta { get; } = meta;

    public IMessage Spec { get; } = spec;

    /// <summary>Where the object starts (its first line); null for objects not read from a file.</summary>
    public SourcePosition? Position { get; } = position;

    /// <summary>Positions of fields by path (<c>spec.http[0].route[1].weight</c>), as the loader saw them.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; } = fieldPositions ?? NoPositions;

    /// <summary>The object as Istio names it in messages: <c>VirtualService default/reviews</c>.</summary>
    public string Reference => $"{Kind.Kind} {Meta.Namespace}/{Meta.Name}";

    /// <summary>
    /// The position of <paramref name="fieldPath"/>, or of its nearest ancestor that was written
    /// in the file (a missing field is reported where its parent is), or of the object.
    /// </summary>
    public SourcePosition? PositionOf(string fieldPath)
    {
        var path = fieldPath;
        while (path.Length > 0)
        {
            if (FieldPositions.TryGetValue(path, out var found))
            {
                return found;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path[..cut] : string.Empty;
        }

        return Position;
    }

    /// <summary>The spec as its message type.</summary>
    public T SpecAs<T>()
        where T : IMessage => (T)Spec;
}
