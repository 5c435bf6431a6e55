using Prometheus;

namespace ControlPlane.Mixer.Authorization;

/// <summary>Check outcomes: allowed, denied (by which action), rejected as malformed, or unanswered before config loaded.</summary>
internal sealed class AuthorizationMetrics
{
    private readonly Counter.Child allowed;
    private readonly Counter.Child deniedCustom;
    private readonly Counter.Child deniedDeny;
    private readonly Counter.Child deniedNoAllow;
    private readonly Counter.Child malformed;
    private readonly Counter.Child unavailable;

    public AuthorizationMetrics(IMetricFactory factory)
    {
        var checks = factory.CreateCounter("mixer_authz_checks_total", "ext_authz Check answers by result.", ["result"]);
        allowed = checks.WithLabels("allowed");
        deniedCustom = checks.WithLabels("denied_custom");
        deniedDeny = checks.WithLabels("denied_deny");
        deniedNoAllow = checks.WithLabels("denied_no_allow");
        malformed = checks.WithLabels("malformed");
        unavailable = checks.WithLabels("unavailable");
    }

    public void Record(AuthorizationDecision decision) =>
        (decision.Allowed ? allowed : decision.DeniedBy switch
        {
            PolicyAction.Custom => deniedCustom,
            PolicyAction.Deny => deniedDeny,
            _ => deniedNoAllow,
        }).Inc();

    public void Malformed() => malformed.Inc();

    public void Unavailable() => unavailable.Inc();
}
