namespace ControlPlane.Citadel.Authority;

/// <summary>The object identifiers Citadel reads and writes (RFC 5280, RFC 5480, RFC 2986).</summary>
internal static class Oids
{
    public const string EcPublicKey = "1.2.840.10045.2.1";
    public const string RsaEncryption = "1.2.840.113549.1.1.1";
    public const string P256 = "1.2.840.10045.3.1.7";
    public const string P384 = "1.3.132.0.34";
    public const string EcdsaSha256 = "1.2.840.10045.4.3.2";
    public const string EcdsaSha384 = "1.2.840.10045.4.3.3";
    public const string EcdsaSha512 = "1.2.840.10045.4.3.4";
    public const string RsaSha256 = "1.2.840.113549.1.1.11";
    public const string RsaSha384 = "1.2.840.113549.1.1.12";
    public const string RsaSha512 = "1.2.840.113549.1.1.13";
    public const string ExtensionRequest = "1.2.840.113549.1.9.14";
    public const string SubjectAltName = "2.5.29.17";
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";
}
