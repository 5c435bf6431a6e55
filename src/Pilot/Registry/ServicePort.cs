namespace ControlPlane.Pilot.Registry;

/// <summary>A port a service exposes: name, number and protocol (<c>GRPC</c>, <c>HTTP</c>, <c>TCP</c>...), and the workload port it maps to (0: the same number).</summary>
internal sealed record ServicePort(string Name, int Number, string Protocol, int TargetPort = 0);
