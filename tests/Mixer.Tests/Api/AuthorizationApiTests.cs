using ControlPlane.Mixer.Api;
using ControlPlane.Mixer.Tests.Support;
using Envoy.Config.Core.V3;
using Envoy.Service.Auth.V3;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ControlPlane.Mixer.Tests.Api;

public sealed class AuthorizationApiTests
{
    [Fact]
    public async Task Check_DenyPolicyMatchesPrincipal_Returns403NamingThePolicy()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        mixer.Config.Publish(TestConfig.Policy("deny-sleep", "default",
            """{ "action": "DENY", "rules": [ { "from": [ { "source": { "principals": ["cluster.local/ns/foo/sa/sleep"] } } ] } ] }"""));
        var client = new Envoy.Service.Auth.V3.Authorization.AuthorizationClient(mixer.Channel);

        var denied = await client.CheckAsync(Request("spiffe://cluster.local/ns/foo/sa/sleep"), deadline: Deadline());
        var allowed = await client.CheckAsync(Request("spiffe://cluster.local/ns/foo/sa/curl"), deadline: Deadline());

        Assert.Equal((int)StatusCode.PermissionDenied, denied.Status.Code);
        Assert.Equal(Envoy.Type.V3.StatusCode.Forbidden, denied.DeniedResponse.Status.Code);
        Assert.Equal("RBAC: access denied by DENY AuthorizationPolicy default/deny-sleep", denied.DeniedResponse.Body);
        Assert.DoesNotContain("principals", denied.DeniedResponse.Body, StringComparison.Ordinal);
        Assert.Equal((int)StatusCode.OK, allowed.Status.Code);
        Assert.NotNull(allowed.OkResponse);
        Assert.Contains("mixer_authz_checks_total{result=\"denied_deny\"} 1", await mixer.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_BeforeAnyCheck_ListEveryOutcomeAtZero()
    {
        await using var mixer = await MixerTestHost.StartAsync();

        var metrics = await mixer.MetricsAsync();

        foreach (var result in new[] { "allowed", "denied_custom", "denied_deny", "denied_no_allow", "malformed", "unavailable" })
        {
            Assert.Contains($"mixer_authz_checks_total{{result=\"{result}\"}} 0", metrics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_NoAttributes_FailsClosedWithInvalidArgument()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        var client = new Envoy.Service.Auth.V3.Authorization.AuthorizationClient(mixer.Channel);

        var response = await client.CheckAsync(new CheckRequest(), deadline: Deadline());

        Assert.Equal((int)StatusCode.InvalidArgument, response.Status.Code);
        Assert.Equal(Envoy.Type.V3.StatusCode.Forbidden, response.DeniedResponse.Status.Code);
        Assert.Contains("attributes is missing", response.DeniedResponse.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BytesThatAreNotACheckRequest_FailClosedWithInvalidArgumentNamingTheOffset()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        var raw = new Method<byte[], byte[]>(MethodType.Unary, "envoy.service.auth.v3.Authorization", "Check", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

        // attributes, claiming 127 bytes where one follows
        var bytes = await mixer.Channel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(deadline: Deadline()), [0x0A, 0x7F, 0x01]);

        var response = CheckResponse.Parser.ParseFrom(bytes);
        Assert.Equal((int)StatusCode.InvalidArgument, response.Status.Code);
        Assert.Equal(Envoy.Type.V3.StatusCode.Forbidden, response.DeniedResponse.Status.Code);
        Assert.Equal("RBAC: access denied: malformed check request: not a valid protobuf message: length 127 runs past the end of the message at byte 1", response.DeniedResponse.Body);
        Assert.Contains("mixer_authz_checks_total{result=\"malformed\"} 1", await mixer.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownDestination_FailsClosed()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        var client = new Envoy.Service.Auth.V3.Authorization.AuthorizationClient(mixer.Channel);
        var request = Request("spiffe://cluster.local/ns/foo/sa/sleep");
        request.Attributes.Destination = new AttributeContext.Types.Peer();

        var response = await client.CheckAsync(request, deadline: Deadline());

        Assert.Equal((int)StatusCode.InvalidArgument, response.Status.Code);
        Assert.Contains("destination workload's namespace is unknown", response.DeniedResponse.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FullRequest_ExtractsEveryDocumentedAttribute()
    {
        var request = Request("spiffe://cluster.local/ns/foo/sa/sleep");
        request.Attributes.Destination = new AttributeContext.Types.Peer
        {
            Service = "reviews.default.svc.cluster.local",
            Address = new Address { SocketAddress = new SocketAddress { Address = "10.0.1.9", PortValue = 9080 } },
        };
        request.Attributes.Destination.Labels["app"] = "reviews";
        request.Attributes.Source.Address = new Address { SocketAddress = new SocketAddress { Address = "::ffff:10.0.0.5", PortValue = 40000 } };
        request.Attributes.Request.Http.Path = "/api?page=2";
        request.Attributes.Request.Http.Headers["x-forwarded-for"] = "203.0.113.7, 10.0.0.5";
        request.Attributes.TlsSession = new AttributeContext.Types.TLSSession { Sni = "outbound_.9080_._.reviews" };
        var authn = new Struct();
        authn.Fields["request.auth.principal"] = Value.ForString("https://issuer/alice");
        authn.Fields["request.auth.audiences"] = Value.ForList(Value.ForString("api"));
        var claims = new Struct();
        claims.Fields["groups"] = Value.ForList(Value.ForString("dev"));
        authn.Fields["request.auth.claims"] = Value.ForStruct(claims);
        request.Attributes.MetadataContext = new Envoy.Config.Core.V3.Metadata();
        request.Attributes.MetadataContext.FilterMetadata["istio_authn"] = authn;

        var attributes = CheckRequestReader.Read(request);

        Assert.Equal("cluster.local/ns/foo/sa/sleep", attributes.SourcePrincipal);
        Assert.Equal("foo", attributes.SourceNamespace);
        Assert.Equal("10.0.0.5", attributes.SourceIp!.ToString());
        Assert.Equal("203.0.113.7", attributes.RemoteIp!.ToString());
        Assert.Equal("default", attributes.DestinationNamespace);
        Assert.Equal("reviews", attributes.DestinationLabels["app"]);
        Assert.Equal(9080u, attributes.DestinationPort);
        Assert.Equal("/api", attributes.Path);
        Assert.Equal("https://issuer/alice", attributes.RequestPrincipal);
        Assert.Equal(["api"], attributes.Audiences);
        Assert.Equal(["dev"], attributes.Claims["groups"]);
        Assert.Equal("outbound_.9080_._.reviews", attributes.Sni);
    }

    [Fact]
    public void Read_HeaderMapInsteadOfHeaders_IsReadWithLowerCaseNames()
    {
        var request = Request("spiffe://cluster.local/ns/foo/sa/sleep");
        request.Attributes.Request.Http.HeaderMap = new HeaderMap();
        request.Attributes.Request.Http.HeaderMap.Headers.Add(new HeaderValue { Key = "X-Tenant", RawValue = Google.Protobuf.ByteString.CopyFromUtf8("acme") });

        Assert.Equal("acme", CheckRequestReader.Read(request).Headers["x-tenant"]);
    }

    internal static CheckRequest Request(string sourcePrincipal, string method = "GET", string path = "/api/v1/reviews")
    {
        var request = new CheckRequest
        {
            Attributes = new AttributeContext
            {
                Source = new AttributeContext.Types.Peer { Principal = sourcePrincipal },
                Destination = new AttributeContext.Types.Peer { Principal = "spiffe://cluster.local/ns/default/sa/bookinfo-reviews" },
                Request = new AttributeContext.Types.Request
                {
                    Http = new AttributeContext.Types.HttpRequest { Method = method, Path = path, Host = "reviews:9080", Protocol = "HTTP/2" },
                },
            },
        };
        request.Attributes.Destination.Labels["app"] = "reviews";
        return request;
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);
}
