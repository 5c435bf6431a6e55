using System.Globalization;
using System.Text.Json.Nodes;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Galley.Tests.Support;

/// <summary>Reads a running host's monitoring endpoints the way an operator would.</summary>
internal sealed class GalleyProbe(TestHost host) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = host.Address(MeshPort.Monitoring), Timeout = TimeSpan.FromSeconds(10) };

    public async Task<JsonObject> ConfigzAsync() =>
        JsonNode.Parse(await _http.GetStringAsync(new Uri("/debug/configz", UriKind.Relative)))!.AsObject();

    /// <summary>The value of one sample of <c>/metrics</c>, e.g. <c>galley_objects{kind="VirtualService"}</c>; null when absent.</summary>
    public async Task<double?> MetricAsync(string sample)
    {
        var text = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(sample + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(sample.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    public Task<string> GetStringAsync(string path) => _http.GetStringAsync(new Uri(path, UriKind.Relative));

    public async Task<int> ReadyStatusAsync() =>
        (int)(await _http.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode;

    public void Dispose() => _http.Dispose();
}
