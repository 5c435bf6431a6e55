using System.CommandLine;
using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Shared.Identity;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// <c>meshctl cert inspect FILE</c>: the first certificate's SPIFFE identity, issuer, serial and
/// validity, and whether the file's chain verifies up to a root (the file's own last certificate
/// if self-signed, or <c>--root-cert</c>). Exit code 1 when the chain does not verify.
/// </summary>
internal static class CertInspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "PEM file: a certificate or a chain, leaf first" };
        var rootCert = new Option<string?>("--root-cert") { Description = "Root bundle to verify against (default: the chain's own self-signed root)" };
        var command = new Command("inspect", "Show a certificate's identity, issuer, validity and chain status") { file, rootCert };
        command.SetAction((parseResult, _) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var path = parseResult.GetValue(file)!;
            var chain = new X509Certificate2Collection();
            try
            {
                chain.ImportFromPemFile(path);
                if (chain.Count == 0)
                {
                    throw new CryptographicException("no PEM certificate found");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw MeshctlException.Usage($"{path}: {e.Message}; name a PEM certificate file, e.g. cert-chain.pem from meshctl cert request");
            }

            var leaf = chain[0];
            var now = DateTime.UtcNow;
            output.WriteLine($"identity:  {string.Join(", ", UriNames(leaf).DefaultIfEmpty("(no URI SAN)"))}");
            output.WriteLine($"subject:   {(leaf.Subject.Length == 0 ? "(empty)" : leaf.Subject)}");
            output.WriteLine($"issuer:    {leaf.Issuer}");
            output.WriteLine($"serial:    {leaf.SerialNumber.ToLowerInvariant()}");
            output.WriteLine($"valid:     {Utc(leaf.NotBefore)} .. {Utc(leaf.NotAfter)} ({Remaining(leaf.NotAfter.ToUniversalTime() - now)})");
            output.WriteLine($"chain:     {chain.Count} certificate(s) in file");
            var (ok, status) = Verify(chain, parseResult.GetValue(rootCert));
            output.WriteLine($"status:    {status}");
            return Task.FromResult(ok ? 0 : 1);
        });
        return command;
    }

    private static (bool Ok, string Status) Verify(X509Certificate2Collection file, string? rootPath)
    {
        var roots = new X509Certificate2Collection();
        if (rootPath is not null)
        {
            try
            {
                roots.ImportFromPemFile(rootPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw MeshctlException.Usage($"--root-cert {rootPath}: {e.Message}; name a PEM root bundle, e.g. DATA_DIR/root-cert.pem");
            }
        }
        else if (file[^1].SubjectName.RawData.AsSpan().SequenceEqual(file[^1].IssuerName.RawData) && file.Count > 1)
        {
            roots.Add(file[^1]);
        }
        else
        {
            return (false, "not verified: the file has no root; pass --root-cert");
        }

        using var chain = RootTrust.Chain(roots, file);
        if (!chain.Build(file[0]))
        {
            return (false, "INVALID: " + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim())));
        }

        return (true, "valid: " + string.Join(" -> ", chain.ChainElements.Select(e => e.Certificate.Subject.Length == 0 ? "(leaf)" : e.Certificate.Subject)));
    }

    private static IEnumerable<string> UriNames(X509Certificate2 certificate)
    {
        if (certificate.Extensions["2.5.29.17"] is not { } san)
        {
            yield break;
        }

        var names = new AsnReader(san.RawData, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue == 6)
            {
                yield return names.ReadCharacterString(UniversalTagNumber.IA5String, tag);
            }
            else
            {
                names.ReadEncodedValue();
            }
        }
    }

    private static string Utc(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Remaining(TimeSpan left) => left <= TimeSpan.Zero
        ? "EXPIRED"
        : $"expires in {(int)left.TotalHours}h{left.Minutes:00}m";
}
