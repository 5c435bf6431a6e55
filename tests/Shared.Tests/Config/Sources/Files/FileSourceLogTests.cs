using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Tests.Config.Sources.Files;

public sealed class FileSourceLogTests
{
    [Fact]
    public void ConfigProblem_ASyntaxErrorInAFileServedBefore_IsOneWarningSentenceWithFileLineAndWhatStaysInService()
    {
        var logger = new RecordingLogger();

        logger.ConfigProblem(new ConfigDiagnostic(DiagnosticLevel.Error, "YAML syntax error: did not find expected key", new SourcePosition("cfg/vs.yaml", 15, 1)), keptLastGood: true);

        var (level, message) = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal("Config error at cfg/vs.yaml:15:1: YAML syntax error: did not find expected key; the file's last valid objects stay in service until it is fixed", message);
    }

    [Fact]
    public void ConfigProblem_AnInvalidField_NamesTheObjectAndTheField()
    {
        var logger = new RecordingLogger();

        logger.ConfigProblem(
            new ConfigDiagnostic(DiagnosticLevel.Error, "weights must add up to 100.", new SourcePosition("vs.yaml", 6, 5), "VirtualService default/reviews", "spec.http[0].route"),
            keptLastGood: false);

        Assert.Equal(
            "Config error at vs.yaml:6:5 (VirtualService default/reviews, field spec.http[0].route): weights must add up to 100; what it defines is not served until it is fixed",
            Assert.Single(logger.Lines).Message);
    }
}
