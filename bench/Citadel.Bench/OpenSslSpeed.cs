using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ControlPlane.Citadel.Bench;

/// <summary>
/// The physical limit, measured in the same run: <c>openssl speed ecdsap256</c> gives sign/s and
/// verify/s on one core; a CA verifies one CSR and signs one leaf per certificate, so the limit is
/// 1/(1/sign + 1/verify) certificates per second per core.
/// </summary>
internal sealed partial record OpenSslSpeed(double SignPerSecond, double VerifyPerSecond)
{
    public double LimitPerCore => 1 / ((1 / SignPerSecond) + (1 / VerifyPerSecond));

    public static async Task<OpenSslSpeed> MeasureAsync(int seconds)
    {
        var start = new ProcessStartInfo("openssl", ["speed", "-seconds", seconds.ToString(CultureInfo.InvariantCulture), "ecdsap256"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = ResultLine().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"cannot read openssl speed output:\n{output}");
        }

        return new OpenSslSpeed(
            double.Parse(match.Groups["sign"].Value, CultureInfo.InvariantCulture),
            double.Parse(match.Groups["verify"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"256 bits ecdsa \(nistp256\)\s+\S+s\s+\S+s\s+(?<sign>[\d.]+)\s+(?<verify>[\d.]+)")]
    private static partial Regex ResultLine();
}
