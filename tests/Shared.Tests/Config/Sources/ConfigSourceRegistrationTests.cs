using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Config.Sources;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace ControlPlane.Shared.Tests.Config.Sources;

public sealed class ConfigSourceRegistrationTests
{
    [Fact]
    public async Task AddConfigSource_CalledByEveryService_RegistersExactlyOneSource()
    {
        var services = new ServiceCollection();
        var configuration = Configuration(("Mesh:ConfigDir", TempDirectory.Create("registration")));

        services.AddConfigSource(configuration, galleyInProcess: true);
        services.AddConfigSource(configuration);
        services.AddConfigSource(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(IConfigSnapshotSource));
        Assert.Equal("FileSnapshotStore", (await ResolveAsync(services).WaitAsync(TimeSpan.FromSeconds(10))).Name);
    }

    [Fact]
    public async Task AddConfigSource_WithGalleyAddress_RegistersOnlyTheSubscription()
    {
        var services = new ServiceCollection();

        services.AddConfigSource(Configuration(("Galley:Address", "127.0.0.1:9901")));

        Assert.Single(services, d => d.ServiceType == typeof(IConfigSnapshotSource));
        Assert.Equal(typeof(GalleyConfigSubscriber), await ResolveAsync(services).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AddConfigSource_GalleyDeclaredAfterAConsumer_RefusesGalleyAddressAsIfDeclaredFirst()
    {
        var services = new ServiceCollection();
        var configuration = Configuration(("Galley:Address", "127.0.0.1:9901"));

        services.AddConfigSource(configuration);
        var error = Assert.Throws<MeshUsageException>(() => services.AddConfigSource(configuration, galleyInProcess: true));

        Assert.Contains("cannot be used where Galley runs in the same process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConfigSource_WaitForConfigDirThatIsNotABoolean_IsRefused()
    {
        var error = Assert.Throws<MeshUsageException>(() => new ServiceCollection().AddConfigSource(Configuration(("Mesh:WaitForConfigDir", "soon"))));

        Assert.Equal("--wait-for-config-dir: 'soon' is not true or false", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static async Task<Type> ResolveAsync(ServiceCollection services)
    {
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IMetricFactory>(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        await using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IConfigSnapshotSource>().GetType();
    }
}
