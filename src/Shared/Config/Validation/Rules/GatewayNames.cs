using ControlPlane.Shared.Config.Validation.Checks;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>References to Gateways from VirtualServices: <c>namespace/name</c>, a plain name, or <c>mesh</c>.</summary>
internal static class GatewayNames
{
    public static void Check(string path, string name, ValidationContext context)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                var parts = name.Split('.');
                context.Warning(path, $"using legacy gatewayName format \"{name}\"; prefer the <namespace>/<name> format: \"{parts[1]}/{parts[0]}\"");
            }

            context.ErrorIf(path, Hosts.CheckFqdn(name));
            return;
        }

        var ns = name[..slash];
        var gateway = name[(slash + 1)..];
        if (ns.Length == 0 || gateway.Length == 0)
        {
            context.Error(path, "config namespace and gateway name cannot be empty");
        }

        if (!Hosts.IsDns1123Label(ns))
        {
            context.Error(path, $"invalid value for namespace: \"{ns}\"");
        }

        if (!Hosts.IsDns1123Label(gateway))
        {
            context.Error(path, $"invalid value for gateway name: \"{gateway}\"");
        }
    }
}
