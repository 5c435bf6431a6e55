namespace ControlPlane.Shared.Tests.Kubernetes;

/// <summary>One kind as kubectl sees it: its resource name, a manifest before and after a change, and a jsonpath that shows the change.</summary>
public sealed record KubectlManifest(string Resource, string Name, string Created, string Changed, string JsonPath, string CreatedValue, string ChangedValue)
{
    public override string ToString() => Resource;
}
