namespace ControlPlane.Mixer.Authorization;

/// <summary>Where the authorizer reads the newest compiled policies.</summary>
internal interface IAuthorizationPolicySource
{
    AuthorizationPolicySet Current { get; }

    /// <summary>False until the first config snapshot is compiled: until then no decision can be made.</summary>
    bool IsLoaded { get; }
}
