namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// The real kubectl v1.33 that <c>scripts/kube-tools.sh</c> puts in <c>.tools/kube/</c>, run against a
/// kubeconfig. A missing binary fails the test with the command that fetches it.
/// </summary>
public sealed class Kubectl(string kubeconfig)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static string BinaryPath
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "ControlPlane.sln")))
            {
                dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
            }

            var path = Path.Combine(dir ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory), ".tools", "kube", "kubectl");
            return File.Exists(path) ? path : throw new InvalidOperationException($"kubectl not found at {path}; run scripts/kube-tools.sh (scripts/setup.sh calls it)");
        }
    }

    /// <summary>Runs kubectl to completion; returns its exit code and output (stdout and stderr).</summary>
    public Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(BinaryPath, ["--kubeconfig", kubeconfig, .. arguments], DefaultTimeout);

    /// <summary>Runs kubectl and fails with its output unless it exits 0.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var (code, output) = await RunAsync(arguments);
        return code == 0 ? output : throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} exited {code}: {output}");
    }

    /// <summary>Applies a manifest given as YAML text (through a temporary file, as a user would).</summary>
    public async Task<string> ApplyAsync(string yaml, params string[] extra)
    {
        var file = Path.Combine(TempDirectory.Create("kubectl-apply"), "manifest.yaml");
        await File.WriteAllTextAsync(file, yaml);
        return await SucceedAsync(["apply", "--validate=false", "-f", file, .. extra]);
    }

    /// <summary>Starts a long-running kubectl (e.g. <c>get --watch</c>); dispose it to stop it.</summary>
    public ProcessRunner Start(params string[] arguments) => ProcessRunner.Start(BinaryPath, ["--kubeconfig", kubeconfig, .. arguments]);
}
