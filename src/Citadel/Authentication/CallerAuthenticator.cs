namespace ControlPlane.Citadel.Authentication;

/// <summary>
/// Runs the authenticators in order (client certificate, then bearer JWT) and takes the first
/// success; when none succeeds the call is refused with every reason.
/// </summary>
internal sealed class CallerAuthenticator(IEnumerable<ICallerAuthenticator> authenticators)
{
    private readonly ICallerAuthenticator[] _authenticators = [.. authenticators];

    public async ValueTask<CallerIdentity> AuthenticateAsync(CallerCredentials credentials, CancellationToken cancellationToken)
    {
        List<string>? failures = null;
        foreach (var authenticator in _authenticators)
        {
            var result = await authenticator.AuthenticateAsync(credentials, cancellationToken);
            if (result.Identity is { } identity)
            {
                return identity;
            }

            if (result.Failure is { } failure)
            {
                (failures ??= []).Add(failure);
            }
        }

        throw new AuthenticationFailedException(failures is null
            ? "no credentials: present a client certificate issued by this CA or an 'authorization: Bearer <JWT>' header"
            : string.Join("; ", failures));
    }
}
