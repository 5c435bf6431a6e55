using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using McpResource = Istio.Mcp.V1Alpha1.Resource;
using McpMetadata = Istio.Mcp.V1Alpha1.Metadata;

namespace ControlPlane.Shared.Config.Distribution;

/// <summary>
/// The wire form of config distributed by Galley over xDS, both ways. Each Istio kind is an xDS
/// type (<see cref="ConfigKind.TypeUrl"/>); each object a resource named <c>namespace/name</c>
/// whose bytes are Istio's MCP <c>istio.mcp.v1alpha1.Resource</c>: metadata (name, labels,
/// annotations, a content version) and the spec packed in <c>body</c>. Kubernetes objects
/// (Service, Pod, ...) travel as one more type, <see cref="KubernetesTypeUrl"/>, named
/// <c>Kind/namespace/name</c>, with the whole object as a <c>google.protobuf.Struct</c> body.
/// </summary>
/// <remarks>
/// The <c>Any</c> around each resource carries the collection's type URL, not
/// <c>istio.mcp.v1alpha1.Resource</c> as Istio's own MCP-over-xDS does: our xDS core, like
/// Envoy, requires every resource's type to match its response's. The apiVersion and source
/// position of an object ride in two reserved annotations that decoding removes again.
/// </remarks>
public static class ConfigResourceCodec
{
    /// <summary>The xDS type of the Kubernetes objects found beside Istio config.</summary>
    public const string KubernetesTypeUrl = "type.googleapis.com/mesh.config.v1.KubernetesObject";

    /// <summary>Annotation carrying the object's apiVersion (<c>networking.istio.io/v1</c>).</summary>
    public const string ApiVersionAnnotation = "galley.controlplane.mesh/api-version";

    /// <summary>Annotation carrying where the object was read (<c>file:line:column</c>).</summary>
    public const string SourceAnnotation = "galley.controlplane.mesh/source";

    /// <summary>Every type URL Galley serves: the Istio kinds, then the Kubernetes objects.</summary>
    public static IReadOnlyList<string> TypeUrls { get; } = [.. ConfigKinds.All.Select(k => k.TypeUrl), KubernetesTypeUrl];

    /// <summary>The resource name of an Istio object: <c>namespace/name</c>.</summary>
    public static string ResourceName(ConfigObject config) => config.Meta.Key;

    /// <summary>The resource name of a Kubernetes object: <c>Kind/namespace/name</c> (<c>Kind/name</c> when cluster-scoped).</summary>
    public static string ResourceName(KubernetesObject config) => $"{config.Kind}/{QualifiedName(config.Meta)}";

