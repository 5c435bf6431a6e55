using ControlPlane.Mixer.Telemetry;
using ControlPlane.Mixer.Tests.Support;
using Envoy.Config.Core.V3;

namespace ControlPlane.Mixer.Tests.Telemetry;

public sealed class NodeIdentityReaderTests
{
    [Fact]
    public void Read_IstioSidecarMetadata_GivesWorkloadNamespaceAndVersion()
    {
        var identity = NodeIdentityReader.Read(AccessLogs.SidecarNode("reviews-v2", "bookinfo", "v2"));

        Assert.Equal(new WorkloadIdentity("reviews-v2", "bookinfo", "v2"), identity);
    }

    [Fact]
    public void Read_NoMetadata_FallsBackToTheNodeIdWithoutPodHashes()
    {
        var identity = NodeIdentityReader.Read(new Node { Id = "sidecar~10.1.1.1~ratings-v1-7dc98c7588-x2kzq.default~default.svc.cluster.local" });

        Assert.Equal(new WorkloadIdentity("ratings-v1", "default", "unknown"), identity);
    }

    [Theory]
    [InlineData("ratings-v1-7dc98c7588-x2kzq", "ratings-v1")]
    [InlineData("web-0", "web-0")]
    [InlineData("standalone", "standalone")]
    public void WorkloadFromPod_DropsOnlyDeploymentSuffixes(string pod, string workload)
    {
        Assert.Equal(workload, NodeIdentityReader.WorkloadFromPod(pod));
    }

    [Fact]
    public void Read_MalformedNodeId_IsUnknown()
    {
        Assert.Equal(WorkloadIdentity.None, NodeIdentityReader.Read(new Node { Id = "not-a-sidecar-id" }));
    }
}
