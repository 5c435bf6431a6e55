using Prometheus;

namespace ControlPlane.Mixer.Authorization;

/// <summary>Check outcomes: allowed, denied (by which action), rejected as malformed, or unanswered before config loaded.</summary>
internal sealed class AuthorizationMetrics
{
    private readonly Counter.Child _allowed;
    private readonly Counter.Child _deniedCustom;
    private readonly Counter.Child _deniedDeny;
    private readonly Counter.Child _deniedNoAllow;
    private readonly Counter.Child _malformed;
    private readonly Counter.Child _unavailable;

    public AuthorizationMetrics(IMetricFactory factory)
    {
        var checks = factory.CreateCounter("mixer_authz_checks_total", "ext_authz Check answers by result.", ["result"]);
        _allowed = checks.WithLabels("allowed");
        _deniedCustom = checks.WithLabels("denied_custom");
        _deniedDeny = checks.WithLabels("denied_deny");
        _deniedNoAllow = checks.WithLabels("denied_no_allow");
        _malformed = checks.WithLabels("malformed");
        _unavailable = checks.WithLabels("unavailable");
    }

    public void Record(AuthorizationDecision decision) =>
        (decision.Allowed ? _allowed : decision.DeniedBy switch
        {
            PolicyAction.Custom => _deniedCustom,
            PolicyAction.Deny => _deniedDeny,
            _ => _deniedNoAllow,
        }).Inc();

    public void Malformed() => _malformed.Inc();

    public void Unavailable() => _unavailable.Inc();
}
