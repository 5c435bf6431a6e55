using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Sources.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.Shared.Tests.Config.Sources.Files;

public sealed class FileSnapshotStoreTests
{
    private static readonly ConfigDiagnostic Problem = new(DiagnosticLevel.Error, "YAML syntax error", new SourcePosition("a.yaml", 15, 1));

    [Fact]
    public void ReportProblems_TheSameProblemsAgain_LeavesUpdatedAtAlone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new FileSnapshotStore(NullLogger<FileSnapshotStore>.Instance, clock);
        store.Publish(Config(), "dir", null);
        store.ReportProblems(Config(Problem), "dir");
        var reported = store.Status.UpdatedAt;

        clock.Advance(TimeSpan.FromSeconds(5));
        store.ReportProblems(Config(Problem with { }), "dir");

        Assert.Equal(reported, store.Status.UpdatedAt);
    }

    [Fact]
    public void ReportProblems_DifferentProblems_MovesUpdatedAt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new FileSnapshotStore(NullLogger<FileSnapshotStore>.Instance, clock);
        store.Publish(Config(), "dir", null);
        var published = store.Status.UpdatedAt;

        clock.Advance(TimeSpan.FromSeconds(5));
        store.ReportProblems(Config(Problem), "dir");

        Assert.Equal(published + TimeSpan.FromSeconds(5), store.Status.UpdatedAt);
        Assert.Equal([Problem], store.Status.DiagnosticsByFile["a.yaml"]);
    }

    [Fact]
    public void Publish_CarriesTheChangedKinds()
    {
        var store = new FileSnapshotStore(NullLogger<FileSnapshotStore>.Instance);

        var snapshot = store.Publish(Config(), "dir", new HashSet<string> { "VirtualService" });

        Assert.Equal(["VirtualService"], snapshot.ChangedKinds);
        Assert.Equal(["VirtualService"], snapshot.ChangedSince(ConfigSnapshot.Empty));
        Assert.Null(snapshot.ChangedSince(new ConfigSnapshot(5, [])));
    }

    private static AssembledConfig Config(params ConfigDiagnostic[] problems) =>
        new([], [], problems.Length == 0 ? new Dictionary<string, IReadOnlyList<ConfigDiagnostic>>() : new Dictionary<string, IReadOnlyList<ConfigDiagnostic>> { ["a.yaml"] = problems });
}
