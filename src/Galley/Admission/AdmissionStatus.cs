namespace ControlPlane.Galley.Admission;

/// <summary>The <c>metav1.Status</c> of a denial: HTTP-like code, reason and the message kubectl shows.</summary>
internal sealed record AdmissionStatus(int Code, string Reason, string Message);
