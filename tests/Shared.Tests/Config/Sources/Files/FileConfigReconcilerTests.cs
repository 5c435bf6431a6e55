using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Tests.Support;
using ControlPlane.Shared.Config;
using ControlPlane.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace ControlPlane.Shared.Tests.Config.Sources.Files;

public sealed class FileConfigReconcilerTests
{
    private readonly string _root = TempDirectory.Create("reconciler");
    private readonly FileConfigReconciler _reconciler;

    public FileConfigReconcilerTests()
    {
        var metrics = new FileSourceMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        _reconciler = new FileConfigReconciler(_root, new ConfigLoaderFileLoader(), new RejectingValidator(), metrics, NullLogger.Instance);
    }

    [Fact]
    public void Reconcile_ValidFile_PutsItsObjectsInService()
    {
        Write("a.yaml", ConfigYaml.Documents(ConfigYaml.VirtualService("reviews", "reviews"), ConfigYaml.Service("reviews")));

        Assert.True(_reconciler.Reconcile());

        var served = Assemble();
        Assert.Equal(["VirtualService default/reviews"], served.Objects.Select(o => o.Reference));
        Assert.Equal(["Service default/reviews"], served.KubernetesObjects.Select(o => o.Reference));
        Assert.Empty(served.DiagnosticsByFile);
    }

    [Fact]
    public void Reconcile_FileNoLongerParses_KeepsItsLastValidObjectsAndReportsTheError()
    {
        Write("a.yaml", ConfigYaml.VirtualService("reviews", "reviews"));
        _reconciler.Reconcile();

        Write("a.yaml", ConfigYaml.Unparsable);
        _reconciler.Reconcile(Forced("a.yaml"));

        var served = Assemble();
        Assert.Equal(["VirtualService default/reviews"], served.Objects.Select(o => o.Reference));
        var error = Assert.Single(served.DiagnosticsByFile[Path.Combine(_root, "a.yaml")]);
        Assert.Equal(Path.Combine(_root, "a.yaml"), error.Position?.File);
    }

    [Fact]
    public void Reconcile_OneObjectBecomesInvalid_ItKeepsItsLastValidVersionWhileItsNeighboursUpdate()
    {
        Write("a.yaml", ConfigYaml.Documents(ConfigYaml.VirtualService("reviews", "reviews"), ConfigYaml.VirtualService("ratings", "ratings")));
        _reconciler.Reconcile();

        Write("a.yaml", ConfigYaml.Documents(ConfigYaml.VirtualService("reviews", "invalid.reviews"), ConfigYaml.VirtualService("ratings", "ratings.v2")));
        Assert.True(_reconciler.Reconcile(Forced("a.yaml")));

        var served = Assemble().Objects.ToDictionary(o => o.Meta.Name, o => o.SpecAs<Istio.Networking.V1Alpha3.VirtualService>().Hosts.Single());
        Assert.Equal("reviews", served["reviews"]);
        Assert.Equal("ratings.v2", served["ratings"]);
        var error = Assert.Single(Assemble().DiagnosticsByFile.Single().Value);
        Assert.Equal("spec.hosts[0]", error.FieldPath);
        Assert.Equal("VirtualService default/reviews", error.ObjectReference);
        Assert.Equal(8, error.Position?.Line);
    }

