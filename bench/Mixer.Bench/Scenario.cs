namespace ControlPlane.Bench.Mixer;

/// <summary>
/// One h2load run: a gRPC method, the framed request body, connections x streams, and an optional
/// offered rate (calls per second per connection; none means as fast as the server answers).
/// <paramref name="Ceiling"/> marks the trivial call that the other figures are fractions of.
/// </summary>
internal sealed record Scenario(string Name, string Path, byte[] Body, int Clients, int Streams, int? RpsPerClient = null, bool Ceiling = false)
{
    /// <summary>The offered load in calls per second, when the run is rate-limited.</summary>
    public int? OfferedRate => RpsPerClient * Clients;
}
