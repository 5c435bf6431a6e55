using Grpc.Core;

namespace ControlPlane.Mixer.Api;

/// <summary>The answer to a call that arrives before Mixer's first config snapshot has loaded.</summary>
internal static class NotLoaded
{
    public const string Message = "Mixer has not loaded its first config snapshot yet";

    public static RpcException Exception => new(new Status(StatusCode.Unavailable, Message));
}
