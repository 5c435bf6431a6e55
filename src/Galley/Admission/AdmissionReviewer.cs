using System.Text.Json.Nodes;
using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Galley.Admission;

/// <summary>
/// Decides an admission request as Istio's validating webhook does: CREATE and UPDATE of the Istio
/// kinds Galley models are loaded and validated like files, and denied with the same messages
/// <c>meshctl validate</c> prints (without file positions, which mean nothing for an API object).
/// Other groups, kinds and operations (DELETE, CONNECT) are allowed: they are not ours to judge.
/// </summary>
internal sealed class AdmissionReviewer(IConfigValidator validator)
{
    private const string ObjectName = "<admission>";

    private static readonly ConfigLoader Loader = new();

    public AdmissionResponse Review(AdmissionRequest request)
    {
        var uid = request.Uid ?? string.Empty;
        if (request.Operation is not ("CREATE" or "UPDATE") || !IsModelledKind(request.Kind))
        {
            return new AdmissionResponse(uid, Allowed: true);
        }

        if (request.Object is null)
        {
            return Deny(uid, "cannot decode configuration: the request has no object");
        }

        var loaded = Loader.LoadText(WithNamespace(request.Object, request.Namespace).ToJsonString(), ObjectName);
        var errors = loaded.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).ToList();
        var warnings = loaded.Diagnostics.Where(d => d.Level == DiagnosticLevel.Warning).ToList();
        foreach (var config in loaded.Objects)
        {
            var result = validator.Validate(config);
            errors.AddRange(result.Errors);
            warnings.AddRange(result.Warnings);
        }

        var warningLines = warnings.Count == 0 ? null : InSourceOrder(warnings).Select(Line).ToList();
        return errors.Count == 0
            ? new AdmissionResponse(uid, Allowed: true, Warnings: warningLines)
            : Deny(uid, "configuration is invalid: " + string.Join("\n", InSourceOrder(errors).Select(Line)), warningLines);
    }

    private static bool IsModelledKind(GroupVersionKind? kind) =>
        kind is { Group: { } group, Kind: { } name } && ConfigKinds.All.Any(k => k.Group == group && k.Kind == name);

    /// <summary>On CREATE the object may leave its namespace to the request, as kubectl does.</summary>
    private static JsonObject WithNamespace(JsonObject source, string? ns)
    {
        var copy = (JsonObject)source.DeepClone();
        if (!string.IsNullOrEmpty(ns) && copy["metadata"] is JsonObject metadata && metadata["namespace"] is null)
        {
            metadata["namespace"] = ns;
        }

        return copy;
    }

    /// <summary>In the order of the fields in the object, as <c>meshctl validate</c> prints them.</summary>
    private static IEnumerable<ConfigDiagnostic> InSourceOrder(IEnumerable<ConfigDiagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Position?.Line ?? int.MaxValue).ThenBy(d => d.Position?.Column ?? int.MaxValue);

    private static string Line(ConfigDiagnostic diagnostic) => (diagnostic with { Position = null }).ToString();

    private static AdmissionResponse Deny(string uid, string message, IReadOnlyList<string>? warnings = null) =>
        new(uid, Allowed: false, new AdmissionStatus(400, "BadRequest", message), warnings);
}
