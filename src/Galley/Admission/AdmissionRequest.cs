using System.Text.Json.Nodes;

namespace ControlPlane.Galley.Admission;

/// <summary>The request of an AdmissionReview: which object, what is being done to it, and the object itself.</summary>
internal sealed record AdmissionRequest(
    string? Uid,
    GroupVersionKind? Kind,
    string? Namespace,
    string? Name,
    string? Operation,
    JsonObject? Object,
    bool? DryRun);
