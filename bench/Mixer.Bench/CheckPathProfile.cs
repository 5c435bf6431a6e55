using System.Diagnostics;
using System.Globalization;
using ControlPlane.Mixer.Api;
using ControlPlane.Mixer.Api.Wire;
using ControlPlane.Mixer.Authorization;
using Envoy.Service.Auth.V3;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Bench.Mixer;

/// <summary>
/// Where a Check call's server time and allocations go outside the gRPC stack: parsing the
/// CheckRequest's fields, interpreting them as attributes, evaluating the 20 policies, and writing the response.
/// One thread, a tight loop, so these are the stages' own costs (no contention, no GC pauses counted
/// separately). The same request every time, so the decoder's table of repeated strings always hits,
/// as it does for the principals, labels, method and host of a sidecar's traffic. Run with <c>--check-path</c>.
/// </summary>
internal static class CheckPathProfile
{
    public static void Run(WebApplication app, TextWriter output, int iterations = 1_000_000)
    {
        var authorizer = app.Services.GetRequiredService<Authorizer>();
        var body = Payloads.Check().ToByteArray();
        var fields = CheckRequestDecoder.Decode(body);
        var attributes = CheckRequestReader.Read(fields);
        var response = new CheckResponse { Status = new Google.Rpc.Status(), OkResponse = new OkHttpResponse() };
        var buffer = new byte[1024];

        output.WriteLine($"Check path stages, one thread, {iterations:N0} iterations each ({body.Length} request bytes):");
        output.WriteLine();
        output.WriteLine("| stage | ns per call | allocated B per call |");
        output.WriteLine("|---|---|---|");
        Stage(output, "for comparison: the generated parser (Google.Protobuf)", iterations, () => CheckRequest.Parser.ParseFrom(body));
        Stage(output, "decode the fields read (CheckRequestDecoder)", iterations, () => CheckRequestDecoder.Decode(body));
        Stage(output, "interpret them (CheckRequestReader)", iterations, () => CheckRequestReader.Read(fields));
        Stage(output, "evaluate 20 policies (Authorizer)", iterations, () => authorizer.Check(attributes));
        Stage(output, "write CheckResponse", iterations, () =>
        {
            var size = response.CalculateSize();
            response.WriteTo(buffer.AsSpan(0, size));
            return size;
        });
        Stage(output, "decode, interpret, evaluate, write", iterations, () =>
        {
            var decision = authorizer.Check(CheckRequestReader.Read(body));
            response.WriteTo(buffer.AsSpan(0, response.CalculateSize()));
            return decision;
        });
    }

    private static void Stage<T>(TextWriter output, string name, int iterations, Func<T> step)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            step();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            step();
        }

        clock.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)iterations;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {clock.Elapsed.TotalNanoseconds / iterations:0} | {bytes:0} |"));
    }
}
