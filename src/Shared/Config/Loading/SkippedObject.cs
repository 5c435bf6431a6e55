namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// An object the loader read but does not model (a group other than Istio's and Kubernetes'
/// built-in ones, such as <c>cert-manager.io/v1</c>): not an error, reported so users see it.
/// </summary>
/// <param name="ApiVersion">As written, e.g. <c>cert-manager.io/v1</c>.</param>
/// <param name="Kind">As written, e.g. <c>Certificate</c>.</param>
/// <param name="Name">metadata.name, or null when the object has none.</param>
/// <param name="Namespace">metadata.namespace, or null when not written.</param>
/// <param name="Position">Where the object starts.</param>
/// <param name="Reason">Why it was skipped, in a sentence.</param>
public sealed record SkippedObject(
    string ApiVersion,
    string Kind,
    string? Name,
    string? Namespace,
    SourcePosition? Position,
    string Reason)
{
    public override string ToString() =>
        $"{(Position is null ? string.Empty : Position + ": ")}{Kind} {Namespace}{(Namespace is null ? string.Empty : "/")}{Name}: {Reason}";
}
