namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>A port of a mesh service, from a Kubernetes Service or a ServiceEntry.</summary>
internal sealed record ServicePort(uint Number, string Name, string Protocol);