    [Fact]
    public void Reconcile_UnknownFieldInOneObject_ReportsFileLineAndFieldAndKeepsTheLastValidObject()
    {
        Write("a.yaml", ConfigYaml.VirtualService("reviews", "reviews"));
        _reconciler.Reconcile();

        Write("a.yaml", ConfigYaml.VirtualServiceWithUnknownField("reviews", "reviews.v2"));
        _reconciler.Reconcile(Forced("a.yaml"));

        var served = Assert.Single(Assemble().Objects);
        Assert.Equal("reviews", served.SpecAs<Istio.Networking.V1Alpha3.VirtualService>().Hosts.Single());
        var error = Assert.Single(Assemble().DiagnosticsByFile.Single().Value);
        Assert.Contains("notAField", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(8, error.Position?.Line);
    }

    [Fact]
    public void Reconcile_BrokenFileIsFixed_ServesTheNewObjectsAndClearsTheError()
    {
        Write("a.yaml", ConfigYaml.VirtualService("reviews", "reviews"));
        _reconciler.Reconcile();
        Write("a.yaml", ConfigYaml.Unparsable);
        _reconciler.Reconcile(Forced("a.yaml"));

        Write("a.yaml", ConfigYaml.VirtualService("details", "details"));
        Assert.True(_reconciler.Reconcile(Forced("a.yaml")));

        var served = Assemble();
        Assert.Equal(["VirtualService default/details"], served.Objects.Select(o => o.Reference));
        Assert.Empty(served.DiagnosticsByFile);
    }

    [Fact]
    public void Reconcile_BrokenNeighbour_DoesNotChangeWhatOtherFilesServe()
    {
        Write("a.yaml", ConfigYaml.VirtualService("reviews", "reviews"));
        Write("b.yaml", ConfigYaml.VirtualService("ratings", "ratings"));
        _reconciler.Reconcile();

        Write("a.yaml", ConfigYaml.Unparsable);
        Write("b.yaml", ConfigYaml.VirtualService("ratings", "ratings.v2"));
        _reconciler.Reconcile(Forced("a.yaml", "b.yaml"));

        var served = Assemble();
        Assert.Equal(["VirtualService default/reviews", "VirtualService default/ratings"], served.Objects.Select(o => o.Reference));
        Assert.Equal("ratings.v2", served.Objects[1].SpecAs<Istio.Networking.V1Alpha3.VirtualService>().Hosts.Single());
        Assert.Equal([Path.Combine(_root, "a.yaml")], served.DiagnosticsByFile.Keys);
    }

    [Fact]
    public void Reconcile_NewFileWithAnInvalidObject_ServesOnlyItsValidObjects()
    {
        Write("a.yaml", ConfigYaml.Documents(ConfigYaml.VirtualService("reviews", "invalid"), ConfigYaml.DestinationRule("reviews", "reviews")));

        _reconciler.Reconcile();

        Assert.Equal(["DestinationRule default/reviews"], Assemble().Objects.Select(o => o.Reference));
    }

    [Fact]
    public void Reconcile_DeletedFile_RemovesItsObjects()
    {
        Write("a.yaml", ConfigYaml.VirtualService("reviews", "reviews"));
        Write("nested/deeper/b.yml", ConfigYaml.DestinationRule("reviews", "reviews"));
        _reconciler.Reconcile();
        Assert.Equal(2, Assemble().Objects.Count);

        File.Delete(Path.Combine(_root, "nested/deeper/b.yml"));

        Assert.True(_reconciler.Reconcile());
        Assert.Equal(["VirtualService default/reviews"], Assemble().Objects.Select(o => o.Reference));
    }

    [Fact]
    public void Reconcile_ObjectRemovedFromAValidFile_LeavesService()
    {
        Write("a.yaml", ConfigYaml.Documents(ConfigYaml.VirtualService("reviews", "reviews"), ConfigYaml.VirtualService("ratings", "ratings")));
        _reconciler.Reconcile();

        Write("a.yaml", ConfigYaml.VirtualService("ratings", "ratings"));
        _reconciler.Reconcile(Forced("a.yaml"));

        Assert.Equal(["VirtualService default/ratings"], Assemble().Objects.Select(o => o.Reference));
    }

    [Fact]
    public void Reconcile_FileRewrittenWithTheSameContent_ReportsNoChange()
    {
        Write("a.yaml", ConfigYaml.VirtualService("reviews", "reviews"));
        _reconciler.Reconcile();

        Write("a.yaml", ConfigYaml.VirtualService("reviews", "reviews"));

        Assert.False(_reconciler.Reconcile(Forced("a.yaml")));
        Assert.False(_reconciler.Reconcile());
    }

    [Fact]
    public void Reconcile_HiddenFilesAndOtherExtensions_AreNotRead()
    {
        Write(".a.yaml.swp", ConfigYaml.VirtualService("swap", "swap"));
        Write("..data/a.yaml", ConfigYaml.VirtualService("mounted", "mounted"));
        Write("notes.txt", ConfigYaml.VirtualService("notes", "notes"));
        Write("c.json", """{"apiVersion":"networking.istio.io/v1","kind":"DestinationRule","metadata":{"name":"json"},"spec":{"host":"json"}}""");

        _reconciler.Reconcile();

        Assert.Equal(["DestinationRule default/json"], Assemble().Objects.Select(o => o.Reference));
    }

    private AssembledConfig Assemble() => SnapshotAssembler.Assemble(_reconciler.Files.Values);

    private HashSet<string> Forced(params string[] files) => files.Select(f => Path.GetFullPath(Path.Combine(_root, f))).ToHashSet();

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
