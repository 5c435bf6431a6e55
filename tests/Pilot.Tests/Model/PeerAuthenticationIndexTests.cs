using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Shared.Config;

namespace ControlPlane.Pilot.Tests.Model;

/// <summary>
/// Istio's PeerAuthentication precedence for a workload <c>app=api</c> in <c>shop</c> listening on
/// 8080: workload (selector) over namespace over mesh (root namespace), UNSET inherits, port-level
/// overrides on a selector policy, and PERMISSIVE when nothing says otherwise. Each policy is written
/// <c>namespace[/selector]=MODE[,PORT:MODE]</c>.
/// </summary>
public sealed class PeerAuthenticationIndexTests
{
    private static readonly WorkloadIdentityRef Api = new("shop", new Dictionary<string, string> { ["app"] = "api" });

    [Theory]
    [InlineData("", "Permissive")]
    [InlineData("istio-system=STRICT", "Strict")]
    [InlineData("istio-system=DISABLE", "Disable")]
    [InlineData("istio-system=UNSET", "Permissive")]
    [InlineData("istio-system=STRICT;shop=DISABLE", "Disable")]
    [InlineData("istio-system=STRICT;shop=UNSET", "Strict")]
    [InlineData("istio-system=DISABLE;shop=PERMISSIVE", "Permissive")]
    [InlineData("shop=STRICT;shop/app:api=DISABLE", "Disable")]
    [InlineData("shop=STRICT;shop/app:api=UNSET", "Strict")]
    [InlineData("shop=STRICT;shop/app:web=DISABLE", "Strict")]
    [InlineData("other=STRICT", "Permissive")]
    [InlineData("other/app:api=STRICT", "Permissive")]
    [InlineData("istio-system/app:api=STRICT", "Permissive")]
    [InlineData("shop/app:api=STRICT,8080:DISABLE", "Disable")]
    [InlineData("shop/app:api=STRICT,9090:DISABLE", "Strict")]
    [InlineData("shop/app:api=DISABLE,8080:UNSET", "Disable")]
    [InlineData("istio-system=STRICT;shop/app:api=UNSET,8080:PERMISSIVE", "Permissive")]
    [InlineData("shop=STRICT,8080:DISABLE", "Strict")]
    public void ModeFor_PoliciesAtEachLevel_FollowIstioPrecedence(string policies, string expected)
    {
        Assert.Equal(Enum.Parse<MtlsMode>(expected), Index(policies).ModeFor(Api, 8080));
    }

    [Fact]
    public void ModeFor_AWorkloadNotInTheRegistry_GetsTheMeshWideMode()
    {
        Assert.Equal(MtlsMode.Strict, Index("istio-system=STRICT;shop=DISABLE").ModeFor(WorkloadIdentityRef.Unknown, 8080));
    }

    private static PeerAuthenticationIndex Index(string policies)
    {
        var yaml = string.Join("\n---\n", policies.Split(';', StringSplitOptions.RemoveEmptyEntries).Select((p, i) => Policy(p, i)));
        return PeerAuthenticationIndex.Build(YamlConfig.Parse(yaml).OfKind(ConfigKinds.PeerAuthentication.Kind), MeshSnapshot.DefaultRootNamespace);
    }

    private static string Policy(string text, int index)
    {
        var (scope, modes) = (text[..text.IndexOf('=')], text[(text.IndexOf('=') + 1)..].Split(','));
        var ns = scope.Split('/')[0];
        var selector = scope.Contains('/') ? $"selector: {{matchLabels: {{{scope.Split('/')[1].Replace(':', '=').Split('=')[0]}: {scope.Split('/')[1].Split(':')[1]}}}}}" : string.Empty;
        var ports = modes.Skip(1).Select(m => $"'{m.Split(':')[0]}': {{mode: {m.Split(':')[1]}}}").ToList();
        var portLevel = ports.Count > 0 ? $"portLevelMtls: {{{string.Join(", ", ports)}}}" : string.Empty;
        return $"""
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {"{"}name: p{index}, namespace: {ns}{"}"}
            spec:
              {selector}
              mtls: {"{"}mode: {modes[0]}{"}"}
              {portLevel}
            """;
    }
}
