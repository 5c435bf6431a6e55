using ControlPlane.Shared.Hosting;

namespace ControlPlane.Shared.Tests.Hosting;

public sealed class MeshCommandLineTests
{
    private static readonly IReadOnlyList<MeshFlag> Flags = [.. MeshFlags.Common, MeshPort.Galley.ToFlag()];

    [Fact]
    public void Parse_KnownFlags_MapsThemToConfigurationKeys()
    {
        var result = MeshCommandLine.Parse("galley", ["--galley-port", "0", "--config-dir=/tmp/x"], Flags);

        Assert.True(result.ShouldRun);
        Assert.Equal("Ports:galley", result.SwitchMappings!["--galley-port"]);
        Assert.Equal("Mesh:ConfigDir", result.SwitchMappings["--config-dir"]);
    }

    [Fact]
    public void Parse_UnknownFlag_FailsWithExitCode2AndNamesIt()
    {
        var result = MeshCommandLine.Parse("galley", ["--xds-port", "1"], Flags);

        Assert.False(result.ShouldRun);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown argument '--xds-port'", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FlagWithoutValue_FailsWithExitCode2()
    {
        var result = MeshCommandLine.Parse("galley", ["--data-dir"], Flags);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--data-dir' needs a value", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Help_PrintsEveryFlagWithItsDefault()
    {
        var result = MeshCommandLine.Parse("galley", ["--help"], Flags);

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.ShouldRun);
        Assert.Contains("--galley-port", result.Output, StringComparison.Ordinal);
        Assert.Contains("(default 9901)", result.Output, StringComparison.Ordinal);
        Assert.Contains("(default 15014)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ASwitchWithoutAValue_RunsAndIsReadAsTrue()
    {
        MeshFlag[] flags = [MeshFlags.ConfigDir, new("--wait", "Mesh:Wait", "waits", "false") { IsSwitch = true }];

        var result = MeshCommandLine.Parse("test", ["--wait", "--config-dir", "x"], flags);

        Assert.True(result.ShouldRun);
        Assert.Equal("true", result.Setting("Mesh:Wait"));
        Assert.Equal("x", result.Setting("Mesh:ConfigDir"));
        Assert.Equal("false", MeshCommandLine.Parse("test", ["--wait=false"], flags).Setting("Mesh:Wait"));
    }

    [Fact]
    public void Parse_ValuesInBothForms_BecomeSettingsUnderTheirConfigurationKeys()
    {
        var result = MeshCommandLine.Parse("galley", ["--galley-port", "0", "--data-dir=/tmp/d", "--galley-port", "9"], Flags);

        Assert.Equal("9", result.Setting("Ports:galley"));
        Assert.Equal("/tmp/d", result.Setting("Mesh:DataDir"));
        Assert.Null(result.Setting("Mesh:BindAddress"));
    }

    [Fact]
    public void Parse_UnknownFlag_IsOneErrorLinePointingToHelp()
    {
        var result = MeshCommandLine.Parse("galley", ["--bogus"], Flags);

        Assert.Equal("galley: error: unknown argument '--bogus' (run 'galley --help' for the flags)", result.Output);
        Assert.Equal("unknown argument '--bogus'", result.Error);
    }

    [Fact]
    public void Parse_Help_DocumentsTheExitCodes()
    {
        var result = MeshCommandLine.Parse("galley", ["--help"], Flags);

        Assert.Contains("exit codes:", result.Output, StringComparison.Ordinal);
        Assert.Contains("1  failed to start", result.Output, StringComparison.Ordinal);
        Assert.Contains("2  usage error", result.Output, StringComparison.Ordinal);
    }
}
