namespace ControlPlane.Shared.Registry;

/// <summary>
/// A port a service exposes: name, number and protocol (<c>GRPC</c>, <c>HTTP</c>, <c>TCP</c>..., upper
/// case), and the workload port it maps to (0: the same number).
/// </summary>
public sealed record ServicePort(string Name, int Number, string Protocol, int TargetPort = 0);
