using System.CommandLine;
using ControlPlane.Shared.Config.Validation;
using ControlPlane.Meshctl.Commands;
using ControlPlane.Shared.Config;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshctl.Tests.Commands;

/// <summary><c>meshctl analyze</c> reports per-object validation as istioctl reports schema validation.</summary>
public sealed class AnalyzeValidationTests
{
    private const string Rule = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: payments
        spec:
          hosts:
          - payments.example.com
          location: MESH_EXTERNAL
          resolution: DNS
          ports:
          - number: 443
            name: https
            protocol: HTTPS
        """;

    [Fact]
    public async Task Analyze_ValidationErrorsAndWarnings_AreReportedAsIst0106AndIst0133()
    {
        var file = Path.Combine(TempDirectory.Create("analyze"), "se.yaml");
        await File.WriteAllTextAsync(file, Rule);
        var root = new RootCommand { AnalyzeCommand.Create(TextReader.Null, new PortValidator()) };
        var stdout = new StringWriter { NewLine = "\n" };

        var code = await root.Parse(["analyze", file]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = new StringWriter() }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, code);
        Assert.Equal(
            [
                $"Error [IST0106] (ServiceEntry default/payments {file}:11) Schema validation error: spec.ports[0].number: port 443 is not allowed here",
                $"Warning [IST0133] (ServiceEntry default/payments {file}:1) Schema validation warning: think twice",
            ],
            stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A validator with one error at a field and one warning on the object.</summary>
    private sealed class PortValidator : IConfigValidator
    {
        public ValidationResult Validate(ConfigObject config) => new(
            [new ConfigDiagnostic(DiagnosticLevel.Error, "port 443 is not allowed here", config.PositionOf("spec.ports[0].number"), config.Reference, "spec.ports[0].number")],
            [new ConfigDiagnostic(DiagnosticLevel.Warning, "think twice", config.Position, config.Reference)]);
    }
}
