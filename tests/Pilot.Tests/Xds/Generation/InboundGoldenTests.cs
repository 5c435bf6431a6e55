using System.Text;
using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>
/// Every case under testdata/ with an inbound.txt: the xDS-enabled server listeners it names (one
/// per line, <c>xds.istio.io/grpc/lds/inbound/IP:PORT</c>) generated from input.yaml to inbound.json.
/// </summary>
public sealed class InboundGoldenTests
{
    public static TheoryData<string> Cases() =>
        new(Golden.Cases().Where(c => File.Exists(Path.Combine(Golden.TestDataDirectory(), c, "inbound.txt"))));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generate_InboundListenersOfTheCase_MatchInboundJson(string caseName)
    {
        var directory = Path.Combine(Golden.TestDataDirectory(), caseName);
        var names = File.ReadAllLines(Path.Combine(directory, "inbound.txt")).Where(l => l.Length > 0).ToArray();
        var snapshot = MeshSnapshotBuilder.Build(YamlConfig.Parse(File.ReadAllText(Path.Combine(directory, "input.yaml"))));
        var proxy = new ProxyInfo("sidecar~10.0.0.5~server.shop~shop.svc.cluster.local", ProxyKind.Grpc, "shop", "10.0.0.5");

        var listeners = new ListenerGenerator().Generate(proxy, snapshot, ResourceRequest.Named(names)).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), listeners.Select(l => l.Name));
        var output = new StringBuilder("[");
        output.Append(string.Join(",", listeners.Select(l => "\n" + string.Join("\n", ResourceJson.FormatIndented(l.Message).ReplaceLineEndings("\n").Split('\n').Select(line => "  " + line)))));
        output.Append("\n]\n");
        Golden.AssertMatches(caseName, "inbound.json", output.ToString());
    }
}
