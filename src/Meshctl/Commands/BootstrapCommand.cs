using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ControlPlane.Shared.Bootstrap;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// <c>meshctl bootstrap</c>: prints the gRPC xDS bootstrap for one workload (see
/// <see cref="GrpcBootstrap"/>) to stdout, for a proxyless client's <c>GRPC_XDS_BOOTSTRAP</c>.
/// The xDS address defaults to 127.0.0.1 and the xds port in <c>DATA_DIR/ports.json</c> (15010
/// when there is none). Exit 2 when a value is malformed.
/// </summary>
internal static partial class BootstrapCommand
{
    public static Command Create()
    {
        var podName = new Option<string>("--pod-name") { Description = "The workload's pod (or instance) name", Required = true };
        var ns = new Option<string>("--namespace") { Description = "The workload's namespace", DefaultValueFactory = _ => "default" };
        var ip = new Option<string>("--ip") { Description = "The workload's IP address", DefaultValueFactory = _ => "127.0.0.1" };
        var labels = new Option<string[]>("--labels") { Description = "The workload's labels, KEY=VALUE[,KEY=VALUE...]; repeatable" };
        var xds = new Option<string?>("--xds-address") { Description = "Pilot's xDS address, HOST:PORT (default: 127.0.0.1 and the xds port in DATA_DIR/ports.json, else 15010)" };
        var dataDir = new Option<string>("--data-dir") { Description = "Data directory of a running Meshd, read for the default xDS address", DefaultValueFactory = _ => MeshHostOptions.DefaultDataDir };
        var certDir = new Option<string?>("--cert-dir") { Description = "Directory with cert-chain.pem, key.pem and root-cert.pem (as meshctl cert request --out writes them)" };
        var certChain = new Option<string?>("--cert-chain") { Description = "Certificate chain file for the certificate provider (with --key and --root-cert)" };
        var key = new Option<string?>("--key") { Description = "Private key file for the certificate provider" };
        var rootCert = new Option<string?>("--root-cert") { Description = "Root certificates file for the certificate provider" };
        var command = new Command("bootstrap", "Print a gRPC xDS bootstrap (GRPC_XDS_BOOTSTRAP) for a proxyless workload")
        {
            podName, ns, ip, labels, xds, dataDir, certDir, certChain, key, rootCert,
        };
        command.SetAction((parse, _) =>
        {
            var settings = new BootstrapSettings(
                XdsAddress(parse.GetValue(xds), parse.GetValue(dataDir)!),
                Name(parse.GetValue(podName)!, "--pod-name", DnsSubdomain(), 253),
                Name(parse.GetValue(ns)!, "--namespace", DnsLabel(), 63),
                Ip(parse.GetValue(ip)!),
                Labels(parse.GetValue(labels) ?? []),
                Certificates(parse.GetValue(certDir), parse.GetValue(certChain), parse.GetValue(key), parse.GetValue(rootCert)));
            parse.InvocationConfiguration.Output.WriteLine(GrpcBootstrap.Create(settings).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string XdsAddress(string? given, string dataDir)
    {
        if (given is null)
        {
            return $"127.0.0.1:{MeshdPorts.Read(dataDir).Port(MeshPort.Xds) ?? MeshPort.Xds.DefaultPort}";
        }

        var colon = given.LastIndexOf(':');
        if (given.Contains("://", StringComparison.Ordinal)
            || colon <= 0
            || !int.TryParse(given[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            throw MeshctlException.Usage($"--xds-address '{given}' is not HOST:PORT; give it without a scheme, e.g. --xds-address 127.0.0.1:15010");
        }

        return given;
    }

    private static string Name(string value, string flag, Regex pattern, int maxLength) =>
        value.Length <= maxLength && pattern.IsMatch(value)
            ? value
            : throw MeshctlException.Usage($"{flag} '{value}' is not a valid Kubernetes name; use lowercase letters, digits and '-' (at most {maxLength} characters)");

    private static string Ip(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address.ToString()
            : throw MeshctlException.Usage($"--ip '{value}' is not an IP address; give the workload's address, e.g. --ip 10.0.0.5");

    private static List<KeyValuePair<string, string>> Labels(string[] values)
    {
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var pair in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw MeshctlException.Usage($"--labels '{pair}' is not KEY=VALUE; write labels as --labels app=web,version=v1");
            }

            labels.RemoveAll(l => l.Key == pair[..equals]);
            labels.Add(new(pair[..equals], pair[(equals + 1)..]));
        }

        return labels;
    }

    private static CertificateFiles? Certificates(string? directory, string? chain, string? key, string? roots)
    {
        var files = new[] { chain, key, roots };
        if (directory is not null)
        {
            return files.Any(f => f is not null)
                ? throw MeshctlException.Usage("--cert-dir names all three certificate files; drop --cert-chain, --key and --root-cert, or drop --cert-dir")
                : CertificateFiles.In(Path.GetFullPath(directory));
        }

        if (files.All(f => f is null))
        {
            return null;
        }

        return files.Any(f => f is null)
            ? throw MeshctlException.Usage("--cert-chain, --key and --root-cert go together; give all three, or --cert-dir DIR")
            : new CertificateFiles(Path.GetFullPath(chain!), Path.GetFullPath(key!), Path.GetFullPath(roots!));
    }

    // Kubernetes object names: DNS-1123 subdomains for pods, labels for namespaces. Neither can hold
    // '~', the node id's separator.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
