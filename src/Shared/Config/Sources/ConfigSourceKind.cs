namespace ControlPlane.Shared.Config.Sources;

/// <summary>Where a process's config snapshots come from; see <see cref="ConfigSourceSelector"/> for how one is chosen.</summary>
public enum ConfigSourceKind
{
    /// <summary>The file source in this process: <c>--config-dir</c> (empty config without it). What Galley always uses.</summary>
    Files,

    /// <summary>A subscription to a Galley's config distribution at <c>--galley-address</c>.</summary>
    GalleySubscription,

    // Next: Kubernetes (--kubeconfig), chosen in ConfigSourceSelector.Choose and registered in
    // ConfigSourceRegistration like the two above.
}
