using ControlPlane.Agent.Monitoring;
using ControlPlane.Agent.Hosting;
using ControlPlane.Shared.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Certificates;

/// <summary>
/// Keeps the workload's certificate fresh: gets one at start, renews it after the configured
/// fraction of its lifetime and whenever the root bundle file changes. While Citadel fails the
/// current certificate stays in place and requests are retried with backoff; the failure and the
/// recovery are each logged once.
/// </summary>
internal sealed partial class CertificateRotator(
    CertificateAuthorityClient client,
    CertificateState state,
    BootstrapWriter bootstrap,
    AgentPorts ports,
    AgentMetrics metrics,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<CertificateRotator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await ports.Bound.WaitAsync(stoppingToken);
        var backoff = new RetryBackoff(settings.RetryInitial, settings.RetryMax, Random.Shared);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var roots = RootFingerprint(settings.RootCert);
            WorkloadCertificate issued;
            try
            {
                issued = await client.RequestAsync(stoppingToken);
                CertificateFileWriter.Write(settings.OutputDir, issued);
            }
            catch (Exception e) when (e is CertificateRequestException or IOException or UnauthorizedAccessException && !stoppingToken.IsCancellationRequested)
            {
                metrics.Renewals.WithLabels("failure").Inc();
                if (!failing)
                {
                    failing = true;
                    LogFailing(e.Message, state.Current is null ? "none yet" : "kept");
                }

                await Delay(backoff.Next(), stoppingToken);
                continue;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            backoff.Reset();
            var first = state.Current is null;
            state.Set(issued);
            metrics.Renewals.WithLabels("success").Inc();
            if (failing)
            {
                failing = false;
                LogRecovered(issued.Identity);
            }

            if (first)
            {
                bootstrap.Write(issued);
            }

            LogIssued(issued.Identity, issued.SerialNumber, issued.NotAfter);
            await WaitForRenewalAsync(issued.RenewAt(settings.RenewAt), roots, settings, stoppingToken);
        }
    }

    /// <summary>Waits until <paramref name="renewAt"/>, or less when the root bundle file changes.</summary>
    private async Task WaitForRenewalAsync(DateTimeOffset renewAt, string? roots, AgentOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var left = renewAt - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Delay(left < settings.RootCheckInterval ? left : settings.RootCheckInterval, stoppingToken);
            if (RootFingerprint(settings.RootCert) is { } now && now != roots)
            {
                LogRootChanged(settings.RootCert);
                return;
            }
        }
    }

    private async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the loop condition ends it.
        }
    }

    private static string? RootFingerprint(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = LogEventIds.AgentCertificates + 1, Level = LogLevel.Information, Message = "Certificate for {Identity} written (serial {Serial}, expires {NotAfter:u})")]
    private partial void LogIssued(string identity, string serial, DateTimeOffset notAfter);

    [LoggerMessage(EventId = LogEventIds.AgentCertificates + 2, Level = LogLevel.Warning, Message = "Cannot get a certificate: {Reason}; current certificate: {Current}; retrying with backoff")]
    private partial void LogFailing(string reason, string current);

    [LoggerMessage(EventId = LogEventIds.AgentCertificates + 3, Level = LogLevel.Information, Message = "Certificate requests succeed again ({Identity})")]
    private partial void LogRecovered(string identity);

    [LoggerMessage(EventId = LogEventIds.AgentCertificates + 4, Level = LogLevel.Information, Message = "Root bundle {RootCert} changed; renewing the certificate")]
    private partial void LogRootChanged(string rootCert);
}
