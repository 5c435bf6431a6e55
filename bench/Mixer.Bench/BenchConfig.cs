using ControlPlane.Shared.Config;
using Google.Protobuf;
using Istio.Security.V1Beta1;
using Mesh.Policy.V1Alpha1;

namespace ControlPlane.Bench.Mixer;

/// <summary>The config under load: 20 AuthorizationPolicies on the checked workload and one rate-limit domain.</summary>
internal sealed class BenchConfig : IConfigSnapshotSource
{
    private static readonly JsonParser Parser = JsonParser.Default;

    public ConfigSnapshot Current { get; } = new(1, [.. Policies(), RateLimit()]);

    public IDisposable Subscribe(Action<ConfigSnapshot> onChange) => new Nothing();

    // 9 DENY policies that do not match (paths, headers, namespaces), 10 ALLOW policies that do not
    // match (other principals, methods), and the last ALLOW (by name) that does: the worst case walks all 20.
    private static IEnumerable<ConfigObject> Policies()
    {
        for (var i = 0; i < 9; i++)
        {
            yield return Policy($"deny-{i:00}", $$"""
                { "selector": { "matchLabels": { "app": "reviews" } }, "action": "DENY", "rules": [
                  { "to": [ { "operation": { "paths": ["/admin{{i}}*"], "methods": ["DELETE", "PUT"] } } ] },
                  { "from": [ { "source": { "namespaces": ["blocked-{{i}}"] } } ],
                    "when": [ { "key": "request.headers[x-blocked]", "values": ["yes-{{i}}"] } ] } ] }
                """);
        }

        for (var i = 0; i < 10; i++)
        {
            yield return Policy($"allow-{i:00}", $$"""
                { "rules": [ { "from": [ { "source": { "principals": ["cluster.local/ns/other-{{i}}/sa/*"] } } ],
                               "to": [ { "operation": { "methods": ["POST"], "paths": ["/api/*"] } } ] } ] }
                """);
        }

        yield return Policy("zz-allow", """
            { "rules": [ { "from": [ { "source": { "principals": ["cluster.local/ns/default/sa/productpage"] } } ],
                           "to": [ { "operation": { "methods": ["GET"], "paths": ["/api/*"] } } ],
                           "when": [ { "key": "request.headers[x-tenant]", "values": ["acme*"] } ] } ] }
            """);
    }

    private static ConfigObject Policy(string name, string json) =>
        new(ConfigKinds.AuthorizationPolicy, "security.istio.io/v1", ObjectMeta.Create(name, "default"), Parser.Parse<AuthorizationPolicy>(json));

    private static ConfigObject RateLimit() =>
        new(ConfigKinds.RateLimitConfig, "policy.meshd.io/v1alpha1", ObjectMeta.Create("bench", "istio-system"), Parser.Parse<RateLimitConfig>("""
            { "domain": "bench", "descriptors": [ { "key": "remote_address", "rate_limit": { "unit": "hour", "requests_per_unit": 4000000000 } } ] }
            """));

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
