using ControlPlane.Shared.Config;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ControlPlane.Mixer.Tests.Support;

/// <summary>A Mixer started in process on free ports, fed by an <see cref="InMemoryConfigSource"/>, with a gRPC channel to it.</summary>
internal sealed class MixerTestHost : IAsyncDisposable
{
    private MixerTestHost(TestHost host, InMemoryConfigSource config)
    {
        Host = host;
        Config = config;
        Channel = GrpcChannel.ForAddress(host.Address(MeshPort.Mixer));
        Http = new HttpClient { BaseAddress = host.Address(MeshPort.Monitoring), Timeout = TimeSpan.FromSeconds(10) };
    }

    public TestHost Host { get; }

    public InMemoryConfigSource Config { get; }

    public GrpcChannel Channel { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => Host.App.Services;

    /// <summary>Starts Mixer on <paramref name="config"/>; without one, on a source that has loaded an empty config (version 1).</summary>
    public static async Task<MixerTestHost> StartAsync(InMemoryConfigSource? config = null, TimeProvider? time = null, params string[] args)
    {
        if (config is null)
        {
            config = new InMemoryConfigSource();
            config.Publish();
        }

        var definition = new MeshHostDefinition(
            "mixer",
            MixerRegistration.Flags,
            builder =>
            {
                if (time is not null)
                {
                    builder.Services.AddSingleton(time);
                }

                builder.AddMixer();
                builder.Services.Replace(ServiceDescriptor.Singleton<IConfigSnapshotSource>(config));
            },
            app => app.MapMixer());
        return new MixerTestHost(await TestHost.StartAsync(definition, args), config);
    }

    public Task<string> MetricsAsync() => Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
