namespace ControlPlane.Shared.Hosting;

/// <summary>
/// The one place that gives each service and Shared area its range of log event ids, so ids stay
/// unique in Meshd, where all four services log into one stream. A log method's id is its area's
/// first id plus a small offset: <c>[LoggerMessage(EventId = LogEventIds.XdsServer + 3, ...)]</c>.
/// Each area owns 100 ids from its first; each service owns a thousand.
/// </summary>
public static class LogEventIds
{
    /// <summary>Ids an area may use: its first id and the 99 after it.</summary>
    public const int AreaSize = 100;

    // Shared: 1000-1999.
    public const int Hosting = 1000;
    public const int XdsServer = 1100;
    public const int XdsClient = 1200;
    public const int ConfigDistribution = 1300;
    public const int ConfigFileSource = 1400;
    public const int Kubernetes = 1500;

    // Galley: 2000-2999.
    public const int GalleyAdmission = 2100;
    public const int GalleyDistribution = 2300;

    // Pilot: 3000-3999.
    public const int PilotPush = 3000;

    // Citadel: 4000-4999.
    public const int CitadelApi = 4000;
    public const int CitadelRotation = 4100;

    // Mixer: 5000-5999.
    public const int MixerRateLimit = 5100;
    public const int MixerAuthorization = 5200;

    // Agent (meshd-agent): 6000-6999.
    public const int AgentCertificates = 6000;
    public const int AgentXdsProxy = 6100;

    /// <summary>Every area with the namespace whose log methods use it, for the tests that check the ranges.</summary>
    public static IReadOnlyList<LogEventRange> Ranges { get; } =
    [
        new("ControlPlane.Shared.Hosting", Hosting),
        new("ControlPlane.Shared.Xds.Server", XdsServer),
        new("ControlPlane.Shared.Xds.Client", XdsClient),
        new("ControlPlane.Shared.Config.Distribution", ConfigDistribution),
        new("ControlPlane.Shared.Config.Sources", ConfigFileSource),
        new("ControlPlane.Shared.Kubernetes", Kubernetes),
        new("ControlPlane.Galley.Admission", GalleyAdmission),
        new("ControlPlane.Galley.Distribution", GalleyDistribution),
        new("ControlPlane.Pilot.Xds.Push", PilotPush),
        new("ControlPlane.Citadel.Api", CitadelApi),
        new("ControlPlane.Citadel.Rotation", CitadelRotation),
        new("ControlPlane.Mixer.RateLimit", MixerRateLimit),
        new("ControlPlane.Mixer.Authorization", MixerAuthorization),
        new("ControlPlane.Agent.Certificates", AgentCertificates),
        new("ControlPlane.Agent.XdsProxy", AgentXdsProxy),
    ];
}
