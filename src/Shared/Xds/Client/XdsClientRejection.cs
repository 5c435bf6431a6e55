namespace ControlPlane.Shared.Xds.Client;

/// <summary>A response the client's validator refused and NACKed; the client kept its previous resources.</summary>
public sealed record XdsClientRejection(string TypeUrl, string Version, string Nonce, string ErrorMessage);
