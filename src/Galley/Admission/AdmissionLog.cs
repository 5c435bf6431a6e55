using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Galley.Admission;

/// <summary>The validating webhook's log messages (event ids from LogEventIds.GalleyAdmission).</summary>
internal static partial class AdmissionLog
{
    [LoggerMessage(EventId = LogEventIds.GalleyAdmission, Level = LogLevel.Information, Message = "Validating webhook not served: --webhook-cert and --webhook-key not given")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.GalleyAdmission + 1, Level = LogLevel.Information, Message = "Validating webhook serving POST /validate with certificate {CertFile} ({Subject}, expires {NotAfter:u})")]
    public static partial void Enabled(ILogger logger, string certFile, string subject, DateTime notAfter);

    [LoggerMessage(EventId = LogEventIds.GalleyAdmission + 2, Level = LogLevel.Information, Message = "Webhook certificate {CertFile} reloaded ({Subject}, expires {NotAfter:u})")]
    public static partial void CertificateReloaded(ILogger logger, string certFile, string subject, DateTime notAfter);

    [LoggerMessage(EventId = LogEventIds.GalleyAdmission + 3, Level = LogLevel.Warning, Message = "Webhook certificate {CertFile} changed but did not load, keeping the previous one: {Reason}")]
    public static partial void CertificateReloadFailed(ILogger logger, string certFile, string reason);

    [LoggerMessage(EventId = LogEventIds.GalleyAdmission + 4, Level = LogLevel.Information, Message = "Admission denied {Operation} {Kind} {Namespace}/{Name} (uid {Uid}): {Message}")]
    public static partial void Denied(ILogger logger, string operation, string kind, string @namespace, string name, string uid, string message);

    [LoggerMessage(EventId = LogEventIds.GalleyAdmission + 5, Level = LogLevel.Debug, Message = "Admission allowed {Operation} {Kind} {Namespace}/{Name} (uid {Uid})")]
    public static partial void Allowed(ILogger logger, string operation, string kind, string @namespace, string name, string uid);

    [LoggerMessage(EventId = LogEventIds.GalleyAdmission + 6, Level = LogLevel.Information, Message = "Admission review rejected: {Reason}")]
    public static partial void BadReview(ILogger logger, string reason);
}
