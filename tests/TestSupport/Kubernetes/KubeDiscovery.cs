using System.Text.Json.Nodes;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>The unaggregated discovery documents (<c>/api</c>, <c>/apis</c>, <c>/api/v1</c>, <c>/apis/GROUP[/VERSION]</c>) for the catalog's types.</summary>
internal static class KubeDiscovery
{
    private static readonly string[] Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"];

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(KubeResourceCatalog catalog) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups(catalog).Select(g => (JsonNode)Group(catalog, g, withKind: false)!)]),
    };

    public static JsonObject? Group(KubeResourceCatalog catalog, string group, bool withKind = true)
    {
        var types = catalog.Types.Where(t => t.Group == group).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var versions = types.SelectMany(t => t.Versions).Distinct().ToList();
        var preferred = types[0].Versions[0];
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        var document = new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Version(v))]),
            ["preferredVersion"] = Version(preferred),
        };
        if (withKind)
        {
            document["kind"] = "APIGroup";
            document["apiVersion"] = "v1";
        }

        return document;
    }

    public static JsonObject? ResourceList(KubeResourceCatalog catalog, string group, string version)
    {
        var types = catalog.Types.Where(t => t.Group == group && t.Versions.Contains(version)).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var type in types)
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = type.Kind == "TokenReview" ? new JsonArray("create") : new JsonArray([.. Verbs.Select(v => (JsonNode)v)]),
            };
            if (type.ShortNames is { Count: > 0 })
            {
                resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]);
            }

            resources.Add(resource);
            if (type.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static List<string> Groups(KubeResourceCatalog catalog) =>
        catalog.Types.Select(t => t.Group).Where(g => g.Length > 0).Distinct().ToList();
}
