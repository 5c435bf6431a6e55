namespace ControlPlane.Shared.Hosting;

/// <summary>Flags every host accepts, whatever services it runs.</summary>
public static class MeshFlags
{
    public static readonly MeshFlag ConfigDir = new("--config-dir", "Mesh:ConfigDir", "directory of mesh config YAML, read recursively and watched");
    public static readonly MeshFlag DataDir = new("--data-dir", "Mesh:DataDir", "directory for state (CA keys, ports.json)", MeshHostOptions.DefaultDataDir);
    public static readonly MeshFlag BindAddress = new("--bind-address", "Mesh:BindAddress", "IP address every port listens on", MeshHostOptions.DefaultBindAddress);
    public static readonly MeshFlag LogLevel = new("--log-level", "Logging:LogLevel:Default", "minimum log level (Trace, Debug, Information, Warning, Error)", "Information");

    /// <summary>The flags of every host: directories, bind address, log level and the monitoring port.</summary>
    public static IReadOnlyList<MeshFlag> Common { get; } = [ConfigDir, DataDir, BindAddress, LogLevel, MeshPort.Monitoring.ToFlag()];
}
