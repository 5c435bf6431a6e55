using ControlPlane.Shared.Config;
using Google.Protobuf.WellKnownTypes;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Tests.Config.Loading;

public sealed class NetworkingKindLoadingTests
{
    [Fact]
    public void Load_VirtualService_KeepsEveryFieldValue()
    {
        var loaded = TestData.LoadSingle("virtual-service.yaml");

        Assert.Same(ConfigKinds.VirtualService, loaded.Kind);
        Assert.Equal("VirtualService bookinfo/reviews-route", loaded.Reference);
        Assert.Equal("reviews", loaded.Meta.Labels["app"]);
        Assert.Equal("team-reviews", loaded.Meta.Annotations["owner"]);
        var spec = loaded.SpecAs<VirtualService>();
        Assert.Equal(["reviews.bookinfo.svc.cluster.local", "reviews.example.com"], spec.Hosts);
        Assert.Equal(["mesh", "istio-system/bookinfo-gateway"], spec.Gateways);
        Assert.Equal(["."], spec.ExportTo);
        Assert.Equal(4, spec.Http.Count);

        var jason = spec.Http[0];
        Assert.Equal("jason-v2", jason.Name);
        var match = Assert.Single(jason.Match);
        Assert.Equal("jason", match.Headers["end-user"].Exact);
        Assert.Equal("/reviews", match.Uri.Prefix);
        Assert.True(match.IgnoreUriCase);
        Assert.Equal("^(true|1)$", match.QueryParams["debug"].Regex);
        Assert.Equal("off", match.WithoutHeaders["x-canary"].Exact);
        Assert.Equal("productpage", match.SourceLabels["app"]);
        Assert.Equal(9080u, match.Port);
        var destination = Assert.Single(jason.Route);
        Assert.Equal(("reviews", "v2", 9080u), (destination.Destination.Host, destination.Destination.Subset, destination.Destination.Port.Number));
        Assert.Equal("jason", destination.Headers.Request.Set["x-route"]);
        Assert.Equal(["x-internal"], destination.Headers.Response.Remove);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), jason.Timeout);
        Assert.Equal(3, jason.Retries.Attempts);
        Assert.Equal(2, jason.Retries.PerTryTimeout.Seconds);
        Assert.Equal("gateway-error,connect-failure,refused-stream", jason.Retries.RetryOn);
        Assert.True(jason.Retries.RetryRemoteLocalities);
        Assert.Null(jason.Retries.RetryIgnorePreviousHosts);
        Assert.Equal(0.1, jason.Fault.Delay.Percentage.Value);
        Assert.Equal(5, jason.Fault.Delay.FixedDelay.Seconds);
        Assert.Equal(503, jason.Fault.Abort.HttpStatus);
        Assert.Equal("v3", jason.Mirror.Subset);
        Assert.Equal(12.5, jason.MirrorPercentage.Value);
        Assert.Equal("https://example.com", jason.CorsPolicy.AllowOrigins[0].Exact);
        Assert.Equal(@"https://.*\.example\.org", jason.CorsPolicy.AllowOrigins[1].Regex);
        Assert.Equal(["GET", "POST"], jason.CorsPolicy.AllowMethods);
        Assert.Equal(86400, jason.CorsPolicy.MaxAge.Seconds);
        Assert.False(jason.CorsPolicy.AllowCredentials);

        Assert.Equal(("/new", "reviews.example.com", 301u), (spec.Http[1].Redirect.Uri, spec.Http[1].Redirect.Authority, spec.Http[1].Redirect.RedirectCode));
        Assert.Equal(@"/\1", spec.Http[2].Rewrite.UriRegexRewrite.Rewrite);
        Assert.Equal([75, 25], spec.Http[2].Route.Select(r => r.Weight));
        Assert.Equal(200u, spec.Http[3].DirectResponse.Status);
        Assert.Equal("ok", spec.Http[3].DirectResponse.Body.String);
        Assert.Equal(27017u, spec.Tcp[0].Match[0].Port);
        Assert.Equal(5555u, spec.Tcp[0].Route[0].Destination.Port.Number);
        Assert.Equal(["login.example.com"], spec.Tls[0].Match[0].SniHosts);
    }

    [Fact]
    public void Load_DestinationRule_KeepsEveryFieldValue()
    {
        var loaded = TestData.LoadSingle("destination-rule.yaml");
        var spec = loaded.SpecAs<DestinationRule>();
        var policy = spec.TrafficPolicy;

        Assert.Equal("reviews.bookinfo.svc.cluster.local", spec.Host);
        Assert.Equal(LoadBalancerSettings.Types.SimpleLB.LeastRequest, policy.LoadBalancer.Simple);
        Assert.True(policy.LoadBalancer.LocalityLbSetting.Enabled);
        Assert.Equal(80u, policy.LoadBalancer.LocalityLbSetting.Distribute[0].To["us-west/zone1/*"]);
        Assert.Equal("us-west", policy.LoadBalancer.LocalityLbSetting.Failover[0].To);
        Assert.Equal(60, policy.LoadBalancer.Warmup.Duration.Seconds);
        Assert.Equal(10d, policy.LoadBalancer.Warmup.MinimumPercent);
        Assert.Equal(1.5d, policy.LoadBalancer.Warmup.Aggression);
        Assert.Equal(100, policy.ConnectionPool.Tcp.MaxConnections);
        Assert.Equal(30_000_000, policy.ConnectionPool.Tcp.ConnectTimeout.Nanos);
        Assert.Equal(7200, policy.ConnectionPool.Tcp.TcpKeepalive.Time.Seconds);
        Assert.Equal(1024, policy.ConnectionPool.Http.Http1MaxPendingRequests);
        Assert.Equal(ConnectionPoolSettings.Types.HTTPSettings.Types.H2UpgradePolicy.Upgrade, policy.ConnectionPool.Http.H2UpgradePolicy);
        Assert.True(policy.ConnectionPool.Http.UseClientProtocol);
        Assert.Equal(7u, policy.OutlierDetection.Consecutive5XxErrors);
        Assert.Equal(5u, policy.OutlierDetection.ConsecutiveGatewayErrors);
        Assert.Equal(900, policy.OutlierDetection.BaseEjectionTime.Seconds);
        Assert.Equal(50, policy.OutlierDetection.MaxEjectionPercent);
        Assert.Equal(ClientTLSSettings.Types.TLSmode.IstioMutual, policy.Tls.Mode);
        Assert.Equal(["spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews"], policy.Tls.SubjectAltNames);
        Assert.Equal("user", policy.PortLevelSettings[0].LoadBalancer.ConsistentHash.HttpCookie.Name);
        Assert.Equal(TrafficPolicy.Types.ProxyProtocol.Types.VERSION.V2, policy.ProxyProtocol.Version);
        Assert.Equal(9080u, policy.Tunnel.TargetPort);
        Assert.Equal(["v1", "v2", "v3"], spec.Subsets.Select(s => s.Name));
        Assert.Equal("canary", spec.Subsets[2].Labels["track"]);
        Assert.Equal(4096ul, spec.Subsets[1].TrafficPolicy.LoadBalancer.ConsistentHash.RingHash.MinimumRingSize);
        Assert.Equal("x-user", spec.Subsets[1].TrafficPolicy.LoadBalancer.ConsistentHash.HttpHeaderName);
        Assert.False(spec.Subsets[2].TrafficPolicy.Tls.InsecureSkipVerify);
    }

    [Fact]
    public void Load_Gateway_KeepsEveryFieldValue()
    {
        var loaded = TestData.LoadSingle("gateway.yaml");
        var spec = loaded.SpecAs<Gateway>();

        Assert.Equal("Gateway istio-system/bookinfo-gateway", loaded.Reference);
        Assert.Equal("ingressgateway", spec.Selector["istio"]);
        Assert.Equal(4, spec.Servers.Count);
        Assert.True(spec.Servers[0].Tls.HttpsRedirect);
        Assert.Equal((443u, "HTTPS", 8443u), (spec.Servers[1].Port.Number, spec.Servers[1].Port.Protocol, spec.Servers[1].Port.TargetPort));
        Assert.Equal(ServerTLSSettings.Types.TLSProtocol.Tlsv12, spec.Servers[1].Tls.MinProtocolVersion);
        Assert.Equal(2, spec.Servers[1].Tls.CipherSuites.Count);
        Assert.Equal("bookinfo-cert", spec.Servers[1].Tls.CredentialName);
        Assert.Equal(ServerTLSSettings.Types.TLSmode.Mutual, spec.Servers[2].Tls.Mode);
        Assert.Equal("0.0.0.0", spec.Servers[2].Bind);
        Assert.Equal("/etc/certs/ca.pem", spec.Servers[2].Tls.CaCertificates);
        Assert.Equal(ServerTLSSettings.Types.TLSmode.AutoPassthrough, spec.Servers[3].Tls.Mode);
    }

    [Fact]
    public void Load_ServiceEntry_KeepsEveryFieldValue()
    {
        var spec = TestData.LoadSingle("service-entry.yaml").SpecAs<ServiceEntry>();

        Assert.Equal(["api.dropboxapi.com", "www.googleapis.com"], spec.Hosts);
        Assert.Equal(["192.192.192.192/24"], spec.Addresses);
        Assert.Equal(ServiceEntry.Types.Location.MeshExternal, spec.Location);
        Assert.Equal(ServiceEntry.Types.Resolution.Static, spec.Resolution);
        Assert.Equal((443u, "https", "TLS", 8443u), (spec.Ports[0].Number, spec.Ports[0].Name, spec.Ports[0].Protocol, spec.Ports[0].TargetPort));
        Assert.Equal(8443u, spec.Endpoints[0].Ports["https"]);
        Assert.Equal(10u, spec.Endpoints[0].Weight);
        Assert.Equal("us-west1/zone1", spec.Endpoints[0].Locality);
        Assert.Equal("api", spec.Endpoints[1].ServiceAccount);
    }

    [Fact]
    public void Load_WorkloadEntry_KeepsEveryFieldValue()
    {
        var spec = TestData.LoadSingle("workload-entry.yaml").SpecAs<WorkloadEntry>();

        Assert.Equal("127.0.0.1", spec.Address);
        Assert.Equal(19080u, spec.Ports["http"]);
        Assert.Equal(19081u, spec.Ports["grpc"]);
        Assert.Equal("v1", spec.Labels["version"]);
        Assert.Equal(("bookinfo-details", "vm-network", "us-central1/us-central1-a/rack1", 3u), (spec.ServiceAccount, spec.Network, spec.Locality, spec.Weight));
    }

    [Fact]
    public void Load_Sidecar_KeepsEveryFieldValue()
    {
        var spec = TestData.LoadSingle("sidecar.yaml").SpecAs<Sidecar>();

        Assert.Equal("ratings", spec.WorkloadSelector.Labels["app"]);
        Assert.Equal(CaptureMode.None, spec.Ingress[0].CaptureMode);
        Assert.Equal("unix:///var/run/someuds.sock", spec.Ingress[0].DefaultEndpoint);
        Assert.Equal(100, spec.Ingress[0].ConnectionPool.Http.Http1MaxPendingRequests);
        Assert.Equal(9443u, spec.Ingress[1].Port.TargetPort);
        Assert.Equal(ServerTLSSettings.Types.TLSmode.Simple, spec.Ingress[1].Tls.Mode);
        Assert.Equal(["prod-us1/*"], spec.Egress[0].Hosts);
        Assert.Equal(CaptureMode.Iptables, spec.Egress[1].CaptureMode);
        Assert.Equal(500, spec.InboundConnectionPool.Tcp.MaxConnections);
        Assert.Equal(OutboundTrafficPolicy.Types.Mode.RegistryOnly, spec.OutboundTrafficPolicy.Mode);
        Assert.Equal(443u, spec.OutboundTrafficPolicy.EgressProxy.Port.Number);
    }

    [Fact]
    public void Load_GoStyleDurations_AreAcceptedAsIstioAcceptsThem()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews}
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection: {interval: 5m, baseEjectionTime: 1h30m}
                connectionPool: {tcp: {connectTimeout: 100ms}, http: {idleTimeout: 1.5s}}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        var policy = result.Objects[0].SpecAs<DestinationRule>().TrafficPolicy;
        Assert.Equal(300, policy.OutlierDetection.Interval.Seconds);
        Assert.Equal(5400, policy.OutlierDetection.BaseEjectionTime.Seconds);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMilliseconds(100)), policy.ConnectionPool.Tcp.ConnectTimeout);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1500)), policy.ConnectionPool.Http.IdleTimeout);
    }
}
