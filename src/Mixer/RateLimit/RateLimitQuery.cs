namespace ControlPlane.Mixer.RateLimit;

/// <summary>A ShouldRateLimit request in plain terms.</summary>
/// <param name="Domain">The configured domain to look descriptors up in.</param>
/// <param name="Descriptors">Each descriptor is checked and counted on its own.</param>
/// <param name="Hits">How many hits this request adds (Envoy's <c>hits_addend</c>, 0 read as 1).</param>
internal sealed record RateLimitQuery(string Domain, IReadOnlyList<QueryDescriptor> Descriptors, uint Hits);
