namespace ControlPlane.Shared.Hosting;

/// <summary>
/// One listening port of the design's port table. <see cref="Key"/> names it in
/// <c>DATA_DIR/ports.json</c> and in configuration (<c>Ports:{Key}</c>).
/// </summary>
public sealed record MeshPort(string Key, string Flag, int DefaultPort, string Description)
{
    public static readonly MeshPort Xds = new("xds", "--xds-port", 15010, "Pilot xDS, plaintext gRPC");
    public static readonly MeshPort XdsTls = new("xdsTls", "--xds-tls-port", 15012, "Pilot xDS over TLS (reserved, not served yet)");
    public static readonly MeshPort Ca = new("ca", "--ca-port", 8060, "Citadel CSR service (TLS)");
    public static readonly MeshPort Galley = new("galley", "--galley-port", 9901, "Galley config distribution (xDS)");
    public static readonly MeshPort Mixer = new("mixer", "--mixer-port", 9091, "Mixer gRPC (ext_authz, rate limit, access log)");
    public static readonly MeshPort Webhook = new("webhook", "--webhook-port", 15017, "Galley's validating admission webhook, HTTPS (served with --webhook-cert and --webhook-key)");
    public static readonly MeshPort Monitoring = new("monitoring", "--monitoring-port", 15014, "monitoring: /metrics, /healthz/live, /healthz/ready, /debug/ (an index of the debug views)");

    /// <summary>Every port, in the order of the design's table.</summary>
    public static IReadOnlyList<MeshPort> All { get; } = [Xds, XdsTls, Ca, Galley, Mixer, Webhook, Monitoring];

    /// <summary>The configuration key that holds this port's number.</summary>
    public string ConfigKey => $"Ports:{Key}";

    /// <summary>The command-line flag that sets this port, as a <see cref="MeshFlag"/>.</summary>
    public MeshFlag ToFlag() =>
        new(Flag, ConfigKey, $"{Description} (0 picks a free port)", DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
