namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// The label names of Istio's standard metrics, in one fixed order, and which of them are free-form
/// (their values come from workloads and must be bounded) rather than from a small vocabulary.
/// </summary>
internal static class IstioLabels
{
    public const int Reporter = 0;
    public const int SourceWorkload = 1;
    public const int SourceWorkloadNamespace = 2;
    public const int SourcePrincipal = 3;
    public const int DestinationWorkload = 4;
    public const int DestinationWorkloadNamespace = 5;
    public const int DestinationService = 6;
    public const int DestinationServiceName = 7;
    public const int DestinationServiceNamespace = 8;
    public const int DestinationVersion = 9;
    public const int RequestProtocol = 10;
    public const int ResponseFlags = 11;
    public const int ConnectionSecurityPolicy = 12;
    public const int ResponseCode = 13;
    public const int GrpcResponseStatus = 14;

    /// <summary>Labels of the HTTP metrics: all fifteen.</summary>
    public static readonly string[] Http =
    [
        "reporter", "source_workload", "source_workload_namespace", "source_principal",
        "destination_workload", "destination_workload_namespace", "destination_service",
        "destination_service_name", "destination_service_namespace", "destination_version",
        "request_protocol", "response_flags", "connection_security_policy", "response_code", "grpc_response_status",
    ];

    /// <summary>Labels of the TCP metrics: the HTTP ones without response_code and grpc_response_status.</summary>
    public static readonly string[] Tcp = Http[..13];

    /// <summary>Positions whose values are free-form and go through a <see cref="LabelValueLimiter"/>.</summary>
    public static readonly int[] FreeForm =
    [
        SourceWorkload, SourceWorkloadNamespace, SourcePrincipal, DestinationWorkload, DestinationWorkloadNamespace,
        DestinationService, DestinationServiceName, DestinationServiceNamespace, DestinationVersion, ResponseFlags,
    ];
}
