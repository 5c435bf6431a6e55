using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Galley.Admission;

/// <summary>
/// The webhook's serving certificate, read from PEM files and read again when either file changes
/// (cert-manager and Kubernetes Secret mounts rotate them in place). A change that does not load
/// (say, the certificate written before its key) keeps the previous certificate and is logged.
/// </summary>
internal sealed class WebhookCertificate
{
    private readonly string _certFile;
    private readonly string _keyFile;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private (DateTime Cert, DateTime Key) _loadedStamps;
    private X509Certificate2 _current;

    public WebhookCertificate(string certFile, string keyFile, ILogger logger)
    {
        _certFile = certFile;
        _keyFile = keyFile;
        _logger = logger;
        _loadedStamps = Stamps();
        _current = Load(certFile, keyFile);
    }

    /// <summary>The certificate to present now; called on each TLS handshake.</summary>
    public X509Certificate2 Current
    {
        get
        {
            var stamps = Stamps();
            if (stamps == _loadedStamps)
            {
                return _current;
            }

            lock (_lock)
            {
                if (stamps != _loadedStamps)
                {
                    try
                    {
                        _current = Load(_certFile, _keyFile);
                        AdmissionLog.CertificateReloaded(_logger, _certFile, _current.Subject, _current.NotAfter);
                    }
                    catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
                    {
                        AdmissionLog.CertificateReloadFailed(_logger, _certFile, e.Message);
                    }

                    _loadedStamps = stamps;
                }

                return _current;
            }
        }
    }

    /// <summary>Loads a certificate with its key from PEM files; throws if they are unreadable or do not match.</summary>
    public static X509Certificate2 Load(string certFile, string keyFile) => X509Certificate2.CreateFromPemFile(certFile, keyFile);

    private (DateTime, DateTime) Stamps() => (File.GetLastWriteTimeUtc(_certFile), File.GetLastWriteTimeUtc(_keyFile));
}
