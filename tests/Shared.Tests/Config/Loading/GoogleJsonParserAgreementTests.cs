using ControlPlane.Shared.Config.Loading;
using Google.Protobuf;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Tests.Config.Loading;

/// <summary>
/// The loader walks YAML against descriptors itself (for positions); these tests check that it
/// builds exactly the message Google.Protobuf's own JSON parser builds from the same spec.
/// </summary>
public sealed class GoogleJsonParserAgreementTests
{
    public static TheoryData<string> Files =>
    [
        "virtual-service.yaml", "destination-rule.yaml", "gateway.yaml", "service-entry.yaml", "workload-entry.yaml",
        "sidecar.yaml", "peer-authentication.yaml", "request-authentication.yaml", "authorization-policy.yaml",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_RealisticIstioFile_BuildsTheSameMessageAsGoogleJsonParser(string file)
    {
        var path = TestData.PathOf(file);
        var result = new ConfigLoader().LoadFile(path);
        Assert.Empty(result.Diagnostics);

        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var specs = stream.Documents.Select(d => YamlNodeText.Get((YamlMappingNode)d.RootNode, "spec")!).ToArray();
        Assert.Equal(specs.Length, result.Objects.Count);

        var parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
        for (var i = 0; i < specs.Length; i++)
        {
            var json = YamlJson.ToJson(specs[i])!.ToJsonString();
            var expected = parser.Parse(json, result.Objects[i].Kind.Descriptor);
            Assert.Equal(expected, result.Objects[i].Spec);
            Assert.NotEqual(0, result.Objects[i].Spec.CalculateSize());
        }
    }
}
