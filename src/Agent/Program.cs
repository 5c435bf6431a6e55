using ControlPlane.Agent.Hosting;

return await AgentHost.RunAsync(args, Environment.GetEnvironmentVariables());
