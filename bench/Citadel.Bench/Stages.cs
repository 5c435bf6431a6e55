using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ControlPlane.Citadel.Authority;
using ControlPlane.Shared.Identity;

namespace ControlPlane.Citadel.Bench;

/// <summary>
/// CPU cost of each issuance stage (the running thread's own CPU time over about a second; other
/// work on a shared machine does not count). Tells where one certificate's time goes.
/// </summary>
internal static class Stages
{
    public static void Print(CertificateAuthority authority, string[] csrs)
    {
        var id = SpiffeId.Parse(Workload.Identity);
        var parsed = csrs.Select(CsrParser.Parse).ToArray();
        var verifier = ECDsa.Create();
        using var workloadKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var workloadSpki = workloadKey.ExportSubjectPublicKeyInfo();
        var workloadParameters = workloadKey.ExportParameters(false);
        var signer = authority.State.Signing;
        var tbs = new byte[300];
        RandomNumberGenerator.Fill(tbs);
        var leaves = parsed.Select(p => authority.Issue(new LeafSpec(p.SubjectPublicKeyInfo, p.KeyKind, id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1))).LeafDer).ToArray();

        Stage("CsrParser.Parse (PEM, DER walk, key import, verify)", i => CsrParser.Parse(csrs[i & 4095]));
        Stage("  ECDsa.ImportSubjectPublicKeyInfo", i => verifier.ImportSubjectPublicKeyInfo(parsed[i & 4095].SubjectPublicKeyInfo.Span, out _));
        Stage("  ECDsa.ImportParameters (same key)", _ => verifier.ImportParameters(workloadParameters));
        var signature = workloadKey.SignData(tbs, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        verifier.ImportSubjectPublicKeyInfo(workloadSpki, out _);
        Stage("  ECDsa.VerifyData (P-256, SHA-256)", _ => verifier.VerifyData(tbs, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Stage("SigningAuthority.Sign (P-256, SHA-256)", _ => signer.Sign(tbs));
        Stage("CertificateAuthority.Issue (TBS, sign, PEM chain)", i => authority.Issue(new LeafSpec(parsed[i & 4095].SubjectPublicKeyInfo, CsrKeyKind.Ec, id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1))));
    }

    private static void Stage(string name, Action<int> operation)
    {
        for (var i = 0; i < 200; i++)
        {
            operation(i);
        }

        var cpuBefore = ThreadCpu.Now();
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        var n = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            for (var i = 0; i < 50; i++)
            {
                operation(n++);
            }
        }

        var cpu = (ThreadCpu.Now() - cpuBefore).TotalMicroseconds / n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {cpu:F1} |"));
    }
}
