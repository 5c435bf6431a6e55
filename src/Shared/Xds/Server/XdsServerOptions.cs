namespace ControlPlane.Shared.Xds.Server;

/// <summary>Settings of one xDS server.</summary>
public sealed class XdsServerOptions
{
    /// <summary>
    /// Responses that may wait to be written on one stream. A stream whose queue is full cannot
    /// keep up and is cut (status RESOURCE_EXHAUSTED) rather than allowed to hold up pushes.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 128;

    /// <summary>
    /// Optional <c>control_plane.identifier</c> put in every response, so clients can tell which
    /// control plane instance served them.
    /// </summary>
    public string? ControlPlaneIdentifier { get; set; }
}
