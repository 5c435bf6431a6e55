using System.Globalization;
using System.Net;
using Google.Protobuf.Collections;
using Istio.Security.V1Beta1;

namespace ControlPlane.Mixer.Authorization;

/// <summary>Compiles one AuthorizationPolicy rule's <c>from</c>, <c>to</c> and <c>when</c>.</summary>
internal static class RuleCompiler
{
    public static CompiledRule Compile(Rule rule, RuleErrors errors)
    {
        var from = new SourceMatcher[rule.From.Count];
        for (var i = 0; i < from.Length; i++)
        {
            from[i] = CompileSource(rule.From[i].Source ?? new Source(), $"from[{i}].source", errors);
        }

        var to = new OperationMatcher[rule.To.Count];
        for (var i = 0; i < to.Length; i++)
        {
            to[i] = CompileOperation(rule.To[i].Operation ?? new Operation(), $"to[{i}].operation", errors);
        }

        var when = new ConditionMatcher[rule.When.Count];
        for (var i = 0; i < when.Length; i++)
        {
            when[i] = ConditionCompiler.Compile(rule.When[i], $"when[{i}]", errors);
        }

        return new CompiledRule(from, to, when);
    }

    private static SourceMatcher CompileSource(Source source, string path, RuleErrors errors) => new(
        ValueMatcher.Create(source.Principals, source.NotPrincipals),
        ValueMatcher.Create(source.RequestPrincipals, source.NotRequestPrincipals),
        ValueMatcher.Create(source.Namespaces, source.NotNamespaces),
        ValueMatcher.Create(source.ServiceAccounts, source.NotServiceAccounts),
        ValueMatcher.Create(source.TrustDomains, source.NotTrustDomains),
        Ips(source.IpBlocks, source.NotIpBlocks, $"{path}.ipBlocks", $"{path}.notIpBlocks", errors),
        Ips(source.RemoteIpBlocks, source.NotRemoteIpBlocks, $"{path}.remoteIpBlocks", $"{path}.notRemoteIpBlocks", errors));

    private static OperationMatcher CompileOperation(Operation operation, string path, RuleErrors errors)
    {
        CheckPorts(operation.Ports, $"{path}.ports", errors);
        CheckPorts(operation.NotPorts, $"{path}.notPorts", errors);
        return new OperationMatcher(
            ValueMatcher.Create(operation.Hosts, operation.NotHosts, ignoreCase: true),
            ValueMatcher.Create(operation.Ports, operation.NotPorts),
            ValueMatcher.Create(operation.Methods, operation.NotMethods),
            ValueMatcher.Create(operation.Paths, operation.NotPaths));
    }

    internal static IpMatcher? Ips(IReadOnlyList<string> blocks, IReadOnlyList<string> notBlocks, string path, string notPath, RuleErrors errors)
    {
        if (blocks.Count == 0 && notBlocks.Count == 0)
        {
            return null;
        }

        return new IpMatcher(Parse(blocks, path, errors), Parse(notBlocks, notPath, errors));
    }

    internal static void CheckPorts(RepeatedField<string> ports, string path, RuleErrors errors)
    {
        for (var i = 0; i < ports.Count; i++)
        {
            if (!int.TryParse(ports[i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                errors.Add($"{path}[{i}]", $"'{ports[i]}' is not a port number (1..65535)");
            }
        }
    }

    private static IPNetwork[] Parse(IReadOnlyList<string> texts, string path, RuleErrors errors)
    {
        var networks = new List<IPNetwork>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (IpMatcher.TryParse(texts[i], out var network))
            {
                networks.Add(network);
            }
            else
            {
                errors.Add($"{path}[{i}]", $"'{texts[i]}' is not an IP address or CIDR range");
            }
        }

        return [.. networks];
    }
}
