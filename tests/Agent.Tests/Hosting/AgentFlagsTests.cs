using System.Collections;
using ControlPlane.Agent.Hosting;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Agent.Tests.Hosting;

public sealed class AgentFlagsTests
{
    [Fact]
    public void Parse_EnvironmentOnly_SetsTheFlagsItNames()
    {
        var parsed = AgentFlags.Parse([], new Hashtable { ["CA_ADDR"] = "ca.mesh:8060", ["POD_NAMESPACE"] = "shop", ["INSTANCE_IP"] = "10.0.0.5" });

        Assert.True(parsed.ShouldRun);
        Assert.Equal("ca.mesh:8060", parsed.Setting("Agent:CaAddress"));
        Assert.Equal("shop", parsed.Setting("Agent:Namespace"));
        Assert.Equal("10.0.0.5", parsed.Setting("Agent:NodeIp"));
    }

    [Fact]
    public void Parse_FlagAndEnvironment_TheFlagWins()
    {
        var parsed = AgentFlags.Parse(["--pod-name", "web-2"], new Hashtable { ["POD_NAME"] = "web-1" });

        Assert.Equal("web-2", parsed.Setting("Agent:PodName"));
    }

    [Fact]
    public void Parse_BadValueInTheEnvironment_IsAUsageErrorNamingTheVariable()
    {
        var parsed = AgentFlags.Parse([], new Hashtable { ["XDS_PROXY_PORT"] = "many" });

        Assert.Equal(MeshExitCodes.Usage, parsed.ExitCode);
        Assert.StartsWith("meshd-agent: error: XDS_PROXY_PORT: --xds-proxy-port: 'many' is not a whole number", parsed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Help_ListsEveryFlagWithItsVariable()
    {
        var parsed = AgentFlags.Parse(["--help"], new Hashtable());

        Assert.Equal(MeshExitCodes.Success, parsed.ExitCode);
        Assert.All(AgentFlags.All, f => Assert.Contains($"{f.Flag.Name}", parsed.Output, StringComparison.Ordinal));
        Assert.Contains("[env CA_ADDR]", parsed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ModeEnvoy_IsRefusedAsNotSupportedYet()
    {
        var result = new AgentOptionsValidator().Validate(null, new AgentOptions { RootCert = "r.pem", TokenFile = "t", Mode = "envoy" });

        Assert.Equal(["--mode envoy is not supported yet (SDS for Envoy); use --mode proxyless"], result.Failures);
    }

    [Fact]
    public void Validate_EveryProblem_IsReportedByItsFlag()
    {
        var result = new AgentOptionsValidator().Validate(null, new AgentOptions { CaAddress = "https://ca", Labels = "app", RenewAt = 1.5 });

        var failures = string.Join("\n", result.Failures!);
        Assert.Contains("--ca-address 'https://ca' is not HOST:PORT", failures, StringComparison.Ordinal);
        Assert.Contains("--root-cert is required", failures, StringComparison.Ordinal);
        Assert.Contains("--token-file is required", failures, StringComparison.Ordinal);
        Assert.Contains("--labels 'app' is not KEY=VALUE", failures, StringComparison.Ordinal);
        Assert.Contains("--renew-at 1.5 is not between 0 and 1", failures, StringComparison.Ordinal);
    }
}
