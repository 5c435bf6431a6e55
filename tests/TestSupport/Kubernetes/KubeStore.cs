using System.Globalization;
using System.Text.Json.Nodes;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// The double's storage: every object of every type under one global, monotonically increasing
/// resourceVersion (as etcd's revision), and the history of changes watches are served from. A
/// compaction drops history up to the current revision: a watch from before it gets 410 Gone.
/// </summary>
internal sealed class KubeStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _objects = [];
    private readonly List<KubeWatchEvent> _history = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _revision = 100;
    private long _compactedThrough;
    private int _compactions;
    private int _closures;

    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public JsonObject? Get(KubeResourceType type, string ns, string name)
    {
        lock (_gate)
        {
            return Bucket(type).TryGetValue(Key(ns, name), out var found) ? (JsonObject)found.DeepClone() : null;
        }
    }

    public (List<JsonObject> Items, long Revision) List(KubeResourceType type, string? ns)
    {
        lock (_gate)
        {
            var items = Bucket(type).Values
                .Where(o => ns is null || Namespace(o) == ns)
                .OrderBy(o => Namespace(o), StringComparer.Ordinal)
                .ThenBy(o => Name(o), StringComparer.Ordinal)
                .Select(o => (JsonObject)o.DeepClone())
                .ToList();
            return (items, _revision);
        }
    }

    public JsonObject Create(KubeResourceType type, JsonObject obj)
    {
        lock (_gate)
        {
            var ns = Namespace(obj);
            var name = Name(obj);
            var bucket = Bucket(type);
            if (bucket.ContainsKey(Key(ns, name)))
            {
                throw KubeApiException.AlreadyExists(type, name);
            }

            var metadata = (JsonObject)obj["metadata"]!;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            metadata["generation"] = 1L;
            metadata.Remove("deletionTimestamp");
            return Commit(type, ns, name, obj, previous: null, "ADDED");
        }
    }

    /// <summary>Replaces an object with what <paramref name="change"/> makes of a copy of it, refusing a stale resourceVersion.</summary>
    public JsonObject Update(KubeResourceType type, string ns, string name, Func<JsonObject, JsonObject> change)
    {
        lock (_gate)
        {
            if (!Bucket(type).TryGetValue(Key(ns, name), out var current))
            {
                throw KubeApiException.NotFound(type, name);
            }

            var updated = change((JsonObject)current.DeepClone());
            var metadata = updated["metadata"] as JsonObject ?? throw KubeApiException.BadRequest("metadata is required");
            var requested = metadata["resourceVersion"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(requested) && requested != ResourceVersion(current))
            {
                throw KubeApiException.Conflict(type, name);
            }

            if (Name(updated) != name)
            {
                throw KubeApiException.BadRequest($"the name of the object ({Name(updated)}) does not match the name on the URL ({name})");
            }

            // Identity fields are the server's: a client cannot change them.
            foreach (var field in new[] { "uid", "creationTimestamp", "generation" })
            {
                metadata[field] = current["metadata"]![field]?.DeepClone();
            }

            metadata["namespace"] = current["metadata"]!["namespace"]?.DeepClone();
            if (JsonNode.DeepEquals(WithoutServerFields(current), WithoutServerFields(updated)))
            {
                return (JsonObject)current.DeepClone();
            }

            if (!JsonNode.DeepEquals(Spec(current), Spec(updated)))
            {
                metadata["generation"] = long.Parse(current["metadata"]!["generation"]?.ToJsonString() ?? "0", CultureInfo.InvariantCulture) + 1;
            }

            return Commit(type, ns, name, updated, current, "MODIFIED");
        }
    }

    public JsonObject Delete(KubeResourceType type, string ns, string name, string? preconditionUid, string? preconditionResourceVersion)
    {
        lock (_gate)
        {
            var bucket = Bucket(type);
            if (!bucket.TryGetValue(Key(ns, name), out var current))
            {
                throw KubeApiException.NotFound(type, name);
            }

            if ((preconditionUid is not null && preconditionUid != current["metadata"]!["uid"]?.GetValue<string>()) ||
                (preconditionResourceVersion is not null && preconditionResourceVersion != ResourceVersion(current)))
            {
                throw KubeApiException.Conflict(type, name);
            }

            bucket.Remove(Key(ns, name));
            var gone = (JsonObject)current.DeepClone();
            _revision++;
            gone["metadata"]!["resourceVersion"] = _revision.ToString(CultureInfo.InvariantCulture);
            Record(new KubeWatchEvent(_revision, type.StorageKey, ns, "DELETED", gone, current));
            return (JsonObject)gone.DeepClone();
        }
    }

    /// <summary>Drops the history up to now: a watch from an older resourceVersion gets 410 Gone, and watches open now end with an ERROR event carrying 410.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _compactedThrough = _revision;
            _history.Clear();
            _compactions++;
            Signal();
        }
    }

    /// <summary>Ends every open watch cleanly, as the server does when a watch's time is up.</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            _closures++;
            Signal();
        }
    }

    /// <summary>The next changes of a type after <paramref name="after"/>, or why the watch must end.</summary>
    public KubeWatchRead ReadAfter(KubeResourceType type, string? ns, long after, KubeWatchEpoch epoch)
    {
        lock (_gate)
        {
            if (epoch.Compactions != _compactions || after < _compactedThrough)
            {
                return new KubeWatchRead([], _changed.Task, _revision, Gone: KubeStatus.Expired(after, _compactedThrough + 1), Closed: false);
            }

            if (epoch.Closures != _closures)
            {
                return new KubeWatchRead([], _changed.Task, _revision, Gone: null, Closed: true);
            }

            var events = _history
                .Where(e => e.ResourceVersion > after && e.StorageKey == type.StorageKey && (ns is null || e.Namespace == ns))
                .ToList();
            return new KubeWatchRead(events, _changed.Task, _revision, Gone: null, Closed: false);
        }
    }

    public KubeWatchEpoch CurrentEpoch()
    {
        lock (_gate)
        {
            return new KubeWatchEpoch(_compactions, _closures);
        }
    }

    public static string Namespace(JsonNode obj) => obj["metadata"]?["namespace"]?.GetValue<string>() ?? "";

    public static string Name(JsonNode obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? "";

    public static string? ResourceVersion(JsonNode obj) => obj["metadata"]?["resourceVersion"]?.GetValue<string>();

    private JsonObject Commit(KubeResourceType type, string ns, string name, JsonObject obj, JsonObject? previous, string eventType)
    {
        _revision++;
        obj["metadata"]!["resourceVersion"] = _revision.ToString(CultureInfo.InvariantCulture);
        Bucket(type)[Key(ns, name)] = obj;
        Record(new KubeWatchEvent(_revision, type.StorageKey, ns, eventType, (JsonObject)obj.DeepClone(), previous));
        return (JsonObject)obj.DeepClone();
    }

    private void Record(KubeWatchEvent change)
    {
        _history.Add(change);
        Signal();
    }

    private void Signal()
    {
        var fired = _changed;
        _changed = NewSignal();
        fired.TrySetResult();
    }

    private Dictionary<string, JsonObject> Bucket(KubeResourceType type)
    {
        if (!_objects.TryGetValue(type.StorageKey, out var bucket))
        {
            bucket = [];
            _objects[type.StorageKey] = bucket;
        }

        return bucket;
    }

    private static JsonNode? Spec(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    private static JsonObject WithoutServerFields(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        var metadata = (JsonObject)copy["metadata"]!;
        metadata.Remove("resourceVersion");
        metadata.Remove("managedFields");
        return copy;
    }

    private static string Key(string ns, string name) => ns + "/" + name;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
