namespace ControlPlane.Galley.Admission;

/// <summary>The webhook's answer: the request's uid, whether it is allowed, why not, and warnings for the user.</summary>
internal sealed record AdmissionResponse(string Uid, bool Allowed, AdmissionStatus? Status = null, IReadOnlyList<string>? Warnings = null);
