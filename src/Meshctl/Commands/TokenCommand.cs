using System.CommandLine;
using ControlPlane.Citadel;
using ControlPlane.Citadel.Authentication;
using ControlPlane.Citadel.Authority;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// <c>meshctl token</c>: prints a service account token signed by the local JWT issuer whose key
/// Meshd keeps in its data directory, so a certificate can be had without Kubernetes.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Meshd's data directory (holds jwt/issuer-key.pem)", Required = true };
        var ns = new Option<string>("--namespace") { Description = "The workload's namespace", Required = true };
        var sa = new Option<string>("--service-account") { Description = "The workload's service account", Required = true };
        var ttl = new Option<string>("--ttl") { Description = "Token lifetime, e.g. 1h", DefaultValueFactory = _ => "1h" };
        var audience = new Option<string>("--audience") { Description = "Token audience", DefaultValueFactory = _ => "istio-ca" };
        var command = new Command("token", "Print a service account token from the local JWT issuer") { dataDir, ns, sa, ttl, audience };
        command.SetAction((parseResult, _) =>
        {
            TimeSpan lifetime;
            try
            {
                lifetime = Duration.Parse(parseResult.GetValue(ttl)!, "--ttl");
            }
            catch (CaConfigurationException e)
            {
                throw MeshctlException.Usage(e.Message);
            }

            LocalJwtIssuer issuer;
            try
            {
                issuer = LocalJwtIssuer.Open(parseResult.GetValue(dataDir)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CaConfigurationException)
            {
                throw new MeshctlException(e.Message);
            }

            parseResult.InvocationConfiguration.Output.WriteLine(issuer.CreateToken(parseResult.GetValue(ns)!, parseResult.GetValue(sa)!, parseResult.GetValue(audience)!, lifetime, DateTimeOffset.UtcNow));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
