using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Reads and checks <c>metadata</c> as the Kubernetes API server would: a name that is a DNS-1123
/// subdomain (a label for Namespaces), a namespace that is a DNS-1123 label (<c>default</c> when
/// not written; none for cluster-scoped kinds), labels and annotations as string maps.
/// Other metadata fields (uid, resourceVersion, ownerReferences, ...) are accepted and ignored.
/// </summary>
internal static class MetadataReader
{
    public static ObjectMetadata Read(YamlMappingNode root, YamlNode? node, bool clusterScoped, bool nameIsLabel, ObjectErrors errors)
    {
        if (node is null || YamlNodeText.IsNull(node))
        {
            errors.Add(root, "metadata.name", "metadata.name is required");
            return new ObjectMetadata(null, null, clusterScoped ? string.Empty : ObjectMeta.DefaultNamespace);
        }

        if (node is not YamlMappingNode metadata)
        {
            errors.Add(node, "metadata", $"expected an object, got {YamlNodeText.Describe(node)}");
            return new ObjectMetadata(null, null, clusterScoped ? string.Empty : ObjectMeta.DefaultNamespace);
        }

        var name = ReadString(metadata, "name", errors);
        var ns = ReadString(metadata, "namespace", errors);
        var labels = ReadStringMap(metadata, "labels", errors);
        var annotations = ReadStringMap(metadata, "annotations", errors);

        if (name.Value is null)
        {
            errors.Add(name.Node ?? YamlNodeText.GetKey(root, "metadata"), "metadata.name", name.Node is null ? "metadata.name is required" : "metadata.name must not be empty");
        }
        else if ((nameIsLabel ? KubernetesNames.CheckLabel(name.Value) : KubernetesNames.CheckSubdomain(name.Value)) is { } nameProblem)
        {
            errors.Add(name.Node, "metadata.name", $"invalid name \"{name.Value}\": {nameProblem}");
        }

        var effectiveNamespace = clusterScoped ? string.Empty : ns.Value ?? ObjectMeta.DefaultNamespace;
        if (!clusterScoped && ns.Value is not null && KubernetesNames.CheckLabel(ns.Value) is { } nsProblem)
        {
            errors.Add(ns.Node, "metadata.namespace", $"invalid namespace \"{ns.Value}\": {nsProblem}");
        }

        var meta = errors.Any || name.Value is null ? null : new ObjectMeta(name.Value, effectiveNamespace, labels, annotations);
        return new ObjectMetadata(meta, name.Value, effectiveNamespace);
    }

    private static (string? Value, YamlNode? Node) ReadString(YamlMappingNode metadata, string key, ObjectErrors errors)
    {
        var node = YamlNodeText.Get(metadata, key);
        if (node is null || YamlNodeText.IsNull(node))
        {
            return (null, node);
        }

        if (node is YamlScalarNode scalar && YamlScalars.Classify(scalar) == ScalarKind.String)
        {
            return (scalar.Value, node);
        }

        errors.Add(node, $"metadata.{key}", $"expected a string, got {YamlNodeText.Describe(node)}");
        return (null, node);
    }

    private static IReadOnlyDictionary<string, string> ReadStringMap(YamlMappingNode metadata, string key, ObjectErrors errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = YamlNodeText.Get(metadata, key);
        if (node is null || YamlNodeText.IsNull(node))
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add(node, $"metadata.{key}", $"expected an object (a string map), got {YamlNodeText.Describe(node)}");
            return result;
        }

        foreach (var (entryKey, entryValue) in map.Children)
        {
            var keyText = (entryKey as YamlScalarNode)?.Value ?? string.Empty;
            var path = FieldPaths.MapEntry($"metadata.{key}", keyText);
            if (entryValue is YamlScalarNode scalar && YamlScalars.Classify(scalar) == ScalarKind.String)
            {
                result[keyText] = scalar.Value ?? string.Empty;
            }
            else
            {
                // Kubernetes rejects `version: 1` here too: label and annotation values are strings.
                errors.Add(entryValue, path, $"expected a string, got {YamlNodeText.Describe(entryValue)}; quote the value");
            }
        }

        return result;
    }
}
