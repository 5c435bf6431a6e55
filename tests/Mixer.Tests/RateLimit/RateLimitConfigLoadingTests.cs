using ControlPlane.Mixer.RateLimit;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;
using Mesh.Policy.V1Alpha1;

namespace ControlPlane.Mixer.Tests.RateLimit;

/// <summary>RateLimitConfig YAML goes through the shared loader like any other kind and compiles.</summary>
public sealed class RateLimitConfigLoadingTests
{
    [Fact]
    public void Load_RatelimitFormatYaml_CompilesToADomain()
    {
        var result = new ConfigLoader().LoadText("""
            apiVersion: policy.meshd.io/v1alpha1
            kind: RateLimitConfig
            metadata:
              name: edge
              namespace: istio-system
            spec:
              domain: edge
              descriptors:
                - key: remote_address
                  rate_limit:
                    unit: minute
                    requests_per_unit: 10
                - key: header_match
                  value: premium
                  descriptors:
                    - key: user
                      shadow_mode: true
                      rate_limit: { unit: second, requests_per_unit: 5 }
            """, "edge.yaml");

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var obj = Assert.Single(result.Objects);
        Assert.Same(ConfigKinds.RateLimitConfig, obj.Kind);
        var spec = obj.SpecAs<RateLimitConfig>();
        Assert.Equal(10u, spec.Descriptors[0].RateLimit.RequestsPerUnit);

        var table = RateLimitConfigCompiler.Compile(new ConfigSnapshot(1, result.Objects));
        Assert.Empty(table.Diagnostics.Select(d => d.ToString()));
        var rule = table.Domains["edge"].Find([new DescriptorEntry("header_match", "premium"), new DescriptorEntry("user", "u")])!;
        Assert.Equal(5u, rule.RequestsPerUnit);
        Assert.True(rule.ShadowMode);
    }

    [Fact]
    public void Compile_BadUnitInAFile_PointsAtItsLine()
    {
        var result = new ConfigLoader().LoadText("""
            apiVersion: policy.meshd.io/v1alpha1
            kind: RateLimitConfig
            metadata:
              name: edge
            spec:
              domain: edge
              descriptors:
                - key: remote_address
                  rate_limit:
                    unit: fortnight
                    requests_per_unit: 10
            """, "edge.yaml");

        var diagnostic = Assert.Single(RateLimitConfigCompiler.Compile(new ConfigSnapshot(1, result.Objects)).Diagnostics);

        Assert.Equal("edge.yaml", diagnostic.Position!.File);
        Assert.Equal(10, diagnostic.Position.Line);
        Assert.Equal("spec.descriptors[0].rateLimit.unit", diagnostic.FieldPath);
    }
}
