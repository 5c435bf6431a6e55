using ControlPlane.TestSupport;

namespace ControlPlane.Meshctl.Tests.Commands;

public sealed class ValidateCommandTests
{
    private const string ValidReviews = """
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
                subset: v2
              weight: 50
            - destination:
                host: reviews
                subset: v3
              weight: 50
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v2
            labels:
              version: v2
          - name: v3
            labels:
              version: v3
        """;

    private const string InvalidRatings = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: ratings
          namespace: prod
        spec:
          hosts:
          - ratings
          http:
          - fault:
              abort:
                httpStatus: 700
            route:
            - destination:
                host: ratings
                subset: v1
              weight: 60
            - destination:
                host: ratings
                subset: v2
              weight: 30
            timeout: 0s
        """;

    [Fact]
    public async Task Validate_ValidFile_ExitsZeroWithSummaryOnly()
    {
        var file = Write("reviews.yaml", ValidReviews);

        var run = await Meshctl.RunAsync("validate", "-f", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.StdoutLines);
        Assert.Equal(["meshctl validate: 2 objects valid"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_InvalidFile_ExitsOneWithOneLinePerProblemAtItsPosition()
    {
        var file = Write("ratings.yaml", InvalidRatings);

        var run = await Meshctl.RunAsync("validate", "-f", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{file}:12:9: VirtualService prod/ratings: spec.http[0].fault.abort.httpStatus: HTTP status 700 is not in range 200-599",
                $"{file}:13:5: VirtualService prod/ratings: spec.http[0].route: total destination weight 90 != 100",
                $"{file}:22:5: VirtualService prod/ratings: spec.http[0].timeout: duration must be greater than 1ms",
            ],
            run.StdoutLines);
        Assert.Equal(["meshctl validate: 1 object validated, 1 invalid; 3 errors"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_DirectoryRecursively_ReportsTheInvalidFileAndCountsAll()
    {
        var dir = TempDirectory.Create("validate-dir");
        Write(Path.Combine(dir, "a", "reviews.yaml"), ValidReviews);
        var bad = Write(Path.Combine(dir, "b", "c", "ratings.yml"), InvalidRatings);

        var run = await Meshctl.RunAsync("validate", "-f", dir);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, run.StdoutLines.Length);
        Assert.All(run.StdoutLines, line => Assert.StartsWith($"{bad}:", line, StringComparison.Ordinal));
        Assert.Equal(["meshctl validate: 3 objects validated, 1 invalid; 3 errors"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_Stdin_ReadsTheDocumentsFromStandardInput()
    {
        var run = await Meshctl.RunWithStdinAsync(InvalidRatings, "validate", "-f", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("<stdin>:12:9: VirtualService prod/ratings: spec.http[0].fault.abort.httpStatus:", run.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SeveralFilesAfterOneFlag_ValidatesEach()
    {
        var good = Write("good.yaml", ValidReviews);
        var bad = Write("bad.yaml", InvalidRatings);

        var run = await Meshctl.RunAsync("validate", "-f", good, bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["meshctl validate: 3 objects validated, 1 invalid; 3 errors"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_LoaderError_CountsAsInvalidAndIsPrinted()
    {
        var file = Write("unknown-field.yaml", """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              subset: []
            """);

        var run = await Meshctl.RunAsync("validate", "-f", file);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StdoutLines);
        Assert.StartsWith($"{file}:7:3: DestinationRule default/reviews: spec.subset: unknown field", line, StringComparison.Ordinal);
        Assert.Equal(["meshctl validate: 0 objects validated, 0 invalid; 1 error (1 while loading)"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_WarningsOnly_ExitsZeroAndPrintsTheWarning()
    {
        var file = Write("legacy.yaml", """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutiveErrors: 5
            """);

        var run = await Meshctl.RunAsync("validate", "-f", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [$"{file}:9:7: DestinationRule default/reviews: spec.trafficPolicy.outlierDetection.consecutiveErrors: warning: outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead"],
            run.StdoutLines);
        Assert.Equal(["meshctl validate: 1 object valid, 1 warning"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_WithoutFiles_IsAUsageError()
    {
        var run = await Meshctl.RunAsync("validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: no input; name files or directories with -f (- reads stdin)"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_MissingPath_IsAUsageErrorNamingIt()
    {
        var run = await Meshctl.RunAsync("validate", "-f", "/no/such/file.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: path not found: /no/such/file.yaml; check the paths given with -f"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_UnknownOption_IsAUsageError()
    {
        var run = await Meshctl.RunAsync("validate", "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.StderrLines, l => l.Contains("--bogus", StringComparison.Ordinal));
    }

    private static string Write(string name, string text)
    {
        var path = Path.IsPathRooted(name) ? name : Path.Combine(TempDirectory.Create("validate"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
