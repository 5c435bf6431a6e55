using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;
using Google.Protobuf;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Tests.Config.Loading;

public sealed class ConfigLoaderDocumentTests
{
    [Fact]
    public void Load_BadObjectBetweenGoodOnes_LoadsTheGoodOnes()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: first}
            spec: {hosts: [a]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: second}
            spec: {hosts: [b], tcp: [{route: [{destination: {host: b}, weight: heavy}]}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: third}
            spec: {hosts: [c]}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Equal(["first", "third"], result.Objects.Select(o => o.Meta.Name));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("VirtualService default/second", error.ObjectReference);
        Assert.Equal(9, error.Position!.Line);
    }

    [Fact]
    public void Load_SyntaxErrorInMiddleDocument_LoadsTheDocumentsAroundIt()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: first}
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: second
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: third}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Equal(["first", "third"], result.Objects.Select(o => o.Meta.Name));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(8, error.Position!.Line);
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyDocumentsAndComments_AreIgnored()
    {
        const string yaml = """
            # leading comment
            ---
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: only}
            ---
            # trailing
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        var gateway = Assert.Single(result.Objects);
        Assert.Equal(4, gateway.Position!.Line);
    }

    [Fact]
    public void Load_YamlDirective_StaysWithItsDocument()
    {
        const string yaml = """
            %YAML 1.2
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: first}
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: second}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Equal([3, 7], result.Objects.Select(o => o.Position!.Line));
    }

    [Fact]
    public void Load_ObjectWithoutNamespace_IsInDefault()
    {
        var result = LoaderAssert.Load("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw}\n");

        var gateway = Assert.Single(result.Objects);
        Assert.Equal("default", gateway.Meta.Namespace);
        Assert.Equal("Gateway default/gw", gateway.Reference);
    }

    [Theory]
    [InlineData("networking.istio.io/v1alpha3")]
    [InlineData("networking.istio.io/v1beta1")]
    [InlineData("networking.istio.io/v1")]
    public void Load_EveryVirtualServiceVersion_LoadsTheSameProto(string apiVersion)
    {
        var yaml = $$"""
            apiVersion: {{apiVersion}}
            kind: VirtualService
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews, subset: v1}
            """;

        var loaded = Assert.Single(LoaderAssert.Load(yaml).Objects);

        Assert.Same(ConfigKinds.VirtualService, loaded.Kind);
        Assert.Equal(apiVersion, loaded.ApiVersion);
        var expected = new VirtualService
        {
            Hosts = { "reviews" },
            Http = { new HTTPRoute { Route = { new HTTPRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v1" } } } } },
        };
        Assert.Equal(expected, loaded.SpecAs<VirtualService>());
        Assert.Equal(expected.ToByteArray(), loaded.Spec.ToByteArray());
    }

    [Fact]
    public void Load_ProtoAndJsonFieldNames_AreBothAccepted()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: a}
            spec: {hosts: [a], export_to: ["."]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: b}
            spec: {hosts: [b], exportTo: ["."]}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Objects, o => Assert.Equal(["."], o.SpecAs<VirtualService>().ExportTo));
        Assert.True(result.Objects[0].FieldPositions.ContainsKey("spec.exportTo"));
    }

    [Fact]
    public void Load_FieldPositions_PointAtEachWrittenField()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              http:
              - route:
                - destination: {host: reviews}
                - destination: {host: reviews}
                  weight: 50
            """;

        var loaded = Assert.Single(LoaderAssert.Load(yaml).Objects);

        Assert.Equal(new SourcePosition(LoaderAssert.File, 10, 7), loaded.PositionOf("spec.http[0].route[1].weight"));
        Assert.Equal(new SourcePosition(LoaderAssert.File, 9, 7), loaded.PositionOf("spec.http[0].route[1]"));
        Assert.Equal(new SourcePosition(LoaderAssert.File, 9, 7), loaded.PositionOf("spec.http[0].route[1].headers"));
        Assert.Equal(new SourcePosition(LoaderAssert.File, 4, 3), loaded.PositionOf("metadata.name"));
    }

    [Fact]
    public void Load_DuplicateObject_ReportsTheSecondWithTheFirstPosition()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw}
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: Gateway
            metadata: {name: gw, namespace: default}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Single(result.Objects);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(5, error.Position!.Line);
        Assert.Contains("first defined at test.yaml:1:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ListKind_ExpandsItsItems()
    {
        const string yaml = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.istio.io/v1
              kind: Gateway
              metadata: {name: gw}
            - apiVersion: v1
              kind: Service
              metadata: {name: reviews}
              spec: {ports: [{port: 9080, name: http}]}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Gateway default/gw", Assert.Single(result.Objects).Reference);
        Assert.Equal("Service default/reviews", Assert.Single(result.KubernetesObjects).Reference);
        Assert.Equal(4, result.Objects[0].Position!.Line);
    }
}
