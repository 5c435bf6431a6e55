namespace ControlPlane.Mixer.RateLimit;

/// <summary>What a limited descriptor gets when the counter store cannot answer.</summary>
internal enum FailureMode
{
    /// <summary>Allow the request (the default, as Envoy's own filter does on errors).</summary>
    Open,

    /// <summary>Answer OVER_LIMIT for every descriptor that has a limit.</summary>
    Closed,
}
