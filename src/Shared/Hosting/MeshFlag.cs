namespace ControlPlane.Shared.Hosting;

/// <summary>
/// A documented command-line flag (<c>--name VALUE</c>) mapped onto a configuration key, so that
/// services read it through <c>IOptions&lt;T&gt;</c> like any other setting.
/// </summary>
public sealed record MeshFlag(string Name, string ConfigKey, string Description, string? DefaultValue = null)
{
    /// <summary>A switch (<c>--name</c> alone means true) rather than a flag that needs a value; <c>--name=false</c> also works.</summary>
    public bool IsSwitch { get; init; }
}
