using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ControlPlane.Bench.Mixer;

/// <summary>The ceiling: a unary call that does nothing.</summary>
internal sealed class TrivialService : Trivial.TrivialBase
{
    private static readonly Task<Empty> Done = Task.FromResult(new Empty());

    public override Task<Empty> Call(Empty request, ServerCallContext context) => Done;
}
