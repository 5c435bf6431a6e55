using ControlPlane.Meshctl;

namespace ControlPlane.E2E.Tests.Support;

/// <summary>meshctl in process, as the README's newcomer runs it; a non-zero exit fails the test with meshctl's stderr.</summary>
public static class MeshctlRunner
{
    public static async Task<string> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MeshctlCommand.InvokeAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"meshctl {string.Join(' ', args)} exited {code}: {error}");
        return output.ToString();
    }
}
