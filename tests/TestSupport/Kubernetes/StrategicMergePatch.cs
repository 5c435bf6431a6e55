using System.Text.Json.Nodes;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// Strategic merge patch as far as <c>kubectl apply</c> needs it for the kinds the double serves:
/// maps merge as in a JSON merge patch; lists with a merge key (a Service's ports by port, a Pod's
/// containers by name, ...) merge element by element; other lists are replaced; the directives
/// <c>$patch</c> (replace, delete), <c>$setElementOrder/</c>, <c>$deleteFromPrimitiveList/</c> and
/// <c>$retainKeys</c> are honoured. The merge keys are those of the Kubernetes API types' patchMergeKey tags.
/// </summary>
internal static class StrategicMergePatch
{
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    private static readonly Dictionary<string, string> MergeKeys = new()
    {
        ["spec.ports"] = "port",
        ["spec.containers"] = "name",
        ["spec.initContainers"] = "name",
        ["spec.ephemeralContainers"] = "name",
        ["spec.containers.ports"] = "containerPort",
        ["spec.initContainers.ports"] = "containerPort",
        ["spec.containers.env"] = "name",
        ["spec.initContainers.env"] = "name",
        ["spec.containers.volumeMounts"] = "mountPath",
        ["spec.initContainers.volumeMounts"] = "mountPath",
        ["spec.volumes"] = "name",
        ["spec.imagePullSecrets"] = "name",
        ["spec.hostAliases"] = "ip",
        ["metadata.ownerReferences"] = "uid",
        ["status.conditions"] = "type",
        ["secrets"] = "name",
    };

    /// <summary>Lists of scalars that merge as sets rather than being replaced.</summary>
    private static readonly HashSet<string> MergedScalarLists = ["metadata.finalizers"];

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => Merge(target, patch, "");

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch, string path)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var directive = patchObject["$patch"]?.GetValue<string>();
        if (directive == "replace")
        {
            var replacement = (JsonObject)patchObject.DeepClone();
            replacement.Remove("$patch");
            return replacement;
        }

        if (directive == "delete")
        {
            return null;
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            var childPath = path.Length == 0 ? key : path + "." + key;
            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonArray patchList)
            {
                result[key] = MergeList(result[key] as JsonArray, patchList, childPath);
            }
            else
            {
                var merged = Merge(result[key], value, childPath);
                if (merged is null)
                {
                    result.Remove(key);
                }
                else
                {
                    result[key] = merged;
                }
            }
        }

        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) && result[key[DeleteFromPrimitiveList.Length..]] is JsonArray list && value is JsonArray removed)
            {
                foreach (var item in list.Where(i => removed.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                {
                    list.Remove(item);
                }
            }
            else if (key.StartsWith(SetElementOrder, StringComparison.Ordinal) && value is JsonArray order)
            {
                var field = key[SetElementOrder.Length..];
                if (result[field] is JsonArray ordered)
                {
                    result[field] = Reorder(ordered, order, MergeKeys.GetValueOrDefault(path.Length == 0 ? field : path + "." + field));
                }
            }
        }

        if (patchObject["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k!.GetValue<string>()).ToHashSet();
            foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                result.Remove(key);
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray? target, JsonArray patch, string path)
    {
        if (MergedScalarLists.Contains(path))
        {
            var union = target is null ? new JsonArray() : (JsonArray)target.DeepClone();
            foreach (var item in patch.Where(p => !union.Any(u => JsonNode.DeepEquals(u, p))))
            {
                union.Add(item?.DeepClone());
            }

            return union;
        }

        if (!MergeKeys.TryGetValue(path, out var mergeKey))
        {
            return (JsonArray)patch.DeepClone();
        }

        var result = target is null ? new JsonArray() : (JsonArray)target.DeepClone();
        foreach (var element in patch.OfType<JsonObject>())
        {
            var existing = result.OfType<JsonObject>().FirstOrDefault(r => JsonNode.DeepEquals(r[mergeKey], element[mergeKey]));
            var merged = Merge(existing, element, path);
            var index = existing is null ? -1 : result.IndexOf(existing);
            if (merged is null)
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                result[index] = merged;
            }
            else
            {
                result.Add(merged);
            }
        }

        return result;
    }

    private static JsonArray Reorder(JsonArray list, JsonArray order, string? mergeKey)
    {
        int Rank(JsonNode? item)
        {
            for (var i = 0; i < order.Count; i++)
            {
                var matches = mergeKey is null ? JsonNode.DeepEquals(order[i], item) : JsonNode.DeepEquals(order[i]?[mergeKey], item?[mergeKey]);
                if (matches)
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        return [.. list.Select((item, index) => (item, index)).OrderBy(p => Rank(p.item)).ThenBy(p => p.index).Select(p => p.item?.DeepClone())];
    }
}
