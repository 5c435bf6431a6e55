using ControlPlane.Shared.Hosting;

namespace ControlPlane.Agent.Hosting;

/// <summary>One agent flag and the environment variable that sets it when the command line does not.</summary>
internal sealed record AgentFlag(MeshFlag Flag, string EnvironmentVariable);
