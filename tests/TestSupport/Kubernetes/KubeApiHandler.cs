using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>Routes a request as the API server does: discovery, then get/list/watch/create/update/patch/delete on a resource path, errors as Status bodies.</summary>
internal sealed class KubeApiHandler(KubeApiDouble owner)
{
    private readonly KubeResourceCatalog _catalog = owner.Catalog;
    private readonly KubeStore _store = owner.Store;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        owner.Record(new KubeRecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", request.ContentType));
        try
        {
            var (code, body) = await DispatchAsync(context);
            if (body is not null)
            {
                await WriteAsync(context.Response, code, body);
            }
        }
        catch (KubeApiException e)
        {
            await WriteAsync(context.Response, e.Code, e.Status);
        }
        catch (JsonException e)
        {
            await WriteAsync(context.Response, 400, KubeApiException.BadRequest($"the request body is not valid JSON: {e.Message}").Status);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // A bug in the double shows up in the client's error as the real server's InternalError would.
            await WriteAsync(context.Response, 500, KubeStatus.Failure(500, "InternalError", $"Internal error occurred: {e.GetType().Name}: {e.Message}"));
        }
    }

    private async Task<(int Code, JsonNode? Body)> DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var discovery = path switch
        {
            "/version" => new JsonObject { ["major"] = "1", ["minor"] = "33", ["gitVersion"] = "v1.33.0", ["platform"] = "linux/amd64" },
            "/api" => KubeDiscovery.CoreVersions(owner.BaseAddress.Authority),
            "/apis" => KubeDiscovery.GroupList(_catalog),
            "/api/v1" => KubeDiscovery.ResourceList(_catalog, "", "v1"),
            _ when segments.Length == 2 && segments[0] == "apis" => KubeDiscovery.Group(_catalog, segments[1]),
            _ when segments.Length == 3 && segments[0] == "apis" => KubeDiscovery.ResourceList(_catalog, segments[1], segments[2]),
            _ => null,
        };
        if (discovery is not null)
        {
            return (200, discovery);
        }

        var target = KubeRequestPath.Parse(segments) ?? throw KubeApiException.NoResource();
        var type = _catalog.Find(target.Group, target.Version, target.Plural) ?? throw KubeApiException.NoResource();
        var method = context.Request.Method;
        if (type.Kind == "TokenReview")
        {
            return method == "POST" && target.Name is null
                ? (201, owner.Tokens.Review(await ReadObjectAsync(context)))
                : throw new KubeApiException(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource");
        }

        if (target.Namespace is null && type.Namespaced && target.Name is not null)
        {
            throw KubeApiException.NoResource();
        }

        if (target.Subresource is not null && (target.Subresource != "status" || !type.HasStatus))
        {
            throw KubeApiException.NoResource();
        }

        var ns = type.Namespaced ? target.Namespace ?? "" : "";
        var query = context.Request.Query;
        if (target.Name is null)
        {
            return method switch
            {
                "GET" when query["watch"] is { Count: > 0 } w && (w.ToString() is "true" or "1") =>
                    await new KubeWatchStream(owner, type, target.Version, target.Namespace).ServeAsync(context),
                "GET" => (200, List(type, target, query)),
                "POST" => (201, Served(Create(type, ns, await ReadObjectAsync(context)), type, target.Version)),
                _ => throw new KubeApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"),
            };
        }

        var name = target.Name;
        var status = target.Subresource == "status";
        var result = method switch
        {
            "GET" => _store.Get(type, ns, name) ?? throw KubeApiException.NotFound(type, name),
            "PUT" => Replace(type, ns, name, await ReadObjectAsync(context), status),
            "PATCH" => Patch(type, ns, name, context.Request.ContentType ?? "", await ReadObjectAsync(context), status),
            "DELETE" => Delete(type, ns, name, await ReadOptionalObjectAsync(context)),
            _ => throw new KubeApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"),
        };
        return (200, Served(result, type, target.Version));
    }

    private JsonObject List(KubeResourceType type, KubeRequestPath target, IQueryCollection query)
    {
        var selector = KubeSelector.Parse(query["labelSelector"], query["fieldSelector"]);
        var (items, revision) = _store.List(type, target.Namespace);
        return new JsonObject
        {
            ["kind"] = type.Kind + "List",
            ["apiVersion"] = type.ApiVersion(target.Version),
            ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray([.. items.Where(selector.Matches).Select(i => (JsonNode)Served(i, type, target.Version))]),
        };
    }

