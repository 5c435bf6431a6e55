using Google.Protobuf;

namespace ControlPlane.Pilot.Tests.Support;

/// <summary>
/// Table-test input and expectations written as proto JSON: an Istio object as its YAML reads
/// (<c>{"uri": {"prefix": "/api"}}</c>), an Envoy one as its config dump shows it.
/// </summary>
internal static class ProtoJson
{
    public static T Parse<T>(string json)
        where T : IMessage<T>, new() =>
        JsonParser.Default.Parse<T>(json);

    /// <summary>Null for null or empty text: a table cell that says "not set".</summary>
    public static T? ParseOrNull<T>(string? json)
        where T : class, IMessage<T>, new() =>
        string.IsNullOrWhiteSpace(json) ? null : Parse<T>(json);
}
