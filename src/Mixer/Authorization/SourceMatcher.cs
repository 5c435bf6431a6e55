namespace ControlPlane.Mixer.Authorization;

/// <summary>One <c>from.source</c>: every field given must match (AND); values within a field are ORed.</summary>
internal sealed class SourceMatcher(
    ValueMatcher? principals,
    ValueMatcher? requestPrincipals,
    ValueMatcher? namespaces,
    ValueMatcher? serviceAccounts,
    ValueMatcher? trustDomains,
    IpMatcher? ipBlocks,
    IpMatcher? remoteIpBlocks)
{
    public bool Matches(CheckAttributes request) =>
        (principals?.Matches(request.SourcePrincipal) ?? true)
        && (requestPrincipals?.Matches(request.RequestPrincipal) ?? true)
        && (namespaces?.Matches(request.SourceNamespace) ?? true)
        && (serviceAccounts?.Matches(request.SourceServiceAccount) ?? true)
        && (trustDomains?.Matches(request.SourceTrustDomain) ?? true)
        && (ipBlocks?.Matches(request.SourceIp) ?? true)
        && (remoteIpBlocks?.Matches(request.RemoteIp) ?? true);
}
