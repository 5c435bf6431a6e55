using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Once the server has bound its ports, records the real port numbers (port 0 picks a free
/// one), logs them and writes them to <c>DATA_DIR/ports.json</c> for scripts and tests.
/// </summary>
internal sealed partial class PortsFileWriter(
    MeshPortRegistry registry,
    IOptions<MeshHostOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<PortsFileWriter> logger) : IHostedService
{
    private static readonly ConditionalWeakTable<MeshPortBinding, ListenOptions> Listeners = new();

    internal static void Track(MeshPortBinding binding, ListenOptions listen) => Listeners.AddOrUpdate(binding, listen);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Publish);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Publish()
    {
        foreach (var binding in registry.Bindings)
        {
            if (Listeners.TryGetValue(binding, out var listen))
            {
                binding.BoundEndPoint = listen.IPEndPoint;
            }
        }

        var ports = MeshPort.All
            .Select(registry.Find)
            .Where(b => b?.BoundEndPoint is not null)
            .ToDictionary(b => b!.Port.Key, b => b!.BoundEndPoint!.Port);
        var json = JsonSerializer.Serialize(ports);
        Directory.CreateDirectory(options.Value.DataDir);
        var path = Path.Combine(options.Value.DataDir, "ports.json");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, path, overwrite: true);
        LogListening(json, Path.GetFullPath(path));
    }

    [LoggerMessage(EventId = LogEventIds.Hosting + 1, Level = LogLevel.Information, Message = "Listening on ports {Ports} (written to {PortsFile})")]
    private partial void LogListening(string ports, string portsFile);
}
