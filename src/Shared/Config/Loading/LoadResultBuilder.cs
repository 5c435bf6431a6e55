namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Collects what a load finds, across documents and files, and refuses a second object with the
/// same kind, namespace and name (the later one is an error naming where the first is).
/// </summary>
internal sealed class LoadResultBuilder
{
    private readonly List<ConfigObject> objects = [];
    private readonly List<KubernetesObject> kubernetesObjects = [];
    private readonly List<SkippedObject> skipped = [];
    private readonly List<ConfigDiagnostic> diagnostics = [];
    private readonly Dictionary<(string Group, string Kind, string Namespace, string Name), SourcePosition?> seen = [];

    public void Add(ConfigObject item)
    {
        if (IsFirst(item.Kind.Group, item.Kind.Kind, item.Meta, item.Position, item.Reference))
        {
            objects.Add(item);
        }
    }

    public void Add(KubernetesObject item)
    {
        var slash = item.ApiVersion.LastIndexOf('/');
        var group = slash < 0 ? string.Empty : item.ApiVersion[..slash];
        if (IsFirst(group, item.Kind, item.Meta, item.Position, item.Reference))
        {
            kubernetesObjects.Add(item);
        }
    }

    public void Add(SkippedObject item) => skipped.Add(item);

    public void Add(ConfigDiagnostic diagnostic) => diagnostics.Add(diagnostic);

    public void AddRange(IEnumerable<ConfigDiagnostic> found) => diagnostics.AddRange(found);

    public ConfigLoadResult Build() => new(objects.ToArray(), kubernetesObjects.ToArray(), skipped.ToArray(), diagnostics.ToArray());

    private bool IsFirst(string group, string kind, ObjectMeta meta, SourcePosition? position, string reference)
    {
        if (seen.TryGetValue((group, kind, meta.Namespace, meta.Name), out var first))
        {
            var where = first is null ? string.Empty : $" (first defined at {first})";
            diagnostics.Add(new ConfigDiagnostic(DiagnosticLevel.Error, $"duplicate object: {reference} is defined more than once{where}", position, reference));
            return false;
        }

        seen.Add((group, kind, meta.Namespace, meta.Name), position);
        return true;
    }
}
