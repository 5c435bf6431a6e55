namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// A client broke the xDS protocol (no node on the first request, no type URL). The gRPC
/// boundary maps it to INVALID_ARGUMENT.
/// </summary>
internal sealed class XdsProtocolException(string message) : Exception(message);
