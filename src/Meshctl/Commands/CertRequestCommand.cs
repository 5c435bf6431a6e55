using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ControlPlane.Citadel;
using ControlPlane.Citadel.Authentication;
using ControlPlane.Citadel.Authority;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Identity;
using Grpc.Core;
using Istio.V1.Auth;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// <c>meshctl cert request</c>: the whole workload flow. Makes a P-256 key and a CSR for
/// <c>spiffe://TD/ns/NS/sa/SA</c>, authenticates with a token (given, or minted by the local
/// issuer in the data directory), calls CreateCertificate over TLS verified with the root bundle,
/// and writes <c>key.pem</c>, <c>cert-chain.pem</c> and <c>root-cert.pem</c>.
/// </summary>
internal static class CertRequestCommand
{
    public static Command Create()
    {
        var ns = new Option<string>("--namespace") { Description = "the workload's namespace", Required = true };
        var sa = new Option<string>("--service-account") { Description = "the workload's service account", Required = true };
        var outDir = new Option<string>("--out") { Description = "directory to write key.pem, cert-chain.pem and root-cert.pem", Required = true };
        var dataDir = new Option<string>("--data-dir") { Description = "Meshd's data directory (ports.json, root-cert.pem, local issuer key)", DefaultValueFactory = _ => MeshHostOptions.DefaultDataDir };
        var address = new Option<string?>("--address") { Description = "CA address, e.g. https://127.0.0.1:8060 (default: the ca port in DATA_DIR/ports.json)" };
        var rootCert = new Option<string?>("--root-cert") { Description = "root bundle to verify the CA with (default: DATA_DIR/root-cert.pem)" };
        var token = new Option<string?>("--token") { Description = "bearer token (default: minted by the local issuer in --data-dir)" };
        var ttl = new Option<string>("--ttl") { Description = "requested certificate lifetime", DefaultValueFactory = _ => "24h" };
        var trustDomain = new Option<string>("--trust-domain") { Description = "trust domain of the SPIFFE id", DefaultValueFactory = _ => MeshIdentityOptions.DefaultTrustDomain };
        var command = new Command("request", "get a workload certificate from Citadel") { ns, sa, outDir, dataDir, address, rootCert, token, ttl, trustDomain };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var data = parseResult.GetValue(dataDir)!;
            try
            {
                var id = SpiffeId.ForServiceAccount(parseResult.GetValue(trustDomain)!, parseResult.GetValue(ns)!, parseResult.GetValue(sa)!);
                var lifetime = Duration.Parse(parseResult.GetValue(ttl)!, "--ttl");
                var rootPath = parseResult.GetValue(rootCert) ?? Path.Combine(data, CaStore.RootBundleFile);
                var rootBundle = File.ReadAllText(rootPath);
                var bearer = parseResult.GetValue(token)
                    ?? LocalJwtIssuer.Open(data).CreateToken(id.Namespace!, id.ServiceAccount!, "istio-ca", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
                var target = new Uri(parseResult.GetValue(address) ?? CaAddressFrom(data));

                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var request = new CertificateRequest(string.Empty, key, HashAlgorithmName.SHA256);
                var san = new SubjectAlternativeNameBuilder();
                san.AddUri(new Uri(id.ToString()));
                request.CertificateExtensions.Add(san.Build(critical: true));

                using var channel = RootTrustChannel.Create(target, rootBundle);
                var client = new IstioCertificateService.IstioCertificateServiceClient(channel);
                var response = await client.CreateCertificateAsync(
                    new IstioCertificateRequest { Csr = request.CreateSigningRequestPem(), ValidityDuration = (long)lifetime.TotalSeconds },
                    new Metadata { { "authorization", $"Bearer {bearer}" } },
                    DateTime.UtcNow.AddSeconds(30),
                    cancellationToken);

                var output = parseResult.GetValue(outDir)!;
                Directory.CreateDirectory(output);
                SecretFile.Write(Path.Combine(output, "key.pem"), key.ExportPkcs8PrivateKeyPem() + "\n");
                File.WriteAllText(Path.Combine(output, "cert-chain.pem"), string.Concat(response.CertChain.Select(c => c.EndsWith('\n') ? c : c + "\n")));
                File.WriteAllText(Path.Combine(output, "root-cert.pem"), rootBundle);
                parseResult.InvocationConfiguration.Output.WriteLine($"{id}: wrote key.pem, cert-chain.pem ({response.CertChain.Count} certificates) and root-cert.pem to {output}");
                return 0;
            }
            catch (RpcException e)
            {
                error.WriteLine($"meshctl cert request: the CA refused: {e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or CaConfigurationException or JsonException)
            {
                error.WriteLine($"meshctl cert request: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string CaAddressFrom(string dataDir)
    {
        var portsFile = Path.Combine(dataDir, "ports.json");
        var port = File.Exists(portsFile)
            && JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(portsFile)) is { } ports
            && ports.TryGetValue(MeshPort.Ca.Key, out var bound)
                ? bound
                : MeshPort.Ca.DefaultPort;
        return $"https://127.0.0.1:{port}";
    }
}