    private JsonObject Create(KubeResourceType type, string ns, JsonObject obj)
    {
        var metadata = Metadata(obj);
        var name = metadata["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name) && metadata["generateName"]?.GetValue<string>() is { Length: > 0 } prefix)
        {
            name = prefix + Guid.NewGuid().ToString("N")[..5];
            metadata["name"] = name;
        }

        if (string.IsNullOrEmpty(name))
        {
            throw KubeApiException.Invalid(type, "", "metadata.name: Required value: name or generateName is required");
        }

        if (type.Namespaced)
        {
            if (metadata["namespace"]?.GetValue<string>() is { Length: > 0 } given && given != ns)
            {
                throw KubeApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            var namespaces = _catalog.Find("", "v1", "namespaces")!;
            _ = _store.Get(namespaces, "", ns) ?? throw KubeApiException.NotFound(namespaces, ns);
            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        CheckKind(type, obj);
        metadata.Remove("resourceVersion");
        if (type.HasStatus)
        {
            // The status subresource owns status: a create cannot set it.
            obj.Remove("status");
        }

        return _store.Create(type, obj);
    }

    private JsonObject Replace(KubeResourceType type, string ns, string name, JsonObject body, bool status)
    {
        CheckKind(type, body);
        Metadata(body);
        return _store.Update(type, ns, name, current => status ? WithStatusOf(current, body) : KeepStatus(type, current, body));
    }

    private JsonObject Patch(KubeResourceType type, string ns, string name, string contentType, JsonObject patch, bool status)
    {
        Func<JsonNode?, JsonNode?, JsonNode?> apply = contentType.Split(';')[0].Trim() switch
        {
            "application/merge-patch+json" => JsonMergePatch.Apply,
            "application/strategic-merge-patch+json" when type.Group.Length == 0 || type.Group.EndsWith(".k8s.io", StringComparison.Ordinal) => StrategicMergePatch.Apply,
            "application/strategic-merge-patch+json" => throw new KubeApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"),
            _ => throw new KubeApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/strategic-merge-patch+json"),
        };
        return _store.Update(type, ns, name, current =>
        {
            var patched = apply(current, patch) as JsonObject ?? throw KubeApiException.BadRequest("the patch does not leave an object");
            return status ? WithStatusOf(current, patched) : KeepStatus(type, current, patched);
        });
    }

    private JsonObject Delete(KubeResourceType type, string ns, string name, JsonObject? options)
    {
        var preconditions = options?["preconditions"];
        return _store.Delete(type, ns, name, preconditions?["uid"]?.GetValue<string>(), preconditions?["resourceVersion"]?.GetValue<string>());
    }

    private static JsonObject KeepStatus(KubeResourceType type, JsonObject current, JsonObject updated)
    {
        if (type.HasStatus)
        {
            updated.Remove("status");
            if (current["status"] is { } status)
            {
                updated["status"] = status.DeepClone();
            }
        }

        return updated;
    }

    private static JsonObject WithStatusOf(JsonObject current, JsonObject body)
    {
        var result = (JsonObject)current.DeepClone();
        result.Remove("status");
        if (body["status"] is { } status)
        {
            result["status"] = status.DeepClone();
        }

        result["metadata"]!["resourceVersion"] = body["metadata"]?["resourceVersion"]?.DeepClone();
        return result;
    }

    private static void CheckKind(KubeResourceType type, JsonObject obj)
    {
        var kind = obj["kind"]?.GetValue<string>();
        if (kind is not null && kind != type.Kind)
        {
            throw KubeApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        obj["kind"] = type.Kind;
    }

    private static JsonObject Metadata(JsonObject obj) =>
        obj["metadata"] as JsonObject ?? (JsonObject)(obj["metadata"] = new JsonObject());

    /// <summary>An object as served at <paramref name="version"/>: stored once, its apiVersion is the requested one.</summary>
    internal static JsonObject Served(JsonObject obj, KubeResourceType type, string version)
    {
        obj["apiVersion"] = type.ApiVersion(version);
        obj["kind"] = type.Kind;
        return obj;
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context) =>
        await ReadOptionalObjectAsync(context) ?? throw KubeApiException.BadRequest("the request body must be a JSON object");

    private static async Task<JsonObject?> ReadOptionalObjectAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
    }

    internal static async Task WriteAsync(HttpResponse response, int code, JsonNode body)
    {
        response.StatusCode = code;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString());
    }
}
