using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>
/// The listener names proxyless gRPC asks LDS for: exactly the target of <c>xds:///host:port</c>,
/// or of <c>xds:///host</c>, which means the service's first port.
/// </summary>
public sealed class ListenerNameTests
{
    [Theory]
    [InlineData(TranslatorMesh.Reviews, 9080, "reviews.default.svc.cluster.local:9080")]
    [InlineData(TranslatorMesh.Ratings, 9080, "ratings.default.svc.cluster.local:9080")]
    [InlineData(TranslatorMesh.Ratings, 9090, "ratings.default.svc.cluster.local:9090")]
    public void For_ServicePort_IsHostColonPort(string host, int port, string expected)
    {
        var snapshot = TranslatorMesh.Build();

        Assert.Equal(expected, ListenerName.For(TranslatorMesh.Service(snapshot, host), TranslatorMesh.Port(snapshot, host, port)));
    }

    [Theory]
    [InlineData("reviews.default.svc.cluster.local:9080", TranslatorMesh.Reviews, 9080)]
    [InlineData("ratings.default.svc.cluster.local:9090", TranslatorMesh.Ratings, 9090)]
    [InlineData("reviews.default.svc.cluster.local", TranslatorMesh.Reviews, 9080)]
    [InlineData("ratings.default.svc.cluster.local", TranslatorMesh.Ratings, 9080)]
    public void TryResolve_KnownTarget_FindsTheServiceAndPort(string name, string host, int port)
    {
        var snapshot = TranslatorMesh.Build();

        Assert.True(ListenerName.TryResolve(snapshot.Registry, name, out var service, out var servicePort));
        Assert.Equal(host, service.Hostname);
        Assert.Equal(port, servicePort.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("details.default.svc.cluster.local:9080")]
    [InlineData("reviews.default.svc.cluster.local:9999")]
    [InlineData("reviews.default.svc.cluster.local:grpc")]
    [InlineData("reviews:9080")]
    [InlineData(":9080")]
    [InlineData("xds.istio.io/grpc/lds/inbound/127.0.0.1:9080")]
    public void TryResolve_UnknownServiceOrPort_ReturnsFalse(string name)
    {
        Assert.False(ListenerName.TryResolve(TranslatorMesh.Build().Registry, name, out _, out _));
    }

    [Fact]
    public void TryResolve_WhatForWrote_RoundTripsForEveryPort()
    {
        var snapshot = TranslatorMesh.Build();
        foreach (var service in snapshot.Registry.Services)
        {
            foreach (var port in service.Ports)
            {
                Assert.True(ListenerName.TryResolve(snapshot.Registry, ListenerName.For(service, port), out var found, out var foundPort));
                Assert.Same(service, found);
                Assert.Equal(port, foundPort);
            }
        }
    }
}
