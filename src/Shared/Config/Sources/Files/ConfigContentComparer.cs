using System.Text.Json.Nodes;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// Decides whether a reload changed what a file puts in service, so that touching a file, or
/// re-saving it unchanged, does not cost every subscriber a new snapshot. Positions count: a
/// consumer's messages point at lines, and those must stay true.
/// </summary>
internal static class ConfigContentComparer
{
    public static bool SameInService(ConfigFileState? before, ConfigFileState? after)
    {
        var objectsBefore = before?.InService ?? [];
        var objectsAfter = after?.InService ?? [];
        var kubeBefore = before?.KubernetesInService ?? [];
        var kubeAfter = after?.KubernetesInService ?? [];
        return objectsBefore.Count == objectsAfter.Count &&
               kubeBefore.Count == kubeAfter.Count &&
               objectsBefore.Zip(objectsAfter).All(p => Same(p.First, p.Second)) &&
               kubeBefore.Zip(kubeAfter).All(p => Same(p.First, p.Second));
    }

    /// <summary>The kinds whose objects differ between two reads of a file (added, removed or changed).</summary>
    public static IEnumerable<string> ChangedKinds(ConfigFileState? before, ConfigFileState? after)
    {
        var old = (before?.InService ?? []).ToDictionary(ObjectKeys.Of);
        var oldKube = (before?.KubernetesInService ?? []).ToDictionary(ObjectKeys.Of);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var config in after?.InService ?? [])
        {
            if (!old.Remove(ObjectKeys.Of(config), out var was) || !Same(was, config))
            {
                changed.Add(config.Kind.Kind);
            }
        }

        foreach (var config in after?.KubernetesInService ?? [])
        {
            if (!oldKube.Remove(ObjectKeys.Of(config), out var was) || !Same(was, config))
            {
                changed.Add(config.Kind);
            }
        }

        changed.UnionWith(old.Keys.Select(k => k.Kind));
        changed.UnionWith(oldKube.Keys.Select(k => k.Kind));
        return changed;
    }

    public static bool Same(ConfigObject a, ConfigObject b) =>
        ReferenceEquals(a, b) ||
        (a.Kind == b.Kind &&
         a.ApiVersion == b.ApiVersion &&
         a.Position == b.Position &&
         SameMeta(a.Meta, b.Meta) &&
         a.Spec.Equals(b.Spec));

    public static bool Same(KubernetesObject a, KubernetesObject b) =>
        ReferenceEquals(a, b) ||
        (a.ApiVersion == b.ApiVersion &&
         a.Kind == b.Kind &&
         a.Position == b.Position &&
         SameMeta(a.Meta, b.Meta) &&
         JsonNode.DeepEquals(a.Body, b.Body));

    private static bool SameMeta(ObjectMeta a, ObjectMeta b) =>
        a.Name == b.Name &&
        a.Namespace == b.Namespace &&
        SameMap(a.Labels, b.Labels) &&
        SameMap(a.Annotations, b.Annotations);

    private static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var value) && value == e.Value);
}
