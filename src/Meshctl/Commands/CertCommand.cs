using System.CommandLine;

namespace ControlPlane.Meshctl.Commands;

/// <summary><c>meshctl cert</c>: workload certificates from Citadel (<c>request</c>, <c>inspect</c>).</summary>
internal static class CertCommand
{
    public static Command Create() => new("cert", "Request and inspect workload certificates")
    {
        CertRequestCommand.Create(),
        CertInspectCommand.Create(),
    };
}
