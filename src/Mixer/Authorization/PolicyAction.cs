namespace ControlPlane.Mixer.Authorization;

/// <summary>AuthorizationPolicy actions, in the order they are evaluated (AUDIT never decides).</summary>
internal enum PolicyAction
{
    Custom,
    Deny,
    Allow,
    Audit,
}
