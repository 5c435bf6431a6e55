using Google.Protobuf;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>One resource a generator built: its xDS name and message.</summary>
internal sealed record GeneratedResource(string Name, IMessage Message);
