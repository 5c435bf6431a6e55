namespace ControlPlane.Mixer.RateLimit;

/// <summary>The counter store could not be reached or did not answer in time.</summary>
internal sealed class CounterStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
