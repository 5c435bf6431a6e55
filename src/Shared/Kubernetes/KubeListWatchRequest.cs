namespace ControlPlane.Shared.Kubernetes;

/// <summary>The parameters that differ between a list and a watch call.</summary>
internal sealed record KubeListWatchRequest(string? ResourceVersion, bool Watch, int? TimeoutSeconds)
{
    public bool? WatchFlag => Watch ? true : null;

    /// <summary>Bookmarks are asked for on every watch: they move the resume point without events.</summary>
    public bool? AllowWatchBookmarks => Watch ? true : null;
}
