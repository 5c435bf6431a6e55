using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Gateway servers: at least one; each with hosts in <c>namespace/host</c> form or a plain host
/// (FQDN, wildcard first label, or IP; no short names); port names unique across servers; the
/// Gateway's own name a DNS-1123 label.
/// </summary>
internal sealed class GatewayServersRule() : ValidationRule<Gateway>(ConfigKinds.Gateway)
{
    protected override void Validate(Gateway spec, ValidationContext context)
    {
        if (!Hosts.IsDns1123Label(context.Config.Meta.Name))
        {
            context.Error("metadata.name", $"invalid gateway name: \"{context.Config.Meta.Name}\"");
        }

        if (spec.Servers.Count == 0)
        {
            context.Error("spec.servers", "gateway must have at least one server");
        }

        var portNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Servers.Count; i++)
        {
            var server = spec.Servers[i];
            var path = $"spec.servers[{i}]";
            if (server.Hosts.Count == 0)
            {
                context.Error($"{path}.hosts", "server config must contain at least one host");
            }

            for (var h = 0; h < server.Hosts.Count; h++)
            {
                foreach (var error in NamespacedHosts.Check(server.Hosts[h], isGateway: true))
                {
                    context.Error($"{path}.hosts[{h}]", error);
                }
            }

            if (server.Port is { } port && !portNames.Add(port.Name))
            {
                context.Error($"{path}.port.name", $"port names in servers must be unique: duplicate name {port.Name}");
            }
        }
    }
}
