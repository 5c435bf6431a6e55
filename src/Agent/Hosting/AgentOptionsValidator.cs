using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Hosting;

/// <summary>Reports every unusable agent setting at once, each by its flag, with what to do.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new List<string>();
        CheckAddress(options.CaAddress, "--ca-address", failures);
        CheckAddress(options.XdsAddress, "--xds-address", failures);
        if (options.RootCert.Length == 0)
        {
            failures.Add("--root-cert is required: name the mesh root bundle (Meshd writes DATA_DIR/root-cert.pem)");
        }

        if (options.TokenFile.Length == 0)
        {
            failures.Add("--token-file is required: name a file holding the workload's JWT (meshctl token prints one)");
        }

        if (options.Mode == "envoy")
        {
            failures.Add("--mode envoy is not supported yet (SDS for Envoy); use --mode proxyless");
        }
        else if (options.Mode != "proxyless")
        {
            failures.Add($"--mode '{options.Mode}' is not proxyless or envoy");
        }

        if (!IPAddress.TryParse(options.NodeIp, out _))
        {
            failures.Add($"--node-ip '{options.NodeIp}' is not an IP address");
        }

        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"--bind-address '{options.BindAddress}' is not an IP address");
        }

        if (!WorkloadLabels.TryParse(options.Labels, out _, out var labelError))
        {
            failures.Add($"--labels {labelError}");
        }

        CheckPort(options.XdsProxyPort, "--xds-proxy-port", failures);
        CheckPort(options.MonitoringPort, "--monitoring-port", failures);
        if (options.CertTtl < TimeSpan.FromSeconds(1))
        {
            failures.Add($"--cert-ttl {options.CertTtl} is shorter than a second");
        }

        if (options.RenewAt is <= 0 or >= 1)
        {
            failures.Add($"--renew-at {options.RenewAt.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1 (exclusive), e.g. 0.5");
        }

        if (options.RetryInitial <= TimeSpan.Zero || options.RetryMax < options.RetryInitial)
        {
            failures.Add("--retry-initial must be positive and at most --retry-max");
        }

        if (options.RootCheckInterval <= TimeSpan.Zero)
        {
            failures.Add("--root-check-interval must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddress(string value, string flag, List<string> failures)
    {
        var colon = value.LastIndexOf(':');
        if (value.Contains("://", StringComparison.Ordinal) || colon <= 0
            || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            failures.Add($"{flag} '{value}' is not HOST:PORT; give it without a scheme, e.g. 127.0.0.1:8060");
        }
    }

    private static void CheckPort(int port, string flag, List<string> failures)
    {
        if (port is < 0 or > 65535)
        {
            failures.Add($"{flag} {port} is not a port number (0..65535)");
        }
    }
}
