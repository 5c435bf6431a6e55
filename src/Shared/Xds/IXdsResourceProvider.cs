namespace ControlPlane.Shared.Xds;

/// <summary>
/// The only thing the xDS server knows about resources: for a client and a type URL, what exists
/// now and at what version, and a notice when that may have changed. Galley answers the same
/// snapshot for everyone (<see cref="XdsSnapshotCache"/>); Pilot generates per client.
/// </summary>
/// <remarks>
/// <see cref="GetResources"/> is called from stream loops concurrently and must be thread-safe and
/// cheap (return cached, already serialised <see cref="XdsResource"/>s). It may return resources
/// outside the subscription; the server filters them. The server diffs what it gets against what
/// each stream was sent, so a notice that turns out to change nothing costs no push.
/// </remarks>
public interface IXdsResourceProvider
{
    /// <summary>Raised after resources changed; handlers only queue work and return quickly.</summary>
    event EventHandler<XdsChange>? Changed;

    /// <summary>
    /// The resources of <paramref name="typeUrl"/> that <paramref name="stream"/> gets now, or null
    /// when the provider does not know the type yet (not loaded): the server then answers nothing
    /// until a change notice, rather than telling clients (a reconnecting one included) that
    /// everything was removed.
    /// </summary>
    XdsResourceSet? GetResources(XdsStreamContext stream, string typeUrl, XdsSubscription subscription);
}
