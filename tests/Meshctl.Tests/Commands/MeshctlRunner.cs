namespace ControlPlane.Meshctl.Tests.Commands;

/// <summary>Runs meshctl in process and captures its exit code and output.</summary>
internal static class MeshctlRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await MeshctlCommand.InvokeAsync(args, stdout, stderr).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
