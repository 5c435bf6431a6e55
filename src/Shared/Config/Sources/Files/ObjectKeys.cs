using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>The identity of an object in a snapshot: kind, namespace and name.</summary>
internal static class ObjectKeys
{
    public static (string Kind, string Namespace, string Name) Of(ConfigObject config) =>
        (config.Kind.Kind, config.Meta.Namespace, config.Meta.Name);

    public static (string Kind, string Namespace, string Name) Of(KubernetesObject config) =>
        (config.Kind, config.Meta.Namespace, config.Meta.Name);
}
