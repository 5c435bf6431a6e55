namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Collects what a load finds, across documents and files, and refuses a second object with the
/// same kind, namespace and name (the later one is an error naming where the first is).
/// </summary>
internal sealed class LoadResultBuilder
{
    private readonly List<ConfigObject> _objects = [];
    private readonly List<KubernetesObject> _kubernetesObjects = [];
    private readonly List<SkippedObject> _skipped = [];
    private readonly List<ConfigDiagnostic> _diagnostics = [];
    private readonly Dictionary<(string Group, string Kind, string Namespace, string Name), SourcePosition?> _seen = [];

    public void Add(ConfigObject item)
    {
        if (IsFirst(item.Kind.Group, item.Kind.Kind, item.Meta, item.Position, item.Reference))
        {
            _objects.Add(item);
        }
    }

    public void Add(KubernetesObject item)
    {
        var slash = item.ApiVersion.LastIndexOf('/');
        var group = slash < 0 ? string.Empty : item.ApiVersion[..slash];
        if (IsFirst(group, item.Kind, item.Meta, item.Position, item.Reference))
        {
            _kubernetesObjects.Add(item);
        }
    }

    public void Add(SkippedObject item) => _skipped.Add(item);

    public void Add(ConfigDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void AddRange(IEnumerable<ConfigDiagnostic> found) => _diagnostics.AddRange(found);

    public ConfigLoadResult Build() => new(_objects.ToArray(), _kubernetesObjects.ToArray(), _skipped.ToArray(), _diagnostics.ToArray());

    private bool IsFirst(string group, string kind, ObjectMeta meta, SourcePosition? position, string reference)
    {
        if (_seen.TryGetValue((group, kind, meta.Namespace, meta.Name), out var first))
        {
            var where = first is null ? string.Empty : $" (first defined at {first})";
            _diagnostics.Add(new ConfigDiagnostic(DiagnosticLevel.Error, $"duplicate object: {reference} is defined more than once{where}", position, reference));
            return false;
        }

        _seen.Add((group, kind, meta.Namespace, meta.Name), position);
        return true;
    }
}
