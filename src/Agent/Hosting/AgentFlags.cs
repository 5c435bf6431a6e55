using System.Collections;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Agent.Hosting;

/// <summary>
/// The agent's flags. Each can also come from the environment, under the names Istio's agent reads
/// where it has one (<c>CA_ADDR</c>, <c>POD_NAME</c>, <c>POD_NAMESPACE</c>, <c>INSTANCE_IP</c>,
/// <c>OUTPUT_CERTS</c>, <c>SECRET_TTL</c>, <c>TRUST_DOMAIN</c>, <c>STATUS_PORT</c>); a flag on the
/// command line wins over the environment.
/// </summary>
internal static class AgentFlags
{
    public const string Program = "meshd-agent";

    public static IReadOnlyList<AgentFlag> All { get; } =
    [
        new(Option("--ca-address", nameof(AgentOptions.CaAddress), "Citadel's certificate service, HOST:PORT (TLS)"), "CA_ADDR"),
        new(Option("--xds-address", nameof(AgentOptions.XdsAddress), "Pilot's xDS over TLS, HOST:PORT (the 15012 port)"), "XDS_ADDR"),
        new(Option("--root-cert", nameof(AgentOptions.RootCert), "mesh root bundle (PEM) trusted for Citadel and Pilot, written as root-cert.pem"), "ROOT_CERT"),
        new(Option("--token-file", nameof(AgentOptions.TokenFile), "JWT presented to Citadel, re-read on every request"), "TOKEN_FILE"),
        new(Option("--output-dir", nameof(AgentOptions.OutputDir), "where cert-chain.pem, key.pem, root-cert.pem, grpc-bootstrap.json and agent-ports.json are written"), "OUTPUT_CERTS"),
        new(Option("--namespace", nameof(AgentOptions.Namespace), "the workload's namespace (node metadata)"), "POD_NAMESPACE"),
        new(Option("--pod-name", nameof(AgentOptions.PodName), "the workload's pod or instance name (node metadata)"), "POD_NAME"),
        new(Option("--node-ip", nameof(AgentOptions.NodeIp), "the workload's IP address (node metadata)"), "INSTANCE_IP"),
        new(Option("--labels", nameof(AgentOptions.Labels), "the workload's labels, KEY=VALUE[,KEY=VALUE...]"), "LABELS"),
        new(Option("--mode", nameof(AgentOptions.Mode), "proxyless (files and a gRPC bootstrap); envoy (SDS) is not supported yet"), "AGENT_MODE"),
        new(Option("--xds-proxy-port", nameof(AgentOptions.XdsProxyPort), "local plaintext xDS port for the workload (0 picks a free port)"), "XDS_PROXY_PORT"),
        new(Option("--monitoring-port", nameof(AgentOptions.MonitoringPort), "/healthz/ready and /metrics (0 picks a free port)"), "STATUS_PORT"),
        new(Option("--bind-address", nameof(AgentOptions.BindAddress), "IP address the agent's ports listen on"), "BIND_ADDRESS"),
        new(Option("--cert-ttl", nameof(AgentOptions.CertTtl), "certificate lifetime asked of Citadel ([d.]hh:mm:ss)"), "SECRET_TTL"),
        new(Option("--renew-at", nameof(AgentOptions.RenewAt), "fraction of a certificate's lifetime after which it is renewed"), "SECRET_GRACE_PERIOD_RATIO"),
        new(Option("--retry-initial", nameof(AgentOptions.RetryInitial), "first wait after a failed certificate request, doubled per failure"), "RETRY_INITIAL"),
        new(Option("--retry-max", nameof(AgentOptions.RetryMax), "longest wait between certificate requests while Citadel fails"), "RETRY_MAX"),
        new(Option("--root-check-interval", nameof(AgentOptions.RootCheckInterval), "how often --root-cert is checked for a new root"), "ROOT_CHECK_INTERVAL"),
        new(Option("--trust-domain", nameof(AgentOptions.TrustDomain), "trust domain of the SPIFFE id asked for in the CSR"), "TRUST_DOMAIN"),
        new(MeshFlags.LogLevel, "LOG_LEVEL"),
    ];

    /// <summary>The flags, with the environment variable of each in its help line.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } =
        All.Select(f => f.Flag with { Description = $"{f.Flag.Description} [env {f.EnvironmentVariable}]" }).ToList();

    /// <summary>
    /// Parses the command line over the environment: a variable is used only when its flag is not
    /// given, and a bad value in it is a usage error naming the variable.
    /// </summary>
    public static MeshCommandLineResult Parse(IReadOnlyList<string> args, IDictionary environment)
    {
        var parsed = MeshCommandLine.Parse(Program, args, Flags);
        if (!parsed.ShouldRun)
        {
            return parsed;
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (flag, variable) in All)
        {
            if (environment[variable] is string value && value.Length > 0)
            {
                if (flag.Check(value) is { } problem)
                {
                    var error = $"{variable}: {problem}";
                    return MeshCommandLineResult.ForError(error, MeshCommandLine.ErrorLine(Program, error));
                }

                settings[flag.ConfigKey] = value;
            }
        }

        foreach (var (key, value) in parsed.Settings!)
        {
            settings[key] = value;
        }

        return MeshCommandLineResult.ForRun(parsed.SwitchMappings!, settings);
    }

    private static MeshFlag Option(string name, string property, string description) =>
        MeshFlag.ForOption<AgentOptions>(name, AgentOptions.Section, property, description);
}
