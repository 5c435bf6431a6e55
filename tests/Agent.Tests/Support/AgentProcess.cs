using System.Collections;
using System.Text.Json;
using ControlPlane.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Agent.Tests.Support;

/// <summary>An agent started in process with the given flags (monitoring and proxy ports chosen by the OS).</summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private AgentProcess(WebApplication app, string outputDir)
    {
        App = app;
        OutputDir = outputDir;
    }

    public WebApplication App { get; }

    public string OutputDir { get; }

    public AgentPorts Ports => App.Services.GetRequiredService<AgentPorts>();

    public static async Task<AgentProcess> StartAsync(string outputDir, params string[] flags)
    {
        var parsed = AgentFlags.Parse(
            ["--output-dir", outputDir, "--monitoring-port", "0", "--xds-proxy-port", "0", "--log-level", "Warning", .. flags], new Hashtable());
        Assert.True(parsed.ShouldRun, parsed.Output);
        var app = AgentHost.Build(parsed);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(timeout.Token);
        return new AgentProcess(app, outputDir);
    }

    public Uri Monitoring(string path) => new($"http://127.0.0.1:{Ports.Monitoring}{path}");

    public JsonElement PortsFile() => JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDir, AgentPorts.FileName))).RootElement;

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
