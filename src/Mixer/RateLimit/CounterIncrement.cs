namespace ControlPlane.Mixer.RateLimit;

/// <summary>One counter to add to: its key (window included) and how long it must outlive the window.</summary>
internal readonly record struct CounterIncrement(string Key, long Hits, TimeSpan Lifetime);
