using System.Text.Json.Nodes;
using ControlPlane.Meshctl.Commands;
using ControlPlane.Shared.Bootstrap;

namespace ControlPlane.Meshctl.Tests.Commands;

/// <summary>The bootstrap JSON itself: what a gRPC xDS client and Pilot read from it.</summary>
public sealed class GrpcBootstrapTests
{
    private static readonly BootstrapSettings Web = new(
        "10.0.0.1:15010", "web-1", "shop", "10.0.0.5", [new("app", "web"), new("version", "v1")], null);

    [Fact]
    public void Create_NamesOneInsecureV3XdsServer()
    {
        var server = Assert.Single(GrpcBootstrap.Create(Web)["xds_servers"]!.AsArray())!;

        Assert.Equal("10.0.0.1:15010", (string?)server["server_uri"]);
        Assert.Equal("insecure", (string?)Assert.Single(server["channel_creds"]!.AsArray())!["type"]);
        Assert.Equal("xds_v3", (string?)Assert.Single(server["server_features"]!.AsArray()));
    }

    [Fact]
    public void Create_NodeIdIsIstiosSidecarForm()
    {
        var node = GrpcBootstrap.Create(Web)["node"]!;

        Assert.Equal("sidecar~10.0.0.5~web-1.shop~shop.svc.cluster.local", (string?)node["id"]);
    }

    [Fact]
    public void Create_MetadataMarksAGrpcGeneratorWithNamespaceLabelsAndIps()
    {
        var metadata = GrpcBootstrap.Create(Web)["node"]!["metadata"]!;

        Assert.Equal("grpc", (string?)metadata["GENERATOR"]);
        Assert.Equal("web-1", (string?)metadata["NAME"]);
        Assert.Equal("shop", (string?)metadata["NAMESPACE"]);
        Assert.Equal("10.0.0.5", (string?)metadata["INSTANCE_IPS"]);
        Assert.Equal("""{"app":"web","version":"v1"}""", metadata["LABELS"]!.ToJsonString());
    }

    [Fact]
    public void Create_WithoutCertificateFiles_HasNoCertificateProviders()
    {
        var bootstrap = GrpcBootstrap.Create(Web);

        Assert.False(bootstrap.ContainsKey("certificate_providers"));
        Assert.Equal("xds.istio.io/grpc/lds/inbound/%s", (string?)bootstrap["server_listener_resource_name_template"]);
    }

    [Fact]
    public void Create_WithCertificateFiles_AddsAFileWatcherInstanceNamedDefault()
    {
        var bootstrap = GrpcBootstrap.Create(Web with { Certificates = CertificateFiles.In("/certs") });

        var provider = bootstrap["certificate_providers"]!["default"]!;
        Assert.Equal("file_watcher", (string?)provider["plugin_name"]);
        Assert.Equal(
            JsonNode.Parse("""
                {"certificate_file":"/certs/cert-chain.pem","private_key_file":"/certs/key.pem","ca_certificate_file":"/certs/root-cert.pem","refresh_interval":"900s"}
                """)!.ToJsonString(),
            provider["config"]!.ToJsonString());
        Assert.Equal("xds.istio.io/grpc/lds/inbound/%s", (string?)bootstrap["server_listener_resource_name_template"]);
    }
}
