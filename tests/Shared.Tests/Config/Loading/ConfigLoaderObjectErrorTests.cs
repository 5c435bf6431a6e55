namespace ControlPlane.Shared.Tests.Config.Loading;

/// <summary>Loader errors about the object itself: kind, apiVersion, name and namespace, each at its position.</summary>
public sealed class ConfigLoaderObjectErrorTests
{
    [Fact]
    public void Load_UnknownKindInIstioGroup_ReportsKindPosition()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualServce
            metadata:
              name: reviews
            spec: {}
            """;

        LoaderAssert.SingleError(yaml, 2, 7, "VirtualServce default/reviews", "kind", "unknown kind \"VirtualServce\" in API group \"networking.istio.io\"");
    }

    [Fact]
    public void Load_KindInOtherIstioGroup_IsUnknownKindNotSkipped()
    {
        const string yaml = """
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata:
              name: mesh-default
              namespace: istio-system
            spec: {}
            """;

        LoaderAssert.SingleError(yaml, 2, 7, "Telemetry istio-system/mesh-default", "kind", "unknown kind \"Telemetry\" in API group \"telemetry.istio.io\"");
    }

    [Fact]
    public void Load_UnsupportedVersion_ReportsApiVersionPositionAndServedVersions()
    {
        const string yaml = """
            apiVersion: security.istio.io/v1alpha1
            kind: PeerAuthentication
            metadata:
              name: default
            """;

        LoaderAssert.SingleError(
            yaml, 1, 13, "PeerAuthentication default/default", "apiVersion",
            "unsupported version \"security.istio.io/v1alpha1\" of PeerAuthentication; supported: security.istio.io/v1beta1, security.istio.io/v1");
    }

    [Theory]
    [InlineData("Reviews")]
    [InlineData("reviews_v1")]
    [InlineData("-reviews")]
    [InlineData("reviews.")]
    public void Load_NameNotDns1123Subdomain_ReportsNamePosition(string name)
    {
        var yaml = $$"""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: {{name}}
            spec: {}
            """;

        LoaderAssert.SingleError(yaml, 4, 9, $"Gateway default/{name}", "metadata.name", "a lowercase RFC 1123 subdomain must consist of");
    }

    [Fact]
    public void Load_NameLongerThan253_ReportsLength()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 60), 5));
        var yaml = $$"""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: {{name}}
            """;

        LoaderAssert.SingleError(yaml, 4, 9, $"Gateway default/{name}", "metadata.name", "must be no more than 253 characters");
    }

    [Theory]
    [InlineData("Prod", "a lowercase RFC 1123 label")]
    [InlineData("prod.eu", "a lowercase RFC 1123 label")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "must be no more than 63 characters")]
    public void Load_NamespaceNotDns1123Label_ReportsNamespacePosition(string ns, string message)
    {
        var yaml = $$"""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-all
              namespace: {{ns}}
            spec: {}
            """;

        LoaderAssert.SingleError(yaml, 5, 14, $"AuthorizationPolicy {ns}/deny-all", "metadata.namespace", message);
    }

    [Fact]
    public void Load_MissingName_IsAnErrorAtTheObject()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              namespace: prod
            spec: {}
            """;

        LoaderAssert.SingleError(yaml, 3, 1, "Sidecar prod/<unnamed>", "metadata.name", "metadata.name is required");
    }
}
