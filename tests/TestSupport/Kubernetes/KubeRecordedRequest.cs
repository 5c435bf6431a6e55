using Microsoft.AspNetCore.WebUtilities;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>A request the double received, for tests that check what a client asked (a list, a watch from which resourceVersion).</summary>
public sealed record KubeRecordedRequest(string Method, string Path, string Query, string? ContentType)
{
    public bool IsWatch => Parameter("watch") is "true" or "1";

    /// <summary>A GET of a collection that is not a watch.</summary>
    public bool IsList(string plural) => Method == "GET" && !IsWatch && Path.EndsWith("/" + plural, StringComparison.Ordinal);

    public bool IsWatchOf(string plural) => Method == "GET" && IsWatch && Path.EndsWith("/" + plural, StringComparison.Ordinal);

    public string? Parameter(string name) =>
        QueryHelpers.ParseQuery(Query).TryGetValue(name, out var values) ? values.ToString() : null;
}
