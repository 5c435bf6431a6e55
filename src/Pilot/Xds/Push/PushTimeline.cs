namespace ControlPlane.Pilot.Xds.Push;

/// <summary>
/// When the change behind the latest push of each type first arrived (a <see cref="TimeProvider"/>
/// timestamp), so convergence and push time can be measured from the change, not from the push.
/// </summary>
internal sealed class PushTimeline(TimeProvider time)
{
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeProvider Time { get; } = time;

    public void Record(IEnumerable<string> typeUrls, long changedAt)
    {
        lock (_gate)
        {
            foreach (var type in typeUrls)
            {
                _changedAt[type] = changedAt;
            }
        }
    }

    /// <summary>The timestamp of the last change of a type, or null before any.</summary>
    public long? ChangedAt(string typeUrl)
    {
        lock (_gate)
        {
            return _changedAt.TryGetValue(typeUrl, out var at) ? at : null;
        }
    }
}
