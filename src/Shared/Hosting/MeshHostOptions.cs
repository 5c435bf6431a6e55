namespace ControlPlane.Shared.Hosting;

/// <summary>Settings shared by every hosted service, bound from the <c>Mesh</c> configuration section.</summary>
public sealed class MeshHostOptions
{
    public const string Section = "Mesh";
    public const string DefaultDataDir = ".data";
    public const string DefaultBindAddress = "0.0.0.0";

    /// <summary>Directory of mesh config YAML; null means no file source.</summary>
    public string? ConfigDir { get; set; }

    /// <summary>Directory for state that survives restarts.</summary>
    public string DataDir { get; set; } = DefaultDataDir;

    /// <summary>The address every port binds to.</summary>
    public string BindAddress { get; set; } = DefaultBindAddress;
}
