using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Galley.Admission;

/// <summary>
/// Wires the validating webhook into Galley: the webhook port with its certificate when
/// <c>--webhook-cert</c> and <c>--webhook-key</c> are given, nothing (and a log line) otherwise.
/// </summary>
public static class AdmissionRegistration
{
    public static readonly MeshFlag CertFlag = new("--webhook-cert", $"{WebhookOptions.Section}:CertFile", "PEM certificate of the validating webhook (with --webhook-key); without it the webhook is not served");

    public static readonly MeshFlag KeyFlag = new("--webhook-key", $"{WebhookOptions.Section}:KeyFile", "PEM private key of --webhook-cert");

    /// <summary>The flags the webhook reads: its port and its certificate files.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } = [MeshPort.Webhook.ToFlag(), CertFlag, KeyFlag];

    public static WebApplicationBuilder AddGalleyAdmission(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WebhookOptions.Section);
        builder.Services.AddOptions<WebhookOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddSingleton<AdmissionReviewer>();
        var options = section.Get<WebhookOptions>() ?? new WebhookOptions();
        if (!options.IsEnabled)
        {
            // One file without the other is refused on start (WebhookOptionsValidator), before anything is served.
            builder.Services.AddHostedService(sp => new AdmissionStartupLog(sp.GetRequiredService<ILogger<AdmissionReviewer>>(), null, null));
            return builder;
        }

        // Created after the options were validated on start, so the files are known to load.
        var (certFile, keyFile) = (options.CertFile!, options.KeyFile!);
        builder.Services.AddSingleton(sp => new WebhookCertificate(certFile, keyFile, sp.GetRequiredService<ILogger<WebhookCertificate>>()));
        builder.Services.AddHostedService(sp => new AdmissionStartupLog(sp.GetRequiredService<ILogger<AdmissionReviewer>>(), certFile, sp.GetRequiredService<WebhookCertificate>));
        builder.MeshPorts().Add(MeshPort.Webhook, HttpProtocols.Http1AndHttp2, sp => sp.GetRequiredService<WebhookCertificate>().Current);
        return builder;
    }

    public static WebApplication MapGalleyAdmission(this WebApplication app)
    {
        // Asks whether it is registered without creating it: the files are loaded only after the options were validated on start.
        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(WebhookCertificate)))
        {
            app.MapValidatingWebhook();
        }

        return app;
    }

    /// <summary>Says at startup whether the webhook is served, and with which certificate.</summary>
    /// <remarks>The certificate is resolved in StartAsync, after the options were validated on start (the host creates hosted services before that).</remarks>
    private sealed class AdmissionStartupLog(ILogger logger, string? certFile, Func<WebhookCertificate>? certificate) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (certificate is null)
            {
                AdmissionLog.Disabled(logger);
            }
            else
            {
                var current = certificate().Current;
                AdmissionLog.Enabled(logger, certFile!, current.Subject, current.NotAfter);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
