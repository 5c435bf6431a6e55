using ControlPlane.Shared.Config;
using Google.Protobuf;
using Mesh.Policy.V1Alpha1;

namespace ControlPlane.Mixer.Tests.Support;

/// <summary>Config objects for tests, with specs written as the JSON form of their YAML.</summary>
internal static class TestConfig
{
    public static readonly ConfigKind RateLimitConfigKind = new("policy.meshd.io", "RateLimitConfig", ["v1alpha1"], RateLimitConfig.Descriptor);

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static ConfigObject Policy(string name, string ns, string json) =>
        new(ConfigKinds.AuthorizationPolicy, "security.istio.io/v1", ObjectMeta.Create(name, ns),
            Parser.Parse<Istio.Security.V1Beta1.AuthorizationPolicy>(json), new SourcePosition($"{name}.yaml", 1, 1));

    public static ConfigObject RateLimit(string name, string json, string ns = "istio-system") =>
        new(RateLimitConfigKind, "policy.meshd.io/v1alpha1", ObjectMeta.Create(name, ns), Parser.Parse<RateLimitConfig>(json),
            new SourcePosition($"{name}.yaml", 1, 1));
}
