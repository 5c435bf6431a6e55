using System.Text.Json.Nodes;
using ControlPlane.Galley.Analysis;
using ControlPlane.Shared.Config;
using Google.Protobuf;

namespace ControlPlane.Galley.Tests.Analysis;

/// <summary>Builds analysis inputs in code: Istio specs from their JSON form, Kubernetes objects from JSON bodies.</summary>
internal static class AnalysisObjects
{
    public static ConfigObject IstioObject(ConfigKind kind, string ns, string name, string specJson, IReadOnlyDictionary<string, string>? annotations = null)
    {
        var spec = JsonParser.Default.Parse(specJson, kind.Descriptor);
        var meta = new ObjectMeta(name, ns, new Dictionary<string, string>(), annotations ?? new Dictionary<string, string>());
        return new ConfigObject(kind, $"{kind.Group}/{kind.Versions[^1]}", meta, spec);
    }

    public static KubernetesObject Kube(string kind, string ns, string name, string bodyJson = "{}", IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, string>? annotations = null)
    {
        var meta = new ObjectMeta(name, ns, labels ?? new Dictionary<string, string>(), annotations ?? new Dictionary<string, string>());
        var body = JsonNode.Parse(bodyJson)!.AsObject();
        return new KubernetesObject(kind == "Namespace" ? "v1" : kind == "Deployment" ? "apps/v1" : "v1", kind, meta, body);
    }

    public static KubernetesObject Pod(string ns, string name, params (string Key, string Value)[] labels) =>
        Kube("Pod", ns, name, labels: labels.ToDictionary(l => l.Key, l => l.Value));

    public static KubernetesObject Service(string ns, string name, string selectorJson = """{"app":"x"}""", string portsJson = """[{"name":"http","port":9080}]""") =>
        Kube("Service", ns, name, $$$"""{"spec":{"selector":{{{selectorJson}}},"ports":{{{portsJson}}}}}""");

    public static IReadOnlyList<ConfigDiagnostic> Analyze(IEnumerable<ConfigObject> objects, IEnumerable<KubernetesObject>? kube = null, IReadOnlyList<AnalysisSuppression>? suppressions = null) =>
        ConfigAnalyzer.Default.Analyze(new AnalysisInput(objects.ToList(), (kube ?? []).ToList()), suppressions);

    /// <summary>Each message as <c>Level CODE Kind ns/name</c>, the form assertions compare.</summary>
    public static string[] Summaries(IEnumerable<ConfigDiagnostic> messages) =>
        messages.Select(m => $"{m.Level} {m.Code} {m.ObjectReference}").ToArray();
}
