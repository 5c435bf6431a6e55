using YamlDotNet.RepresentationModel;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// The parts of Istio's MeshConfig (<c>istioctl analyze --meshConfigFile</c>, the <c>mesh</c> key of
/// the <c>istio</c> ConfigMap) that analyzers read: <c>rootNamespace</c> and
/// <c>defaultConfig.proxyMetadata</c>. Immutable.
/// </summary>
internal sealed record AnalysisMeshConfig(string RootNamespace, IReadOnlyDictionary<string, string> ProxyMetadata)
{
    public const string IstioSystem = "istio-system";

    /// <summary>Istio's defaults: root namespace <c>istio-system</c>, no proxy metadata.</summary>
    public static AnalysisMeshConfig Default { get; } = new(IstioSystem, new Dictionary<string, string>());

    /// <summary>True when <c>defaultConfig.proxyMetadata[name]</c> is <c>"true"</c>.</summary>
    public bool ProxyFlag(string name) => ProxyMetadata.TryGetValue(name, out var value) && value == "true";

    /// <summary>Reads a mesh config file; throws <see cref="InvalidDataException"/> with a one-line reason when it is not one.</summary>
    public static AnalysisMeshConfig Load(string path) => Parse(File.ReadAllText(path), path);

    public static AnalysisMeshConfig Parse(string text, string name)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{name}: not YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0)
        {
            return Default;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{name}: a mesh config is a YAML mapping (rootNamespace, defaultConfig, ...)");
        }

        var rootNamespace = Scalar(root, "rootNamespace") ?? IstioSystem;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "defaultConfig") is YamlMappingNode proxy && Child(proxy, "proxyMetadata") is YamlMappingNode entries)
        {
            foreach (var (key, value) in entries.Children)
            {
                if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v })
                {
                    metadata[k] = v;
                }
            }
        }

        return new AnalysisMeshConfig(rootNamespace, metadata);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
