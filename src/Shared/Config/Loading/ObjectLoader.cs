using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Turns one YAML document (a Kubernetes-style object, or a <c>List</c> of them) into a
/// <see cref="ConfigObject"/>, a <see cref="KubernetesObject"/>, a <see cref="SkippedObject"/> or
/// errors: Istio groups must name a known kind and a served version; Kubernetes' own groups are
/// kept as JSON; any other group is skipped.
/// </summary>
internal sealed class ObjectLoader(SourceMap source, LoadResultBuilder results)
{
    private static readonly HashSet<string> TopLevelFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata", "spec", "status" };

    public void Load(YamlNode root)
    {
        if (YamlNodeText.IsNull(root))
        {
            return; // an empty document, e.g. a trailing `---`
        }

        if (root is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                Load(item);
            }

            return;
        }

        var errors = new ObjectErrors(source);
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(root, null, $"expected a Kubernetes object (apiVersion, kind, metadata, spec), got {YamlNodeText.Describe(root)}");
            results.AddRange(errors.ToDiagnostics(null));
            return;
        }

        var apiVersion = ReadRequired(mapping, "apiVersion", errors);
        var kind = ReadRequired(mapping, "kind", errors);
        if (apiVersion is null || kind is null)
        {
            results.AddRange(errors.ToDiagnostics(null));
            return;
        }

        if (kind == "List" && apiVersion == "v1")
        {
            LoadList(mapping, errors);
            return;
        }

        var slash = apiVersion.LastIndexOf('/');
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        if (ConfigKinds.IsIstioGroup(group))
        {
            LoadIstio(mapping, apiVersion, group, kind, errors);
        }
        else if (KubernetesKinds.IsKubernetesGroup(group))
        {
            LoadKubernetes(mapping, apiVersion, kind, errors);
        }
        else
        {
            var metadata = YamlNodeText.Get(mapping, "metadata") as YamlMappingNode;
            results.Add(new SkippedObject(
                apiVersion,
                kind,
                Text(metadata, "name"),
                Text(metadata, "namespace"),
                source.Of(mapping),
                $"API group \"{group}\" is not an Istio or Kubernetes group"));
        }
    }

    private void LoadIstio(YamlMappingNode mapping, string apiVersion, string group, string kind, ObjectErrors errors)
    {
        if (!ConfigKinds.TryFind(apiVersion, kind, out var configKind))
        {
            if (ConfigKinds.TryFindByKind(kind, out var known) && known.Group == group)
            {
                var served = string.Join(", ", known.Versions.Select(v => $"{group}/{v}"));
                errors.Add(YamlNodeText.Get(mapping, "apiVersion"), "apiVersion", $"unsupported version \"{apiVersion}\" of {kind}; supported: {served}");
            }
            else
            {
                errors.Add(YamlNodeText.Get(mapping, "kind"), "kind", $"unknown kind \"{kind}\" in API group \"{group}\"");
            }
        }

        var metadata = MetadataReader.Read(mapping, YamlNodeText.Get(mapping, "metadata"), clusterScoped: false, nameIsLabel: false, errors);
        CheckTopLevelFields(mapping, errors);

        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        Google.Protobuf.IMessage? spec = null;
        if (configKind is not null)
        {
            var specNode = YamlNodeText.Get(mapping, "spec");
            if (specNode is null || YamlNodeText.IsNull(specNode))
            {
                spec = configKind.Descriptor.Parser.ParseFrom(Google.Protobuf.ByteString.Empty);
            }
            else
            {
                positions["spec"] = source.Of(YamlNodeText.GetKey(mapping, "spec")!);
                spec = new SpecReader(errors, positions).ReadMessage(configKind.Descriptor, specNode, "spec");
            }
        }

        var reference = metadata.Reference(kind);
        if (errors.Any || configKind is null || spec is null || metadata.Meta is null)
        {
            results.AddRange(errors.ToDiagnostics(reference));
            return;
        }

        AddMetadataPositions(mapping, positions);
        results.Add(new ConfigObject(configKind, apiVersion, metadata.Meta, spec, source.Of(mapping), positions));
    }

    private void LoadKubernetes(YamlMappingNode mapping, string apiVersion, string kind, ObjectErrors errors)
    {
        var clusterScoped = KubernetesKinds.IsClusterScoped(kind);
        var metadata = MetadataReader.Read(mapping, YamlNodeText.Get(mapping, "metadata"), clusterScoped, nameIsLabel: kind == "Namespace", errors);
        if (errors.Any || metadata.Meta is null)
        {
            results.AddRange(errors.ToDiagnostics(metadata.Reference(kind)));
            return;
        }

        var body = (JsonObject)YamlJson.ToJson(mapping)!;
        results.Add(new KubernetesObject(apiVersion, kind, metadata.Meta, body, source.Of(mapping)));
    }

    private void LoadList(YamlMappingNode mapping, ObjectErrors errors)
    {
        var items = YamlNodeText.Get(mapping, "items");
        if (items is null || YamlNodeText.IsNull(items))
        {
            return;
        }

        if (items is not YamlSequenceNode sequence)
        {
            errors.Add(items, "items", $"expected a list of objects, got {YamlNodeText.Describe(items)}");
            results.AddRange(errors.ToDiagnostics("List"));
            return;
        }

        foreach (var item in sequence.Children)
        {
            Load(item);
        }
    }

    private static void CheckTopLevelFields(YamlMappingNode mapping, ObjectErrors errors)
    {
        foreach (var key in mapping.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !TopLevelFields.Contains(name))
            {
                errors.Add(key, name, $"unknown field \"{name}\"; an Istio object has apiVersion, kind, metadata, spec and status");
            }
        }
    }

    private void AddMetadataPositions(YamlMappingNode mapping, Dictionary<string, SourcePosition> positions)
    {
        if (YamlNodeText.Get(mapping, "metadata") is YamlMappingNode metadata)
        {
            positions["metadata"] = source.Of(YamlNodeText.GetKey(mapping, "metadata")!);
            foreach (var field in (string[])["name", "namespace", "labels", "annotations"])
            {
                if (YamlNodeText.GetKey(metadata, field) is { } key)
                {
                    positions["metadata." + field] = source.Of(key);
                }
            }
        }
    }

    private static string? ReadRequired(YamlMappingNode mapping, string field, ObjectErrors errors)
    {
        var node = YamlNodeText.Get(mapping, field);
        if (node is YamlScalarNode scalar && YamlScalars.Classify(scalar) == ScalarKind.String && scalar.Value!.Length > 0)
        {
            return scalar.Value;
        }

        errors.Add(node ?? mapping, field, node is null ? $"{field} is required" : $"{field} must be a string, got {YamlNodeText.Describe(node)}");
        return null;
    }

    private static string? Text(YamlMappingNode? mapping, string key) =>
        mapping is not null && YamlNodeText.Get(mapping, key) is YamlScalarNode { Value: { } text } ? text : null;
}
