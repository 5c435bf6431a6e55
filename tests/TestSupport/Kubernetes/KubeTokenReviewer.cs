using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>Answers <c>TokenReview</c> (authentication.k8s.io/v1) from a table of tokens the test fills, with the real server's audience rules.</summary>
internal sealed class KubeTokenReviewer
{
    private readonly ConcurrentDictionary<string, KubeTokenIdentity> _tokens = new(StringComparer.Ordinal);

    public void Add(string token, KubeTokenIdentity identity) => _tokens[token] = identity;

    public bool Remove(string token) => _tokens.TryRemove(token, out _);

    public JsonObject Review(JsonObject review)
    {
        var spec = review["spec"] as JsonObject ?? [];
        var token = spec["token"]?.GetValue<string>() ?? "";
        var requested = (spec["audiences"] as JsonArray)?.Select(a => a!.GetValue<string>()).ToList() ?? [];
        var status = new JsonObject();
        if (!_tokens.TryGetValue(token, out var identity))
        {
            status["authenticated"] = false;
            status["error"] = "invalid bearer token";
        }
        else
        {
            var audiences = requested.Count == 0 ? [.. identity.Audiences] : requested.Intersect(identity.Audiences).ToList();
            if (requested.Count > 0 && audiences.Count == 0)
            {
                status["authenticated"] = false;
                status["error"] = $"token audiences [{string.Join(",", identity.Audiences.Select(a => $"\"{a}\""))}] is invalid for the target audiences [{string.Join(",", requested.Select(a => $"\"{a}\""))}]";
            }
            else
            {
                status["authenticated"] = true;
                status["user"] = new JsonObject
                {
                    ["username"] = identity.Username,
                    ["uid"] = identity.Uid,
                    ["groups"] = new JsonArray([.. identity.Groups.Select(g => (JsonNode)g)]),
                };
                status["audiences"] = new JsonArray([.. audiences.Select(a => (JsonNode)a)]);
            }
        }

        return new JsonObject
        {
            ["kind"] = "TokenReview",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = spec.DeepClone(),
            ["status"] = status,
        };
    }
}
