using ControlPlane.Shared.Config;

namespace ControlPlane.Pilot.Xds.Push;

/// <summary>
/// What differs between two config snapshots, by kind: an object added, removed, or whose spec or
/// labels changed. Pilot rebuilds and pushes only what depends on these kinds.
/// </summary>
internal static class ConfigChange
{
    public static IReadOnlySet<string> ChangedKinds(ConfigSnapshot previous, ConfigSnapshot next)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var before = Index(previous);
        var after = Index(next);
        foreach (var (key, item) in after)
        {
            if (!before.TryGetValue(key, out var old) || !Same(old, item))
            {
                changed.Add(key.Kind);
            }
        }

        foreach (var key in before.Keys.Where(k => !after.ContainsKey(k)))
        {
            changed.Add(key.Kind);
        }

        return changed;
    }

    private static Dictionary<(string Kind, string Key), ConfigObject> Index(ConfigSnapshot snapshot)
    {
        var index = new Dictionary<(string Kind, string Key), ConfigObject>();
        foreach (var item in snapshot.Objects)
        {
            index[(item.Kind.Kind, item.Meta.Key)] = item;
        }

        return index;
    }

    private static bool Same(ConfigObject a, ConfigObject b) =>
        a.Spec.Equals(b.Spec)
        && a.Meta.Labels.Count == b.Meta.Labels.Count
        && a.Meta.Labels.All(kv => b.Meta.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
