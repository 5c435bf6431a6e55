namespace ControlPlane.Citadel.Authentication;

/// <summary>One way of proving an identity to the CA; authenticators are tried in registration order.</summary>
internal interface ICallerAuthenticator
{
    ValueTask<AuthenticationResult> AuthenticateAsync(CallerCredentials credentials, CancellationToken cancellationToken);
}
