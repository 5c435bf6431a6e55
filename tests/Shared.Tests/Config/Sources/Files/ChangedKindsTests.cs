using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Tests.Support;
using ControlPlane.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace ControlPlane.Shared.Tests.Config.Sources.Files;

/// <summary>The kinds a file source pass changed: what its next snapshot carries as <c>ChangedKinds</c>.</summary>
public sealed class ChangedKindsTests
{
    private const string Base = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: a, namespace: default}
        spec: {hosts: [a], resolution: STATIC, ports: [{number: 80, name: grpc, protocol: GRPC}]}
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata: {name: a-1, namespace: default}
        spec: {address: 10.0.0.1}
        """;

    private readonly string _root = TempDirectory.Create("changed-kinds");
    private readonly FileConfigReconciler _reconciler;

    public ChangedKindsTests()
    {
        var metrics = new FileSourceMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        _reconciler = new FileConfigReconciler(_root, new ConfigLoaderFileLoader(), new RejectingValidator(), metrics, NullLogger.Instance);
    }

    [Fact]
    public void TakeChangedKinds_FirstPass_NamesEveryKindLoaded()
    {
        Write(Base);

        Assert.Equal(["ServiceEntry", "WorkloadEntry"], Changed());
    }

    [Fact]
    public void TakeChangedKinds_OnlyAWorkloadEntryEdited_NamesOnlyWorkloadEntry()
    {
        Write(Base);
        Changed();

        Write(Base.Replace("10.0.0.1", "10.0.0.2", StringComparison.Ordinal));

        Assert.Equal(["WorkloadEntry"], Changed());
    }

    [Fact]
    public void TakeChangedKinds_SameContentReloaded_IsEmpty_AndARemovalCounts()
    {
        Write(Base);
        Changed();

        Write(Base);
        Assert.Empty(Changed());

        Write(Base.Split("---")[0]);
        Assert.Equal(["WorkloadEntry"], Changed());
    }

    [Fact]
    public void TakeChangedKinds_FileDeleted_NamesTheKindsItHeld()
    {
        Write(Base);
        Changed();

        File.Delete(Path.Combine(_root, "a.yaml"));

        Assert.Equal(["ServiceEntry", "WorkloadEntry"], Changed());
    }

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_root, "a.yaml"), yaml);

    private IReadOnlyList<string> Changed()
    {
        _reconciler.Reconcile(new HashSet<string>([Path.GetFullPath(Path.Combine(_root, "a.yaml"))]));
        return [.. _reconciler.TakeChangedKinds().Order(StringComparer.Ordinal)];
    }
}
