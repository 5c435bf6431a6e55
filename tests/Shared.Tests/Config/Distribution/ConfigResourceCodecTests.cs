using System.Text.Json.Nodes;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;
using Google.Protobuf.WellKnownTypes;
using McpResource = Istio.Mcp.V1Alpha1.Resource;

namespace ControlPlane.Shared.Tests.Config.Distribution;

public sealed class ConfigResourceCodecTests
{
    [Fact]
    public void Encode_IstioObject_IsAnMcpResourceUnderTheKindsTypeUrl()
    {
        var packed = ConfigResourceCodec.Encode(Rule());

        Assert.Equal("type.googleapis.com/istio.networking.v1alpha3.DestinationRule", packed.TypeUrl);
        var resource = McpResource.Parser.ParseFrom(packed.Value);
        Assert.Equal("prod/reviews", resource.Metadata.Name);
        Assert.Equal("v1", resource.Metadata.Labels["version"]);
        Assert.Equal(16, resource.Metadata.Version.Length);
        Assert.Equal("reviews.prod.svc.cluster.local", resource.Body.Unpack<Istio.Networking.V1Alpha3.DestinationRule>().Host);
    }

    [Fact]
    public void Decode_EncodedIstioObject_RoundTripsMetadataSpecApiVersionAndPosition()
    {
        var original = Rule();

        var decoded = ConfigResourceCodec.DecodeConfig(ConfigKinds.DestinationRule, ConfigResourceCodec.Encode(original));

        Assert.Equal(original.Meta.Key, decoded.Meta.Key);
        Assert.Equal(original.Meta.Labels, decoded.Meta.Labels);
        Assert.Equal(original.Meta.Annotations, decoded.Meta.Annotations);
        Assert.Equal("networking.istio.io/v1beta1", decoded.ApiVersion);
        Assert.Equal(new SourcePosition("c:/odd:dir/rules.yaml", 12, 3), decoded.Position);
        Assert.Equal(original.Spec, decoded.Spec);
    }

    [Fact]
    public void Encode_SameObjectTwice_HasTheSameBytesAndVersion()
    {
        Assert.Equal(ConfigResourceCodec.Encode(Rule()).Value, ConfigResourceCodec.Encode(Rule()).Value);
    }

    [Fact]
    public void Decode_EncodedKubernetesObject_RoundTripsTheWholeObject()
    {
        var body = JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"prod","labels":{"istio-injection":"enabled"}}}""")!.AsObject();
        var original = new KubernetesObject("v1", "Namespace", new ObjectMeta("prod", string.Empty, new Dictionary<string, string> { ["istio-injection"] = "enabled" }, new Dictionary<string, string>()), body);

        var packed = ConfigResourceCodec.Encode(original);
        var decoded = ConfigResourceCodec.DecodeKubernetes(packed);

        Assert.Equal(ConfigResourceCodec.KubernetesTypeUrl, packed.TypeUrl);
        Assert.Equal("Namespace/prod", ConfigResourceCodec.ResourceName(original));
        Assert.Equal("Namespace prod", decoded.Reference);
        Assert.True(JsonNode.DeepEquals(body, decoded.Body));
    }

    [Fact]
    public void Decode_ResourceOfAnotherKind_ThrowsNamingBothTypes()
    {
        var packed = ConfigResourceCodec.Encode(Rule());

        var error = Assert.Throws<ConfigResourceException>(() => ConfigResourceCodec.DecodeConfig(ConfigKinds.VirtualService, packed));

        Assert.Contains("istio.networking.v1alpha3.DestinationRule", error.Message, StringComparison.Ordinal);
        Assert.Contains("istio.networking.v1alpha3.VirtualService", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NameWithoutNamespace_IsRejected()
    {
        var resource = new McpResource { Metadata = new() { Name = "reviews" }, Body = Any.Pack(new Istio.Networking.V1Alpha3.DestinationRule()) };
        var packed = new Any { TypeUrl = ConfigKinds.DestinationRule.TypeUrl, Value = Google.Protobuf.MessageExtensions.ToByteString(resource) };

        var error = Assert.Throws<ConfigResourceException>(() => ConfigResourceCodec.DecodeConfig(ConfigKinds.DestinationRule, packed));

        Assert.Contains("'reviews' is not namespace/name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void McpResource_TypeUrl_IsIstios()
    {
        Assert.Equal("type.googleapis.com/istio.mcp.v1alpha1.Resource", Any.Pack(new McpResource()).TypeUrl);
        Assert.Equal("istio.mcp.v1alpha1.Metadata", Istio.Mcp.V1Alpha1.Metadata.Descriptor.FullName);
    }

    private static ConfigObject Rule()
    {
        var meta = new ObjectMeta(
            "reviews",
            "prod",
            new Dictionary<string, string> { ["version"] = "v1" },
            new Dictionary<string, string> { ["owner"] = "team-a" });
        var spec = new Istio.Networking.V1Alpha3.DestinationRule { Host = "reviews.prod.svc.cluster.local" };
        spec.Subsets.Add(new Istio.Networking.V1Alpha3.Subset { Name = "v1" });
        return new ConfigObject(ConfigKinds.DestinationRule, "networking.istio.io/v1beta1", meta, spec, new SourcePosition("c:/odd:dir/rules.yaml", 12, 3));
    }
}