    /// <summary>
    /// The resource name of a packed resource, reading only its metadata (and, for Kubernetes
    /// objects, the kind); null when it has none. What state-of-the-world subscribers name resources by.
    /// </summary>
    public static string? ResourceNameOf(Any packed)
    {
        ArgumentNullException.ThrowIfNull(packed);
        try
        {
            var resource = McpResource.Parser.ParseFrom(packed.Value);
            if (resource.Metadata is not { Name.Length: > 0 } metadata)
            {
                return null;
            }

            if (packed.TypeUrl != KubernetesTypeUrl)
            {
                return metadata.Name;
            }

            return resource.Body is { } body && body.Is(Struct.Descriptor) && body.Unpack<Struct>().Fields.TryGetValue("kind", out var kind) && kind.StringValue.Length > 0
                ? $"{kind.StringValue}/{metadata.Name}"
                : null;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    /// <summary>Packs an Istio object for its kind's type.</summary>
    public static Any Encode(ConfigObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var metadata = Metadata(config.Meta, config.ApiVersion, config.Position);
        return Wrap(config.Kind.TypeUrl, new McpResource { Metadata = metadata, Body = Any.Pack(config.Spec) });
    }

    /// <summary>Packs a Kubernetes object for <see cref="KubernetesTypeUrl"/>.</summary>
    public static Any Encode(KubernetesObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var metadata = Metadata(config.Meta, config.ApiVersion, config.Position);
        var body = JsonParser.Default.Parse<Struct>(config.Body.ToJsonString());
        return Wrap(KubernetesTypeUrl, new McpResource { Metadata = metadata, Body = Any.Pack(body) });
    }

    /// <summary>Reads an Istio object of <paramref name="kind"/>; throws <see cref="ConfigResourceException"/> when malformed.</summary>
    public static ConfigObject DecodeConfig(ConfigKind kind, Any packed)
    {
        var resource = Unwrap(kind.TypeUrl, packed);
        if (resource.Body is null || resource.Body.TypeUrl != kind.TypeUrl)
        {
            throw new ConfigResourceException($"resource '{resource.Metadata.Name}': body is '{resource.Body?.TypeUrl}', expected '{kind.TypeUrl}'");
        }

        var (ns, name) = SplitName(resource.Metadata.Name, namespaced: true);
        var spec = Parse(() => kind.Descriptor.Parser.ParseFrom(resource.Body.Value), resource.Metadata.Name);
        var apiVersion = resource.Metadata.Annotations.GetValueOrDefault(ApiVersionAnnotation) ?? $"{kind.Group}/{kind.Versions[^1]}";
        return new ConfigObject(kind, apiVersion, Meta(resource.Metadata, ns, name), spec, Position(resource.Metadata));
    }

    /// <summary>Reads a Kubernetes object; throws <see cref="ConfigResourceException"/> when malformed.</summary>
    public static KubernetesObject DecodeKubernetes(Any packed)
    {
        var resource = Unwrap(KubernetesTypeUrl, packed);
        if (resource.Body is null || !resource.Body.Is(Struct.Descriptor))
        {
            throw new ConfigResourceException($"resource '{resource.Metadata.Name}': body is '{resource.Body?.TypeUrl}', expected a google.protobuf.Struct");
        }

        var body = Parse(() => JsonNode.Parse(JsonFormatter.Default.Format(resource.Body.Unpack<Struct>()))!.AsObject(), resource.Metadata.Name);
        var apiVersion = (string?)body["apiVersion"] ?? throw new ConfigResourceException($"resource '{resource.Metadata.Name}': the object has no apiVersion");
        var kind = (string?)body["kind"] ?? throw new ConfigResourceException($"resource '{resource.Metadata.Name}': the object has no kind");
        var (ns, name) = SplitName(resource.Metadata.Name, namespaced: false);
        return new KubernetesObject(apiVersion, kind, Meta(resource.Metadata, ns, name), body, Position(resource.Metadata));
    }

    private static Any Wrap(string typeUrl, McpResource resource)
    {
        // The content version lets consumers (and delta xDS) tell an unchanged object at a glance.
        resource.Metadata.Version = string.Empty;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(resource.ToByteArray(), hash);
        resource.Metadata.Version = Convert.ToHexStringLower(hash[..8]);
        return new Any { TypeUrl = typeUrl, Value = resource.ToByteString() };
    }

    private static McpResource Unwrap(string typeUrl, Any packed)
    {
        ArgumentNullException.ThrowIfNull(packed);
        if (packed.TypeUrl != typeUrl)
        {
            throw new ConfigResourceException($"resource type is '{packed.TypeUrl}', expected '{typeUrl}'");
        }

        var resource = Parse(() => McpResource.Parser.ParseFrom(packed.Value), "?");
        return resource.Metadata is null || resource.Metadata.Name.Length == 0
            ? throw new ConfigResourceException($"a {typeUrl} resource has no metadata.name")
            : resource;
    }

    private static McpMetadata Metadata(ObjectMeta meta, string apiVersion, SourcePosition? position)
    {
        var metadata = new McpMetadata { Name = QualifiedName(meta) };
        foreach (var (key, value) in meta.Labels)
        {
            metadata.Labels[key] = value;
        }

        foreach (var (key, value) in meta.Annotations)
        {
            metadata.Annotations[key] = value;
        }

        metadata.Annotations[ApiVersionAnnotation] = apiVersion;
        if (position is not null)
        {
            metadata.Annotations[SourceAnnotation] = position.ToString();
        }

        return metadata;
    }

    private static ObjectMeta Meta(McpMetadata metadata, string ns, string name) =>
        new(
            name,
            ns,
            new Dictionary<string, string>(metadata.Labels, StringComparer.Ordinal),
            metadata.Annotations.Where(a => a.Key is not (ApiVersionAnnotation or SourceAnnotation)).ToDictionary(StringComparer.Ordinal));

    private static string QualifiedName(ObjectMeta meta) => meta.Namespace.Length == 0 ? meta.Name : $"{meta.Namespace}/{meta.Name}";

    private static (string Namespace, string Name) SplitName(string qualified, bool namespaced)
    {
        var slash = qualified.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 && !namespaced)
        {
            return (string.Empty, qualified);
        }

        return slash > 0 && slash < qualified.Length - 1 && qualified.IndexOf('/', slash + 1) < 0
            ? (qualified[..slash], qualified[(slash + 1)..])
            : throw new ConfigResourceException($"resource name '{qualified}' is not namespace/name");
    }

    private static SourcePosition? Position(McpMetadata metadata)
    {
        if (metadata.Annotations.GetValueOrDefault(SourceAnnotation) is not { } text)
        {
            return null;
        }

        // file:line:column, where the file may itself contain ':'.
        var column = text.LastIndexOf(':');
        var line = column > 0 ? text.LastIndexOf(':', column - 1) : -1;
        return line > 0 && int.TryParse(text[(line + 1)..column], out var l) && int.TryParse(text[(column + 1)..], out var c)
            ? new SourcePosition(text[..line], l, c)
            : null;
    }

    private static T Parse<T>(Func<T> parse, string name)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new ConfigResourceException($"resource '{name}' cannot be parsed: {e.Message}");
        }
    }
}
