namespace ControlPlane.Mixer.RateLimit;

/// <summary>One <c>key=value</c> entry of a request's rate-limit descriptor.</summary>
internal readonly record struct DescriptorEntry(string Key, string Value);
