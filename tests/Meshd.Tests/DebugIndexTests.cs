using System.Net;
using ControlPlane.Mixer;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshd.Tests;

/// <summary><c>/debug/</c> on the monitoring port links the debug views of whatever the host runs.</summary>
public sealed class DebugIndexTests
{
    [Fact]
    public async Task DebugIndex_InMeshd_LinksEveryServicesDebugViews()
    {
        await using var host = await TestHost.StartAsync(MeshdHost.Definition);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var response = await http.GetAsync(new Uri(host.Address(MeshPort.Monitoring), "/debug/"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var path in new[] { "/debug/syncz", "/debug/config_dump", "/debug/registryz", "/debug/configz", "/debug/distributionz", "/debug/mixerz", "/debug/root-cert" })
        {
            Assert.Contains($"<a href=\"{path}\">", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DebugIndex_MixerAlone_LinksOnlyMixersViews()
    {
        await using var host = await TestHost.StartAsync(MixerHost.Definition);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var page = await http.GetStringAsync(new Uri(host.Address(MeshPort.Monitoring), "/debug/"));

        Assert.Contains("<a href=\"/debug/mixerz\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/debug/syncz", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/debug/root-cert", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebugIndex_OnAnotherPort_IsNotServed()
    {
        await using var host = await TestHost.StartAsync(MixerHost.Definition);
        using var h2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = TimeSpan.FromSeconds(10) };

        var response = await h2.GetAsync(new Uri(host.Address(MeshPort.Mixer), "/debug/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
