namespace ControlPlane.Shared.Xds.Server;

/// <summary>The last rejection a client sent for a type: which version, the client's message, when.</summary>
public sealed record XdsNackStatus(string Version, string Nonce, string Message, DateTimeOffset At);
