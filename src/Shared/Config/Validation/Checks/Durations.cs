using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>Durations as Envoy takes them: at least 1ms, millisecond precision.</summary>
internal static class Durations
{
    private const long NanosPerMillisecond = 1_000_000;

    public static string? Check(Duration duration)
    {
        if (duration.Seconds < 0 || duration.Nanos < 0 || (duration.Seconds == 0 && duration.Nanos < NanosPerMillisecond))
        {
            return "duration must be greater than 1ms";
        }

        return duration.Nanos % NanosPerMillisecond != 0 ? "only durations to ms precision are supported" : null;
    }

    /// <summary>As <see cref="Check(Duration)"/>, for a field that may be unset.</summary>
    public static string? CheckIfSet(Duration? duration) => duration is null ? null : Check(duration);
}
