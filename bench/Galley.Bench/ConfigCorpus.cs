using System.Text;

namespace ControlPlane.Bench.Galley;

/// <summary>
/// A realistic mix of valid Istio objects as one multi-document YAML text: per service a
/// VirtualService (matches, regex, weights, retries, fault), a DestinationRule (subsets, traffic
/// policy), a ServiceEntry, and every tenth an AuthorizationPolicy and a Gateway.
/// </summary>
internal static class ConfigCorpus
{
    public static string Yaml(int objects)
    {
        var text = new StringBuilder(objects * 600);
        var written = 0;
        for (var i = 0; written < objects; i++)
        {
            foreach (var document in Service(i))
            {
                if (written++ == objects)
                {
                    break;
                }

                text.Append("---\n").Append(document);
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Service(int i)
    {
        var ns = $"team-{i % 50}";
        var host = $"svc-{i}.{ns}.svc.cluster.local";
        yield return $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: svc-{{i}}
              namespace: {{ns}}
            spec:
              hosts:
              - {{host}}
              http:
              - match:
                - headers:
                    end-user:
                      exact: jason
                  uri:
                    regex: ^/api/v[0-9]+/items/[a-z0-9-]+$
                fault:
                  delay:
                    fixedDelay: 7s
                    percentage:
                      value: 10
                route:
                - destination:
                    host: {{host}}
                    subset: v2
              - route:
                - destination:
                    host: {{host}}
                    subset: v1
                  weight: 80
                - destination:
                    host: {{host}}
                    subset: v2
                  weight: 20
                timeout: 5s
                retries:
                  attempts: 3
                  perTryTimeout: 2s
                  retryOn: 5xx,connect-failure

            """;
        yield return $$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: svc-{{i}}
              namespace: {{ns}}
            spec:
              host: {{host}}
              trafficPolicy:
                connectionPool:
                  tcp:
                    maxConnections: 100
                  http:
                    http2MaxRequests: 1000
                outlierDetection:
                  consecutive5xxErrors: 7
                  interval: 5m
                  baseEjectionTime: 15m
                tls:
                  mode: ISTIO_MUTUAL
              subsets:
              - name: v1
                labels:
                  version: v1
              - name: v2
                labels:
                  version: v2

            """;
        yield return $$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: ext-{{i}}
              namespace: {{ns}}
            spec:
              hosts:
              - api-{{i}}.example.com
              location: MESH_EXTERNAL
              resolution: DNS
              ports:
              - number: 443
                name: https
                protocol: TLS

            """;
        if (i % 10 == 0)
        {
            yield return $$"""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: allow-{{i}}
                  namespace: {{ns}}
                spec:
                  selector:
                    matchLabels:
                      app: svc-{{i}}
                  action: ALLOW
                  rules:
                  - from:
                    - source:
                        principals: ["cluster.local/ns/{{ns}}/sa/frontend"]
                    to:
                    - operation:
                        methods: ["GET"]
                        paths: ["/api/*"]
                    when:
                    - key: request.headers[x-tenant]
                      values: ["t{{i}}"]

                """;
            yield return $$"""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw-{{i}}
                  namespace: {{ns}}
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - port:
                      number: 443
                      name: https
                      protocol: HTTPS
                    hosts:
                    - "{{ns}}/svc-{{i}}.example.com"
                    tls:
                      mode: SIMPLE
                      credentialName: svc-{{i}}-cert

                """;
        }
    }
}
