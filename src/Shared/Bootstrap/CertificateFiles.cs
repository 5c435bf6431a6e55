namespace ControlPlane.Shared.Bootstrap;

/// <summary>The PEM files a gRPC <c>file_watcher</c> certificate provider reads (as <c>meshctl cert request</c> writes them).</summary>
/// <param name="CertificateChain">The workload's certificate chain, leaf first.</param>
/// <param name="PrivateKey">The workload's private key.</param>
/// <param name="RootCertificates">The roots peers are verified against.</param>
public sealed record CertificateFiles(string CertificateChain, string PrivateKey, string RootCertificates)
{
    /// <summary>The file names <c>meshctl cert request --out DIR</c> writes, in <paramref name="directory"/>.</summary>
    public static CertificateFiles In(string directory) => new(
        Path.Combine(directory, "cert-chain.pem"),
        Path.Combine(directory, "key.pem"),
        Path.Combine(directory, "root-cert.pem"));
}
