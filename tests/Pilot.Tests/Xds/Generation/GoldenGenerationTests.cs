using System.Text;
using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>
/// Every case under testdata/: input.yaml through the registry, the mesh snapshot and each
/// generator (wildcard, a proxyless gRPC client unless the case has <c>proxy: envoy</c> in
/// proxy.txt) to expected.json.
/// </summary>
public sealed class GoldenGenerationTests
{
    public static TheoryData<string> Cases() => new(Golden.Cases());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generate_Case_MatchesExpectedJson(string caseName)
    {
        var directory = Path.Combine(Golden.TestDataDirectory(), caseName);
        var config = YamlConfig.Parse(File.ReadAllText(Path.Combine(directory, "input.yaml")));
        var proxyFile = Path.Combine(directory, "proxy.txt");
        var kind = File.Exists(proxyFile) && File.ReadAllText(proxyFile).Contains("envoy", StringComparison.Ordinal) ? ProxyKind.Envoy : ProxyKind.Grpc;
        var proxy = new ProxyInfo("test~10.0.0.1~client.default~default.svc.cluster.local", kind, "default", "10.0.0.1");
        var snapshot = MeshSnapshotBuilder.Build(config);

        var output = new StringBuilder("{\n");
        var generators = new IXdsGenerator[] { new ListenerGenerator(), new RouteGenerator(), new ClusterGenerator(), new EndpointGenerator() };
        for (var i = 0; i < generators.Length; i++)
        {
            var resources = generators[i].Generate(proxy, snapshot, ResourceRequest.All).ToList();
            output.Append("  \"").Append(XdsTypeNames.ShortName(generators[i].TypeUrl)).Append("\": [");
            output.Append(string.Join(",", resources.Select(r => "\n" + Indent(ResourceJson.FormatIndented(r.Message), "    "))));
            output.Append(resources.Count > 0 ? "\n  ]" : "]").Append(i < generators.Length - 1 ? ",\n" : "\n");
        }

        output.Append("}\n");
        Golden.AssertMatches(caseName, "expected.json", output.ToString());
    }

    private static string Indent(string json, string prefix) =>
        string.Join("\n", json.ReplaceLineEndings("\n").Split('\n').Select(l => prefix + l));
}
