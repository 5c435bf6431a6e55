namespace ControlPlane.Shared.Tests.Config.Loading;

/// <summary>Loader errors inside a spec and in the YAML itself, each at its line, column and field path.</summary>
public sealed class ConfigLoaderErrorTests
{
    [Fact]
    public void Load_UnknownSpecField_ReportsKeyPositionAndPath()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts:
              - reviews
              http:
              - route:
                - destination:
                    host: reviews
                  wieght: 50
            """;

        var error = LoaderAssert.SingleError(yaml, 12, 7, "VirtualService default/reviews", "spec.http[0].route[0].wieght", "unknown field \"wieght\"");

        Assert.Equal(
            "test.yaml:12:7: VirtualService default/reviews: spec.http[0].route[0].wieght: unknown field \"wieght\" in istio.networking.v1alpha3.HTTPRouteDestination; did you mean \"weight\"?",
            error.ToString());
    }

    [Fact]
    public void Load_StringWhereNumberExpected_ReportsValuePosition()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: bookinfo
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews, subset: v1}
                  weight: 50
                - destination: {host: reviews, subset: v2}
                  weight: fifty
            """;

        LoaderAssert.SingleError(yaml, 13, 15, "VirtualService bookinfo/reviews", "spec.http[0].route[1].weight", "expected an integer (int32), got the string \"fifty\"");
    }

    [Fact]
    public void Load_ScalarWhereListExpected_ReportsWrongType()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              hosts: reviews
            """;

        LoaderAssert.SingleError(yaml, 5, 10, "VirtualService default/reviews", "spec.hosts", "expected a list, got the string \"reviews\"");
    }

    [Fact]
    public void Load_NumberWhereStringExpected_ReportsWrongType()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews}
            spec:
              host: reviews
              subsets:
              - name: v1
                labels:
                  version: 1
            """;

        LoaderAssert.SingleError(yaml, 9, 16, "DestinationRule default/reviews", "spec.subsets[0].labels.version", "expected a string, got the number 1");
    }

    [Fact]
    public void Load_UnknownEnumValue_ListsTheValidNames()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              trafficPolicy:
                tls:
                  mode: MUTUALL
            """;

        LoaderAssert.SingleError(
            yaml, 9, 13, "DestinationRule default/reviews", "spec.trafficPolicy.tls.mode",
            "invalid value the string \"MUTUALL\" for enum istio.networking.v1alpha3.ClientTLSSettings.TLSmode; expected one of DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL");
    }

    [Theory]
    [InlineData("10 seconds")]
    [InlineData("10")]
    [InlineData("1.5")]
    [InlineData("5d")]
    [InlineData("s")]
    public void Load_BadDuration_ReportsValuePosition(string timeout)
    {
        var yaml = $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: ratings}
            spec:
              hosts: [ratings]
              http:
              - timeout: {{timeout}}
                route:
                - destination: {host: ratings}
            """;

        LoaderAssert.SingleError(yaml, 7, 14, "VirtualService default/ratings", "spec.http[0].timeout", "invalid duration");
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsItsLineAndColumn()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews
              gateways: [mesh]
            """;

        var error = LoaderAssert.SingleError(yaml, 6, 10, null, null, "YAML syntax error: cannot parse past this point");

        Assert.Null(error.ObjectReference);
    }

    [Fact]
    public void Load_MappingValueInPlainScalar_ReportsSyntaxErrorPosition()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews: v1
            """;

        LoaderAssert.SingleError(yaml, 4, 16, null, null, "YAML syntax error: While scanning a plain scalar value, found invalid mapping.");
    }

    [Fact]
    public void Load_SeveralErrorsInOneObject_ReportsEveryOne()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              htp: []
              http:
              - timeout: soon
                retries: {attempts: three}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Objects);
        Assert.Equal(
            ["spec.htp", "spec.http[0].timeout", "spec.http[0].retries.attempts"],
            result.Diagnostics.Select(d => d.FieldPath));
        Assert.Equal([7, 9, 10], result.Diagnostics.Select(d => d.Position!.Line));
    }

    [Fact]
    public void Load_OneofSetTwice_IsAnError()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews}
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                  consistentHash: {httpHeaderName: x-user}
            """;

        LoaderAssert.SingleError(yaml, 9, 7, "DestinationRule default/reviews", "spec.trafficPolicy.loadBalancer.consistentHash", "only one of the fields of \"lb_policy\"");
    }

    [Fact]
    public void Load_UnknownTopLevelField_IsAnError()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: ingress}
            sepc: {}
            """;

        LoaderAssert.SingleError(yaml, 4, 1, "Gateway default/ingress", "sepc", "unknown field \"sepc\"");
    }

    [Fact]
    public void Load_Int32OutOfRange_IsAnError()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              http:
              - retries: {attempts: 4294967296}
            """;

        LoaderAssert.SingleError(yaml, 6, 25, "VirtualService default/reviews", "spec.http[0].retries.attempts", "4294967296 is out of range for an integer (int32)");
    }

    [Fact]
    public void Load_LabelValueNotString_IsAnError()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: ingress
              labels:
                enabled: true
            """;

        LoaderAssert.SingleError(yaml, 6, 14, "Gateway default/ingress", "metadata.labels.enabled", "expected a string, got the boolean true");
    }

    [Fact]
    public void Load_FieldNameWithWrongCase_SuggestsTheRightOne()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: ingress}
            spec:
              Servers: []
            """;

        LoaderAssert.SingleError(yaml, 5, 3, "Gateway default/ingress", "spec.Servers", "unknown field \"Servers\" in istio.networking.v1alpha3.Gateway; did you mean \"servers\"?");
    }

    [Fact]
    public void Load_DuplicateYamlKey_IsASyntaxError()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: ingress}
            spec:
              selector: {istio: ingressgateway}
              selector: {istio: egressgateway}
            """;

        var error = Assert.Single(LoaderAssert.Load(yaml).Diagnostics);

        Assert.Equal(6, error.Position!.Line);
        Assert.Contains("uplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FieldGivenByProtoAndJsonName_IsSetTwice()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: a}
            spec: {exportTo: ["."], export_to: ["*"]}
            """;

        LoaderAssert.SingleError(yaml, 4, 25, "VirtualService default/a", "spec.exportTo", "is set twice");
    }

    [Fact]
    public void Load_SpecNotAnObject_IsAWrongTypeError()
    {
        const string yaml = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: default, namespace: istio-system}
            spec: [STRICT]
            """;

        LoaderAssert.SingleError(yaml, 4, 7, "PeerAuthentication istio-system/default", "spec", "expected an object (PeerAuthentication), got a list");
    }

    [Fact]
    public void Load_MissingApiVersion_IsAnError()
    {
        const string yaml = """
            kind: Gateway
            metadata: {name: ingress}
            """;

        LoaderAssert.SingleError(yaml, 1, 1, null, "apiVersion", "apiVersion is required");
    }
}
