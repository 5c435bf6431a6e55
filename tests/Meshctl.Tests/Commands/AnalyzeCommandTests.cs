using System.Text.Json.Nodes;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshctl.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: reviews
        spec:
          selector:
            app: reviews
          ports:
          - name: http
            port: 9080
        ---
        """;

    private const string RouteToV9 = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: v9
        """;

    private const string UnknownRuleHost = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: payments
        spec:
          host: payments
        """;

    [Fact]
    public async Task Analyze_CleanFile_ExitsZeroAndSaysSoOnStderr()
    {
        var file = Write("clean.yaml", Service + "\n" + RouteToV9.Replace("\n        subset: v9", string.Empty, StringComparison.Ordinal));

        var (code, stdout, stderr) = await Run("analyze", file);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"\u2714 No validation issues found when analyzing {file}.\n", stderr);
    }

    [Fact]
    public async Task Analyze_ErrorFound_ExitsOneWithIstioctlTextLine()
    {
        var file = Write("routes.yaml", Service + "\n" + RouteToV9);

        var (code, stdout, _) = await Run("analyze", file);

        Assert.Equal(1, code);
        Assert.Equal(
            $"Error [IST0101] (VirtualService default/reviews {file}:23) Referenced host+subset in destinationrule not found: \"reviews+v9\"\n",
            stdout);
    }

    [Fact]
    public async Task Analyze_WarningsOnly_ExitsZero()
    {
        var file = Write("rule.yaml", UnknownRuleHost);

        var (code, stdout, _) = await Run("analyze", file);

        Assert.Equal(0, code);
        Assert.StartsWith("Warning [IST0174] (DestinationRule default/payments ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_WarningsWithFailureThresholdWarning_ExitsOne()
    {
        var (code, _, _) = await Run("analyze", "--failure-threshold", "warning", Write("rule.yaml", UnknownRuleHost));

        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Analyze_OutputThresholdError_HidesWarningsButStillFailsOnErrors()
    {
        var file = Write("both.yaml", Service + "\n" + RouteToV9 + "\n---\n" + UnknownRuleHost);

        var (code, stdout, _) = await Run("analyze", "--output-threshold", "Error", file);

        Assert.Equal(1, code);
        Assert.Equal(["IST0101"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[1].Trim('[', ']')));
    }

    [Fact]
    public async Task Analyze_JsonOutput_PrintsIstioctlFields()
    {
        var file = Write("routes.yaml", Service + "\n" + RouteToV9);

        var (code, stdout, _) = await Run("analyze", "-o", "json", file);

        Assert.Equal(1, code);
        var message = Assert.Single(JsonNode.Parse(stdout)!.AsArray())!.AsObject();
        Assert.Equal(["code", "documentationUrl", "level", "message", "origin", "reference"], message.Select(p => p.Key));
        Assert.Equal("IST0101", (string?)message["code"]);
        Assert.Equal("https://istio.io/latest/docs/reference/config/analysis/ist0101/?ref=meshctl-analyze", (string?)message["documentationUrl"]);
        Assert.Equal("Error", (string?)message["level"]);
        Assert.Equal("Referenced host+subset in destinationrule not found: \"reviews+v9\"", (string?)message["message"]);
        Assert.Equal("VirtualService default/reviews", (string?)message["origin"]);
        Assert.Equal($"{file}:23", (string?)message["reference"]);
    }

    [Fact]
    public async Task Analyze_JsonOutputWhenClean_IsAnEmptyArray()
    {
        var (code, stdout, _) = await Run("analyze", "--output", "json", Write("svc.yaml", Service));

        Assert.Equal(0, code);
        Assert.Empty(JsonNode.Parse(stdout)!.AsArray());
    }

    [Fact]
    public async Task Analyze_YamlOutput_PrintsAListOfMessages()
    {
        var file = Write("routes.yaml", Service + "\n" + RouteToV9);

        var (code, stdout, _) = await Run("analyze", "-o", "yaml", file);

        Assert.Equal(1, code);
        Assert.StartsWith("- code: IST0101\n  documentationUrl: https://istio.io/", stdout, StringComparison.Ordinal);
        Assert.Contains("\n  level: Error\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\n  origin: VirtualService default/reviews\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_SuppressedError_ExitsZero()
    {
        var file = Write("routes.yaml", Service + "\n" + RouteToV9);

        var (code, stdout, _) = await Run("analyze", "--suppress", "IST0101=VirtualService/default/*", file);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task Analyze_UnknownSuppressedCode_WarnsAndRuns()
    {
        var (code, _, stderr) = await Run("analyze", "-S", "IST9999=VirtualService/default/reviews", Write("svc.yaml", Service));

        Assert.Equal(0, code);
        Assert.Contains("Warning: Supplied message code 'IST9999' is an unknown message code and will not have any effect.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_DirectoryOfFiles_ReadsItRecursively()
    {
        var dir = TempDirectory.Create("analyze");
        Directory.CreateDirectory(Path.Combine(dir, "nested"));
        await File.WriteAllTextAsync(Path.Combine(dir, "svc.yaml"), Service);
        await File.WriteAllTextAsync(Path.Combine(dir, "nested", "routes.yaml"), RouteToV9);

        var (code, stdout, _) = await Run("analyze", dir);

        Assert.Equal(1, code);
        Assert.Contains("Referenced host+subset in destinationrule not found: \"reviews+v9\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ObjectTheLoaderRejects_IsReportedAsSchemaValidationError()
    {
        var file = Write("bad.yaml", RouteToV9.Replace("hosts:", "hostz:", StringComparison.Ordinal));

        var (code, stdout, _) = await Run("analyze", file);

        Assert.Equal(1, code);
        Assert.StartsWith($"Error [IST0106] (VirtualService default/reviews {file}:", stdout, StringComparison.Ordinal);
        Assert.Contains("Schema validation error: ", stdout, StringComparison.Ordinal);
        Assert.Contains("hostz", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Stdin_IsReadForDash()
    {
        var stdout = new StringWriter();

        var code = await MeshctlCommand.InvokeAsync(["analyze", "-"], stdout, new StringWriter(), new StringReader(Service + "\n" + RouteToV9)).WaitAsync(Timeout);

        Assert.Equal(1, code);
        Assert.StartsWith("Error [IST0101] (VirtualService default/reviews -:23) ", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ListAnalyzers_PrintsEachNameAndDescriptionAndExitsZero()
    {
        var (code, stdout, _) = await Run("analyze", "--list-analyzers");

        Assert.Equal(0, code);
        Assert.StartsWith("Available analyzers:\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\n* gateway.IngressGatewayPortAnalyzer:\n    Checks a Gateway's selector", stdout, StringComparison.Ordinal);
        Assert.Contains("\n* virtualservice.GatewayAnalyzer:\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Namespace_ReportsOnlyObjectsInThatNamespace()
    {
        var file = Write("two-ns.yaml", UnknownRuleHost + "\n---\n" + UnknownRuleHost.Replace("name: payments", "name: payments\n  namespace: shop", StringComparison.Ordinal));

        var (_, inShop, _) = await Run("analyze", "-n", "shop", file);
        var (_, everywhere, _) = await Run("analyze", "-A", file);

        Assert.Equal(["DestinationRule shop/payments"], Origins(inShop));
        Assert.Equal(["DestinationRule default/payments", "DestinationRule shop/payments"], Origins(everywhere).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Analyze_MeshConfigFileWithDnsAutoAllocation_NoLongerAsksServiceEntriesForAddresses()
    {
        const string entry = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: db
            spec:
              hosts:
              - db.example.com
              ports:
              - number: 5432
                name: tcp
                protocol: TCP
              resolution: DNS
            """;
        var file = Write("se.yaml", entry);
        var mesh = Write("mesh.yaml", "defaultConfig:\n  proxyMetadata:\n    ISTIO_META_DNS_CAPTURE: \"true\"\n    ISTIO_META_DNS_AUTO_ALLOCATE: \"true\"\n");

        var (_, without, _) = await Run("analyze", file);
        var (code, with, _) = await Run("analyze", "--meshConfigFile", mesh, file);

        Assert.Contains("[IST0134]", without, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, with);
    }

    [Fact]
    public async Task Analyze_MeshConfigFileThatIsNotYaml_IsOneLineUsageError()
    {
        var (code, stdout, stderr) = await Run("analyze", "--meshConfigFile", Write("mesh.yaml", "- a\n- b\n"), Write("x.yaml", Service));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--meshConfigFile", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "-n", "shop", "-A", "x.yaml")]
    [InlineData("analyze", "-o", "xml", "x.yaml")]
    [InlineData("analyze", "--suppress", "IST0101", "x.yaml")]
    [InlineData("analyze", "/no/such/file.yaml")]
    [InlineData("analyze", "--failure-threshold", "fatal", "x.yaml")]
    public async Task Analyze_UsageError_ExitsTwo(params string[] args)
    {
        var (code, _, stderr) = await Run(args.Select(a => a == "x.yaml" ? Write("x.yaml", Service) : a).ToArray());

        Assert.Equal(2, code);
        Assert.NotEqual(string.Empty, stderr);
    }

    private static string[] Origins(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l[(l.IndexOf('(', StringComparison.Ordinal) + 1)..l.IndexOf(')', StringComparison.Ordinal)])
            .Select(inner => inner[..inner.LastIndexOf(' ')])
            .ToArray();

    private static string Write(string name, string text)
    {
        var path = Path.Combine(TempDirectory.Create("analyze"), name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = await MeshctlCommand.InvokeAsync(args, stdout, stderr).WaitAsync(Timeout);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
