namespace ControlPlane.Galley.Tests.Admission;

/// <summary>AdmissionReview bodies as the Kubernetes API server sends them.</summary>
internal static class AdmissionReviews
{
    public const string ValidReviews = """
        {"apiVersion":"networking.istio.io/v1","kind":"VirtualService",
         "metadata":{"name":"reviews","namespace":"default"},
         "spec":{"hosts":["reviews"],"http":[{"route":[
           {"destination":{"host":"reviews","subset":"v2"},"weight":50},
           {"destination":{"host":"reviews","subset":"v3"},"weight":50}]}]}}
        """;

    public const string InvalidReviews = """
        {"apiVersion":"networking.istio.io/v1","kind":"VirtualService",
         "metadata":{"name":"reviews"},
         "spec":{"hosts":["reviews"],"http":[{"route":[
           {"destination":{"host":"reviews","subset":"v2"},"weight":50},
           {"destination":{"host":"reviews","subset":"v3"},"weight":40}]}],
           "tcp":[{"route":[]}]}}
        """;

    public static string Review(string uid, string operation, string group, string kind, string obj, string ns = "default") => $$$"""
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",
         "request":{"uid":"{{{uid}}}","kind":{"group":"{{{group}}}","version":"v1","kind":"{{{kind}}}"},
           "resource":{"group":"{{{group}}}","version":"v1","resource":"{{{kind.ToLowerInvariant()}}}s"},
           "name":"reviews","namespace":"{{{ns}}}","operation":"{{{operation}}}",
           "userInfo":{"username":"kubernetes-admin"},"object":{{{obj}}},"oldObject":null,"dryRun":false}}
        """;
}
