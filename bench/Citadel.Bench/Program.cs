using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel;
using ControlPlane.Citadel.Api;
using ControlPlane.Citadel.Authentication;
using ControlPlane.Citadel.Authority;
using ControlPlane.Citadel.Bench;
using ControlPlane.Shared.Hosting;
using Grpc.Core;
using Grpc.Net.Client;
using Istio.V1.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

// Citadel issuance harness: see bench/README.md ("Citadel") for how to run it and the results.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var duration = TimeSpan.FromSeconds(seconds);
var cores = Environment.ProcessorCount;
var speed = await OpenSslSpeed.MeasureAsync(seconds);
Console.WriteLine($"machine: {cores} cores, {CpuModel()}");
Console.WriteLine($"openssl speed ecdsap256: sign {speed.SignPerSecond:F0}/s, verify {speed.VerifyPerSecond:F0}/s => limit {speed.LimitPerCore:F0} certs/s per core");

var csrs = Workload.Csrs(4096);
var dataDir = Path.Combine(Path.GetTempPath(), "citadel-bench-" + Guid.NewGuid().ToString("N"));
var app = MeshHost.Build(CitadelHost.Definition, ["--bind-address", "127.0.0.1", "--data-dir", dataDir, "--ca-port", "0", "--monitoring-port", "0", "--log-level", "Warning"]);
await app.StartAsync();
var authority = app.Services.GetRequiredService<CertificateAuthority>();
var handler = app.Services.GetRequiredService<CertificateRequestHandler>();
var token = LocalJwtIssuer.Open(dataDir).CreateToken(Workload.Namespace, Workload.ServiceAccount, "istio-ca", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
var credentials = new CallerCredentials(null, $"Bearer {token}");

Console.WriteLine("| stage | CPU us per op |");
Console.WriteLine("|---|---|");
Stages.Print(authority, csrs);
Console.WriteLine();

void Report(string name, Throughput.Result r, int coresUsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {r.Workers} | {r.PerSecond:F0} | {r.PerSecond / (speed.LimitPerCore * coresUsed):P1} | {r.PerCpuSecond:F0} | {r.PerCpuSecond / speed.LimitPerCore:P1} | {r.P50Ms:F2} | {r.P99Ms:F2} |"));

Console.WriteLine("| scenario | workers | certs/s (wall) | of wall limit (cores x limit) | certs per CPU-second | of per-core limit | p50 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");

// Stock .NET path for comparison: CertificateRequest loads and verifies the CSR, then builds the leaf.
var caKey = (ECDsa)authority.State.Signing.Key;
var generator = X509SignatureGenerator.CreateForECDsa(caKey);
var issuerName = authority.State.Signing.Certificate.SubjectName;
void Stock(long i)
{
    var request = CertificateRequest.LoadSigningRequestPem(csrs[i & 4095], HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
    var serial = RandomNumberGenerator.GetBytes(16);
    serial[0] &= 0x7F;
    using var leaf = request.Create(issuerName, generator, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(24), serial);
    _ = leaf.ExportCertificatePem();
}

Report("stock .NET CertificateRequest (in process)", Throughput.Threads(1, duration, (_, i) => Stock(i)), 1);

// Citadel's own path: direct DER parse + verify, templated TBS + sign.
void Core(long i)
{
    var csr = CsrParser.Parse(csrs[i & 4095]);
    var now = DateTimeOffset.UtcNow;
    _ = authority.Issue(new LeafSpec(csr.SubjectPublicKeyInfo, csr.KeyKind, ControlPlane.Shared.Identity.SpiffeId.Parse(Workload.Identity), now.AddMinutes(-5), now.AddHours(24)));
}

Report("Citadel core: parse+verify+issue (in process)", Throughput.Threads(1, duration, (_, i) => Core(i)), 1);
Report("Citadel core: parse+verify+issue (in process)", Throughput.Threads(cores, duration, (_, i) => Core(i)), cores);
Report("Citadel handler: auth+authorize+issue+metrics (in process)", await Throughput.Async(1, duration, async (_, i) => await handler.HandleAsync(credentials, csrs[i & 4095], 0, default)), 1);
Report("Citadel handler: auth+authorize+issue+metrics (in process)", await Throughput.Async(cores, duration, async (w, i) => await handler.HandleAsync(credentials, csrs[(i + (w * 997)) & 4095], 0, default)), cores);

// End to end: real gRPC over TLS on 127.0.0.1 to the Citadel executable in its own process; the
// load generator (this process) shares the same cores. "server CPU" charges Citadel alone.
await app.StopAsync();
using var server = await CitadelProcess.StartAsync();
var serverToken = LocalJwtIssuer.Open(server.DataDir).CreateToken(Workload.Namespace, Workload.ServiceAccount, "istio-ca", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
var channels = Enumerable.Range(0, 4).Select(_ => GrpcChannel.ForAddress(new Uri($"https://127.0.0.1:{server.CaPort}"), new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } },
})).ToArray();
var clients = channels.Select(c => new IstioCertificateService.IstioCertificateServiceClient(c)).ToArray();
var headers = new Metadata { { "authorization", $"Bearer {serverToken}" } };
Console.WriteLine();
Console.WriteLine("| end to end gRPC/TLS CreateCertificate | callers | certs/s (wall) | of wall limit (cores x limit) | certs per server CPU-second | of per-core limit | p50 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
async Task<Throughput.Result> Callers(int callers) => await Throughput.Async(callers, duration, async (w, i) =>
    await clients[w % clients.Length].CreateCertificateAsync(new IstioCertificateRequest { Csr = csrs[(i + (w * 997)) & 4095] }, headers));

await Callers(16); // warm-up: the new process's JIT tiers up and its thread pool grows before anything is measured
foreach (var callers in new[] { 1, 4, 16 })
{
    var cpuBefore = server.CpuTime;
    var result = await Callers(callers);
    var serverCpu = (server.CpuTime - cpuBefore).TotalSeconds;
    var perServerCpu = result.Operations / serverCpu;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| Citadel process, {channels.Length} channels | {callers} | {result.PerSecond:F0} | {result.PerSecond / (speed.LimitPerCore * cores):P1} | {perServerCpu:F0} | {perServerCpu / speed.LimitPerCore:P1} | {result.P50Ms:F2} | {result.P99Ms:F2} |"));
}

foreach (var channel in channels)
{
    channel.Dispose();
}

Directory.Delete(dataDir, recursive: true);

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : "unknown CPU";
