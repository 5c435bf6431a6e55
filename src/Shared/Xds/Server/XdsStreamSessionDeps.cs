using EnvoyControlPlane = Envoy.Config.Core.V3.ControlPlane;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>What every stream session of one server shares.</summary>
internal sealed record XdsStreamSessionDeps(
    IXdsResourceProvider Provider,
    IXdsStreamObserver Observer,
    TimeProvider Time,
    ILogger Logger,
    EnvoyControlPlane? ControlPlane);
