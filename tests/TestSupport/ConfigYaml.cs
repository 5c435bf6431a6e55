namespace ControlPlane.TestSupport;

/// <summary>Small Istio YAML documents for tests.</summary>
public static class ConfigYaml
{
    public static string VirtualService(string name, string host, string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          hosts:
          - {host}
          http:
          - route:
            - destination:
                host: {host}

        """;

    public static string DestinationRule(string name, string host, string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          host: {host}

        """;

    /// <summary>A VirtualService with a field Istio does not define: the loader rejects the object.</summary>
    public static string VirtualServiceWithUnknownField(string name, string host) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
        spec:
          hosts:
          - {host}
          notAField: 1

        """;

    public static string Service(string name, string ns = "default") => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          ports:
          - port: 9080

        """;

    /// <summary>Not YAML at all: no object of the file can be read.</summary>
    public const string Unparsable = "apiVersion: [networking.istio.io/v1\nkind: {VirtualService\n";

    public static string Documents(params string[] documents) => string.Join("---\n", documents);
}
