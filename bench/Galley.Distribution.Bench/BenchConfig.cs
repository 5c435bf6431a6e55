using System.Text;

namespace ControlPlane.Galley.Distribution.Bench;

/// <summary>The config the harness serves: many files of VirtualServices and DestinationRules, one of them edited per round.</summary>
internal static class BenchConfig
{
    public static void WriteInitial(string dir, int files, int objectsPerFile)
    {
        for (var f = 0; f < files; f++)
        {
            File.WriteAllText(Path.Combine(dir, $"svc-{f:D3}.yaml"), FileText(f, objectsPerFile, "v0"));
        }
    }

    /// <summary>Rewrites file 0 so that its first VirtualService routes to <c>marker</c>.</summary>
    public static void Change(string dir, int objectsPerFile, string marker)
    {
        var path = Path.Combine(dir, "svc-000.yaml");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, FileText(0, objectsPerFile, marker));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The name of the VirtualService each round changes.</summary>
    public const string ChangedName = "svc-000-0";

    private static string FileText(int file, int objects, string marker)
    {
        var text = new StringBuilder();
        for (var i = 0; i < objects; i++)
        {
            var name = $"svc-{file:D3}-{i}";
            var host = i == 0 ? $"{name}.{marker}" : name;
            text.Append($"""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: {name}
                  namespace: bench
                spec:
                  hosts:
                  - {host}
                  http:
                  - route:
                    - destination:
                        host: {name}
                        subset: v1
                      weight: 90
                    - destination:
                        host: {name}
                        subset: v2
                      weight: 10
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: {name}
                  namespace: bench
                spec:
                  host: {name}
                  subsets:
                  - name: v1
                    labels:
                      version: v1
                  - name: v2
                    labels:
                      version: v2
                ---

                """);
        }

        return text.ToString();
    }
}
