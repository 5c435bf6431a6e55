using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Galley.Tests.Validation;

public sealed class ValidationMetricsTests
{
    [Fact]
    public async Task Validate_ThroughGalleysValidator_CountsPassedAndFailedByKindOnMetrics()
    {
        await using var host = await TestHost.StartAsync(GalleyHost.Definition);
        var validator = host.App.Services.GetRequiredService<IConfigValidator>();

        validator.Validate(TestObjects.Create(ConfigKinds.VirtualService, "{'hosts':['r'],'http':[{'route':[{'destination':{'host':'r'}}]}]}"));
        validator.Validate(TestObjects.Create(ConfigKinds.VirtualService, "{'hosts':['r']}"));
        validator.Validate(TestObjects.Create(ConfigKinds.VirtualService, "{'hosts':['bad_host']}"));
        var result = validator.Validate(TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r'}"));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var metrics = await http.GetStringAsync(new Uri(host.Address(MeshPort.Monitoring), "/metrics"));
        Assert.True(result.IsValid);
        Assert.Contains("galley_validation_passed_total{kind=\"VirtualService\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("galley_validation_failed_total{kind=\"VirtualService\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("galley_validation_passed_total{kind=\"DestinationRule\"} 1", metrics, StringComparison.Ordinal);
    }
}
