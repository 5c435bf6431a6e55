using System.Diagnostics;

namespace ControlPlane.TestSupport;

/// <summary>Runs the real <c>openssl</c> with a timeout, so tests check our certificates with an independent implementation.</summary>
public static class OpenSsl
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start openssl");
        process.StandardInput.Close(); // s_client would otherwise wait for input
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', args)} did not finish in 30s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runs openssl and throws with its output unless it exits 0.</summary>
    public static async Task<string> SucceedAsync(string workingDirectory, params string[] args)
    {
        var (code, output) = await RunAsync(workingDirectory, args);
        return code == 0 ? output : throw new InvalidOperationException($"openssl {string.Join(' ', args)} exited {code}:\n{output}");
    }
}
