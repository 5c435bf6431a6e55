namespace ControlPlane.Shared.Config;

/// <summary>How serious a diagnostic is; the names match istioctl's levels.</summary>
public enum DiagnosticLevel
{
    Error,
    Warning,
    Info,
}
