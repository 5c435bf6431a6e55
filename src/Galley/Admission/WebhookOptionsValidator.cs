using Microsoft.Extensions.Options;

namespace ControlPlane.Galley.Admission;

/// <summary>
/// What can be wrong with <see cref="WebhookOptions"/>, checked when the host starts
/// (<c>ValidateOnStart</c>): one file without the other, or files that do not load as a certificate
/// and its key. Each failure names the flags.
/// </summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        if (string.IsNullOrEmpty(options.CertFile) && string.IsNullOrEmpty(options.KeyFile))
        {
            return ValidateOptionsResult.Success;
        }

        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Fail($"{AdmissionRegistration.CertFlag.Name} and {AdmissionRegistration.KeyFlag.Name} must be given together");
        }

        try
        {
            using var check = WebhookCertificate.Load(options.CertFile!, options.KeyFile!);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(
                $"{AdmissionRegistration.CertFlag.Name} {options.CertFile} / {AdmissionRegistration.KeyFlag.Name} {options.KeyFile}: cannot load the certificate and key: {e.Message}");
        }
    }
}
