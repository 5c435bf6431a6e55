using System.Text.Json.Nodes;

namespace ControlPlane.Shared.Bootstrap;

/// <summary>
/// The gRPC xDS bootstrap (gRFC A27) Istio's agent writes for a proxyless workload: one insecure
/// xDS server speaking v3, a node whose id is Istio's
/// <c>sidecar~IP~POD.NAMESPACE~NAMESPACE.svc.cluster.local</c> with <c>GENERATOR: grpc</c>
/// metadata (what Pilot reads to generate for gRPC rather than Envoy), the listener name template
/// an xDS-enabled server asks LDS for (gRFC A36), and, given certificate files, a
/// <c>file_watcher</c> provider instance named <c>default</c> (gRFC A29) that Pilot's TLS contexts name.
/// </summary>
public static class GrpcBootstrap
{
    /// <summary>The certificate provider instance Pilot's generated TLS contexts refer to.</summary>
    public const string CertificateProviderInstance = "default";

    public const string ServerListenerTemplate = "xds.istio.io/grpc/lds/inbound/%s";

    /// <summary>How often the gRPC library re-reads the certificate files (Istio's value).</summary>
    public const string RefreshInterval = "900s";

    private const string ClusterDomain = "cluster.local";

    /// <summary>Istio's node id for a sidecar-style workload; Pilot takes IP and namespace from it.</summary>
    public static string NodeId(string ip, string podName, string @namespace) =>
        $"sidecar~{ip}~{podName}.{@namespace}~{@namespace}.svc.{ClusterDomain}";

    public static JsonObject Create(BootstrapSettings settings)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in settings.Labels)
        {
            labels[key] = value;
        }

        var bootstrap = new JsonObject
        {
            ["xds_servers"] = new JsonArray(new JsonObject
            {
                ["server_uri"] = settings.XdsAddress,
                ["channel_creds"] = new JsonArray(new JsonObject { ["type"] = "insecure" }),
                ["server_features"] = new JsonArray("xds_v3"),
            }),
            ["node"] = new JsonObject
            {
                ["id"] = NodeId(settings.Ip, settings.PodName, settings.Namespace),
                ["metadata"] = new JsonObject
                {
                    ["GENERATOR"] = "grpc",
                    ["NAME"] = settings.PodName,
                    ["NAMESPACE"] = settings.Namespace,
                    ["INSTANCE_IPS"] = settings.Ip,
                    ["LABELS"] = labels,
                },
                ["locality"] = new JsonObject(),
            },
        };
        var metadata = bootstrap["node"]!["metadata"]!.AsObject();
        if (settings.ServiceAccount is { } serviceAccount)
        {
            metadata["SERVICE_ACCOUNT"] = serviceAccount;
        }

        if (settings.WorkloadName is { } workloadName)
        {
            metadata["WORKLOAD_NAME"] = workloadName;
        }

        if (settings.Certificates is { } files)
        {
            bootstrap["certificate_providers"] = new JsonObject
            {
                [CertificateProviderInstance] = new JsonObject
                {
                    ["plugin_name"] = "file_watcher",
                    ["config"] = new JsonObject
                    {
                        ["certificate_file"] = files.CertificateChain,
                        ["private_key_file"] = files.PrivateKey,
                        ["ca_certificate_file"] = files.RootCertificates,
                        ["refresh_interval"] = RefreshInterval,
                    },
                },
            };
        }

        // Istio writes the template whatever the security settings: an xDS-enabled server needs it
        // to find its inbound listener, and a client ignores it.
        bootstrap["server_listener_resource_name_template"] = ServerListenerTemplate;
        return bootstrap;
    }
}
