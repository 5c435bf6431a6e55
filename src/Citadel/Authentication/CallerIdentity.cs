using ControlPlane.Shared.Identity;

namespace ControlPlane.Citadel.Authentication;

/// <summary>Who the caller proved to be, and by which authenticator.</summary>
internal sealed record CallerIdentity(SpiffeId Id, string AuthenticatedBy);
