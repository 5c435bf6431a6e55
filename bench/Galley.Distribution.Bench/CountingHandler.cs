namespace ControlPlane.Galley.Distribution.Bench;

/// <summary>Counts the response body bytes (gRPC messages with their 5-byte prefixes) a subscriber receives.</summary>
internal sealed class CountingHandler(HttpMessageHandler inner, ByteCounter counter) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var counted = new StreamContent(new CountingStream(body, counter));
        foreach (var header in response.Content.Headers)
        {
            counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = counted;
        return response;
    }
}
