using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Push;

namespace ControlPlane.Pilot.Tests.Xds.Push;

public sealed class ConfigChangeTests
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

    [Fact]
    public void ChangedKinds_OnlyAWorkloadEntryEdited_NamesOnlyWorkloadEntry()
    {
        var before = YamlConfig.Parse(Base);
        var after = YamlConfig.Parse(Base.Replace("10.0.0.1", "10.0.0.2", StringComparison.Ordinal), version: 2);

        Assert.Equal(["WorkloadEntry"], ConfigChange.ChangedKinds(before, after));
    }

    [Fact]
    public void ChangedKinds_SameContentReloaded_IsEmpty_AndARemovalCounts()
    {
        var before = YamlConfig.Parse(Base);

        Assert.Empty(ConfigChange.ChangedKinds(before, YamlConfig.Parse(Base, version: 2)));
        Assert.Equal(["WorkloadEntry"], ConfigChange.ChangedKinds(before, YamlConfig.Parse(Base.Split("---")[0], version: 3)));
    }
}
