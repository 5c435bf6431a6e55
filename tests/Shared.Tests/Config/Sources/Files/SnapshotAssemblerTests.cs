using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Config;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Shared.Tests.Config.Sources.Files;

public sealed class SnapshotAssemblerTests
{
    [Fact]
    public void Assemble_SameObjectInTwoFiles_KeepsTheFirstByPathAndReportsTheOther()
    {
        var first = File("cfg/a.yaml", Rule("reviews", "cfg/a.yaml"));
        var second = File("cfg/b.yaml", Rule("reviews", "cfg/b.yaml"), Rule("ratings", "cfg/b.yaml"));

        var assembled = SnapshotAssembler.Assemble([second, first]);

        Assert.Equal(["cfg/a.yaml", "cfg/b.yaml"], assembled.Objects.Select(o => o.Position!.File));
        Assert.Equal(["reviews", "ratings"], assembled.Objects.Select(o => o.Meta.Name));
        var report = Assert.Single(assembled.DiagnosticsByFile["cfg/b.yaml"]);
        Assert.Equal(DiagnosticLevel.Error, report.Level);
        Assert.Equal("cfg/b.yaml:1:1: DestinationRule default/reviews: DestinationRule default/reviews is already defined at cfg/a.yaml:1:1; the first definition (by file path) is served and this one is ignored", report.ToString());
    }

    [Fact]
    public void Assemble_SameNameInTwoNamespaces_KeepsBoth()
    {
        var assembled = SnapshotAssembler.Assemble([File("a.yaml", Rule("reviews", "a.yaml"), Rule("reviews", "a.yaml", "prod"))]);

        Assert.Equal(2, assembled.Objects.Count);
        Assert.Empty(assembled.DiagnosticsByFile);
    }

    private static ConfigFileState File(string path, params ConfigObject[] objects) =>
        new(path, new FileStamp(1, DateTime.UnixEpoch), objects, [], []);

    private static ConfigObject Rule(string name, string file, string ns = "default") =>
        new(ConfigKinds.DestinationRule, "networking.istio.io/v1", ObjectMeta.Create(name, ns), new Istio.Networking.V1Alpha3.DestinationRule { Host = name }, new SourcePosition(file, 1, 1));
}
