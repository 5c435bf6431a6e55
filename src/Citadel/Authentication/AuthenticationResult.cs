namespace ControlPlane.Citadel.Authentication;

/// <summary>One authenticator's verdict: not applicable (no such credential), success, or failure with a reason.</summary>
internal readonly record struct AuthenticationResult(CallerIdentity? Identity, string? Failure)
{
    public static AuthenticationResult NotApplicable => default;

    public static AuthenticationResult Success(CallerIdentity identity) => new(identity, null);

    public static AuthenticationResult Fail(string reason) => new(null, reason);
}
