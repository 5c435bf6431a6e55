using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel;
using ControlPlane.Citadel.Authentication;
using ControlPlane.Citadel.Authority;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Identity;
using Grpc.Core;
using Grpc.Net.Client;
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
        var ns = new Option<string>("--namespace") { Description = "The workload's namespace", Required = true };
        var sa = new Option<string>("--service-account") { Description = "The workload's service account", Required = true };
        var outDir = new Option<string>("--out") { Description = "Directory to write key.pem, cert-chain.pem and root-cert.pem", Required = true };
        var dataDir = new Option<string>("--data-dir") { Description = "Meshd's data directory (ports.json, root-cert.pem, local issuer key)", DefaultValueFactory = _ => MeshHostOptions.DefaultDataDir };
        var address = new Option<string?>("--address") { Description = "CA address, e.g. https://127.0.0.1:8060 (default: the ca port in DATA_DIR/ports.json)" };
        var rootCert = new Option<string?>("--root-cert") { Description = "Root bundle to verify the CA with (default: DATA_DIR/root-cert.pem)" };
        var token = new Option<string?>("--token") { Description = "Bearer token (default: minted by the local issuer in --data-dir)" };
        var ttl = new Option<string>("--ttl") { Description = "Requested certificate lifetime", DefaultValueFactory = _ => "24h" };
        var trustDomain = new Option<string>("--trust-domain") { Description = "Trust domain of the SPIFFE id", DefaultValueFactory = _ => MeshIdentityOptions.DefaultTrustDomain };
        var command = new Command("request", "Get a workload certificate from Citadel") { ns, sa, outDir, dataDir, address, rootCert, token, ttl, trustDomain };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var data = parseResult.GetValue(dataDir)!;
            var id = Identity(parseResult.GetValue(trustDomain)!, parseResult.GetValue(ns)!, parseResult.GetValue(sa)!);
            var lifetime = Lifetime(parseResult.GetValue(ttl)!);
            var given = parseResult.GetValue(address);
            var ports = MeshdPorts.Read(data);
            if (given is null && !ports.Found)
            {
                throw ports.NotRunning("--address https://HOST:PORT with --root-cert FILE");
            }

            var rootBundle = ReadRoots(parseResult.GetValue(rootCert), data);
            var bearer = parseResult.GetValue(token) ?? LocalToken(data, id);
            var target = Target(given ?? $"https://127.0.0.1:{ports.Port(MeshPort.Ca) ?? MeshPort.Ca.DefaultPort}");

            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(string.Empty, key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddUri(new Uri(id.ToString()));
            request.CertificateExtensions.Add(san.Build(critical: true));

            IstioCertificateResponse response;
            using (var channel = Channel(target, rootBundle, parseResult.GetValue(rootCert) ?? Path.Combine(data, CaStore.RootBundleFile)))
            {
                var client = new IstioCertificateService.IstioCertificateServiceClient(channel);
                try
                {
                    response = await client.CreateCertificateAsync(
                        new IstioCertificateRequest { Csr = request.CreateSigningRequestPem(), ValidityDuration = (long)lifetime.TotalSeconds },
                        new Metadata { { "authorization", $"Bearer {bearer}" } },
                        DateTime.UtcNow.AddSeconds(30),
                        cancellationToken);
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                {
                    throw new MeshctlException($"cannot reach the CA at {target} ({e.Status.Detail}): is Meshd running? Start it with scripts/run-meshd.sh, or check --address and --data-dir");
                }
                catch (RpcException e)
                {
                    throw new MeshctlException($"the CA refused: {e.StatusCode}: {e.Status.Detail}; check --namespace, --service-account and --token");
                }
            }

            var output = parseResult.GetValue(outDir)!;
            try
            {
                Directory.CreateDirectory(output);
                SecretFile.Write(Path.Combine(output, "key.pem"), key.ExportPkcs8PrivateKeyPem() + "\n");
                File.WriteAllText(Path.Combine(output, "cert-chain.pem"), string.Concat(response.CertChain.Select(c => c.EndsWith('\n') ? c : c + "\n")));
                File.WriteAllText(Path.Combine(output, "root-cert.pem"), rootBundle);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new MeshctlException($"cannot write to {output} ({e.Message}); choose a writable directory with --out");
            }

            parseResult.InvocationConfiguration.Output.WriteLine($"{id}: wrote key.pem, cert-chain.pem ({response.CertChain.Count} certificates) and root-cert.pem to {output}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static SpiffeId Identity(string trustDomain, string ns, string serviceAccount)
    {
        try
        {
            var id = SpiffeId.ForServiceAccount(trustDomain, ns, serviceAccount);
            return id.Namespace == ns && id.ServiceAccount == serviceAccount
                ? id
                : throw new FormatException($"'{id}' is not spiffe://TRUST_DOMAIN/ns/NAMESPACE/sa/SERVICE_ACCOUNT");
        }
        catch (FormatException e)
        {
            throw MeshctlException.Usage($"{e.Message}; check --trust-domain, --namespace and --service-account");
        }
    }

    private static GrpcChannel Channel(Uri target, string rootBundle, string rootPath)
    {
        try
        {
            return RootTrustChannel.Create(target, rootBundle);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw MeshctlException.Usage($"{rootPath}: {e.Message}; name the CA's PEM root bundle with --root-cert (Meshd writes DATA_DIR/root-cert.pem)");
        }
    }

    private static TimeSpan Lifetime(string text)
    {
        try
        {
            return Duration.Parse(text, "--ttl");
        }
        catch (CaConfigurationException e)
        {
            throw MeshctlException.Usage(e.Message);
        }
    }

    private static string ReadRoots(string? given, string dataDir)
    {
        var path = given ?? Path.Combine(dataDir, CaStore.RootBundleFile);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw given is null
                ? new MeshctlException($"cannot read {path} ({e.Message}): is Meshd running with --data-dir {dataDir}? Or pass --root-cert FILE")
                : MeshctlException.Usage($"--root-cert {path}: {e.Message}; name the CA's root bundle (Meshd writes DATA_DIR/root-cert.pem)");
        }
    }

    private static string LocalToken(string dataDir, SpiffeId id)
    {
        try
        {
            return LocalJwtIssuer.Open(dataDir).CreateToken(id.Namespace!, id.ServiceAccount!, "istio-ca", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CaConfigurationException)
        {
            throw new MeshctlException($"{e.Message}; or pass a token with --token (meshctl token prints one)");
        }
    }

    private static Uri Target(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw MeshctlException.Usage($"--address '{address}' is not an https:// URL; e.g. --address https://127.0.0.1:8060");
}
