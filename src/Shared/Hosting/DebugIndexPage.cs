using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// <c>/debug/</c> on the monitoring port: an HTML page linking every <c>/debug/*</c> endpoint this
/// host maps on that port, read from the routing table, so Meshd lists all four services' views
/// and a service run alone lists its own.
/// </summary>
internal static class DebugIndexPage
{
    internal const string Path = "/debug/";

    internal static IResult Render(EndpointDataSource endpoints)
    {
        var text = new StringBuilder("<!DOCTYPE html>\n<html><head><title>debug endpoints</title></head><body>\n<h1>Debug endpoints</h1>\n<ul>\n");
        foreach (var path in Paths(endpoints))
        {
            var encoded = WebUtility.HtmlEncode(path);
            text.Append("<li><a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a></li>\n");
        }

        text.Append("</ul>\n</body></html>\n");
        return Results.Content(text.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>The debug paths served on the monitoring port, other than this page, in order.</summary>
    internal static IReadOnlyList<string> Paths(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MeshPortMetadata>()?.PortKey == MeshPort.Monitoring.Key)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Where(p => p.StartsWith(Path, StringComparison.Ordinal) && p.Length > Path.Length)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
