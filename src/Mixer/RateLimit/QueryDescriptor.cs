namespace ControlPlane.Mixer.RateLimit;

/// <summary>One descriptor of a request: its entries and, when Envoy sent one, a limit that overrides the configured one.</summary>
internal sealed record QueryDescriptor(IReadOnlyList<DescriptorEntry> Entries, RateLimitRule? Override = null);
