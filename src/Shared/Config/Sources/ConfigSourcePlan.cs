using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Shared.Config.Sources;

/// <summary>
/// What <see cref="ConfigSourceRegistration"/> decided so far in one service collection: whether
/// Galley is hosted, the chosen source, the descriptors it added (to swap them if the choice
/// changes) and whether its debug view is mapped.
/// </summary>
internal sealed class ConfigSourcePlan
{
    public bool GalleyInProcess { get; set; }

    public ConfigSourceKind? Kind { get; set; }

    public IReadOnlyList<ServiceDescriptor> Registered { get; set; } = [];

    public bool Mapped { get; set; }
}
