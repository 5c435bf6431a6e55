using System.Diagnostics;
using System.Text;

namespace ControlPlane.E2E.Tests.Support;

/// <summary>
/// A started client process whose stderr is kept for failure messages and which stops when its
/// stdin closes (killed if it has not within 5 seconds): what the Node and Python test clients
/// and the Node xDS server have in common.
/// </summary>
public sealed class ClientProcessHandle : IAsyncDisposable
{
    private readonly StringBuilder _stderr = new();

    public ClientProcessHandle(Process process)
    {
        Process = process;
        Process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }
}
