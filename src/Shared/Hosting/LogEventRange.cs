namespace ControlPlane.Shared.Hosting;

/// <summary>The event ids of the log methods in one namespace (and those below it): <see cref="LogEventIds.AreaSize"/> ids from <see cref="First"/>.</summary>
public sealed record LogEventRange(string Namespace, int First)
{
    public int Last => First + LogEventIds.AreaSize - 1;

    public bool Contains(int eventId) => eventId >= First && eventId <= Last;
}
