namespace ControlPlane.Galley.Admission;

/// <summary>The validating webhook's TLS files, from <c>--webhook-cert</c> and <c>--webhook-key</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Galley:Webhook";

    /// <summary>PEM certificate (chain) the webhook serves; without it the webhook port is not served.</summary>
    public string? CertFile { get; set; }

    /// <summary>PEM private key of <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Both files are named, so the webhook is served (whether they load is checked on start).</summary>
    public bool IsEnabled => !string.IsNullOrEmpty(CertFile) && !string.IsNullOrEmpty(KeyFile);
}
