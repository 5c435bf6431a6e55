using Microsoft.Extensions.Options;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>One <see cref="LabelValueLimiter"/> per free-form Istio label, shared by HTTP and TCP metrics and the graph.</summary>
internal sealed class LabelLimits
{
    private readonly LabelValueLimiter?[] _limiters = new LabelValueLimiter?[IstioLabels.Http.Length];

    public LabelLimits(IOptions<MixerOptions> options)
    {
        foreach (var index in IstioLabels.FreeForm)
        {
            _limiters[index] = new LabelValueLimiter(options.Value.MaxLabelValues);
        }
    }

    /// <summary>Replaces each free-form value of <paramref name="labels"/> by its admitted form.</summary>
    public void Apply(string[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (_limiters[i] is { } limiter)
            {
                labels[i] = limiter.Admit(labels[i]);
            }
        }
    }

    /// <summary>Values refused (turned into <c>other</c>) across all labels.</summary>
    public long Refused => _limiters.Sum(l => l?.Refused ?? 0);
}
