using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis.Analyzers;

public sealed class ServiceAnalyzersTests
{
    [Fact]
    public void Analyze_ServicePortWithoutProtocolPrefix_ReportsPortNameInfo()
    {
        var service = Service("default", "ratings", portsJson: """[{"name":"web","port":9080,"targetPort":8080},{"name":"http-web","port":80},{"name":"x","port":53,"protocol":"UDP"},{"name":"y","port":81,"appProtocol":"http"}]""");

        var message = Assert.Single(Analyze([], [service]));

        Assert.Equal("Info IST0118 Service default/ratings", Summaries([message])[0]);
        Assert.Equal("Port name web (port: 9080, targetPort: 8080) doesn't follow the naming convention of Istio port.", message.Message);
    }

    [Fact]
    public void Analyze_IstioControlPlaneService_IsSkipped()
    {
        var service = Kube("Service", "istio-system", "istiod", """{"spec":{"ports":[{"name":"web","port":15010}]}}""", new Dictionary<string, string> { ["istio"] = "pilot" });

        Assert.Empty(Analyze([], [service]));
    }

    [Fact]
    public void Analyze_ServiceEntryTcpPortWithoutAddresses_ReportsAddressesRequired()
    {
        var entry = IstioObject(ConfigKinds.ServiceEntry, "default", "db", """{"hosts":["db.example.com"],"ports":[{"number":5432,"name":"tcp","protocol":"TCP"},{"number":80,"name":"http","protocol":"HTTP"}],"resolution":"DNS"}""");
        var withAddress = IstioObject(ConfigKinds.ServiceEntry, "default", "db2", """{"hosts":["db2.example.com"],"addresses":["10.0.0.1"],"ports":[{"number":5432,"name":"tcp","protocol":"TCP"}],"resolution":"DNS"}""");

        var message = Assert.Single(Analyze([entry, withAddress]));

        Assert.Equal("Warning IST0134 ServiceEntry default/db", Summaries([message])[0]);
        Assert.Equal("spec.ports[0].name", message.FieldPath);
    }
}
