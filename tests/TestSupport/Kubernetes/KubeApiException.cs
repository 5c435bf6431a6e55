using System.Text.Json.Nodes;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>A request the double refuses, carried to the handler as the Status body the real server writes.</summary>
internal sealed class KubeApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject Status => KubeStatus.Failure(Code, Reason, Message, details);

    public static KubeApiException NotFound(KubeResourceType type, string name) =>
        new(404, "NotFound", $"{type.Plural}{GroupSuffix(type)} \"{name}\" not found", Details(type, name));

    public static KubeApiException AlreadyExists(KubeResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.Plural}{GroupSuffix(type)} \"{name}\" already exists", Details(type, name));

    public static KubeApiException Conflict(KubeResourceType type, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.Plural}{GroupSuffix(type)} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", Details(type, name));

    public static KubeApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static KubeApiException Invalid(KubeResourceType type, string name, string message) =>
        new(422, "Invalid", $"{type.Kind}{GroupSuffix(type)} \"{name}\" is invalid: {message}", Details(type, name));

    public static KubeApiException NoResource() => new(404, "NotFound", "the server could not find the requested resource");

    private static string GroupSuffix(KubeResourceType type) => type.Group.Length == 0 ? "" : "." + type.Group;

    private static JsonObject Details(KubeResourceType type, string name) => new()
    {
        ["name"] = name,
        ["group"] = type.Group,
        ["kind"] = type.Plural,
    };
}
