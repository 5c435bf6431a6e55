namespace ControlPlane.Galley.Admission;

/// <summary>
/// <c>admission.k8s.io/v1</c> AdmissionReview, the subset the validating webhook reads and writes
/// (https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request).
/// </summary>
internal sealed record AdmissionReview(string? ApiVersion, string? Kind, AdmissionRequest? Request, AdmissionResponse? Response = null)
{
    public const string V1 = "admission.k8s.io/v1";
}
