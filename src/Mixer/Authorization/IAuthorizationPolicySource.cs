namespace ControlPlane.Mixer.Authorization;

/// <summary>Where the authorizer reads the newest compiled policies.</summary>
internal interface IAuthorizationPolicySource
{
    AuthorizationPolicySet Current { get; }
}
