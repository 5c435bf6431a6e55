using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Header operations on routes and destinations: no pseudo-headers, no Host header removal, non-empty names.</summary>
internal sealed class VirtualServiceHeadersRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Http.Count; i++)
        {
            var http = spec.Http[i];
            Check($"spec.http[{i}].headers", http.Headers, context);
            for (var j = 0; j < http.Route.Count; j++)
            {
                Check($"spec.http[{i}].route[{j}].headers", http.Route[j].Headers, context);
            }
        }
    }

    private static void Check(string path, Headers? headers, ValidationContext context)
    {
        if (headers?.Request is { } request)
        {
            Check($"{path}.request", request, HeaderNames.CheckRequestSet, context);
        }

        if (headers?.Response is { } response)
        {
            Check($"{path}.response", response, HeaderNames.CheckOperation, context);
        }
    }

    /// <summary>One side's set, add and remove; <paramref name="checkWritten"/> judges the names set or added.</summary>
    private static void Check(string path, Headers.Types.HeaderOperations operations, Func<string, string?> checkWritten, ValidationContext context)
    {
        foreach (var name in operations.Set.Keys)
        {
            context.ErrorIf(FieldPaths.Key($"{path}.set", name), checkWritten(name));
        }

        foreach (var name in operations.Add.Keys)
        {
            context.ErrorIf(FieldPaths.Key($"{path}.add", name), checkWritten(name));
        }

        for (var k = 0; k < operations.Remove.Count; k++)
        {
            context.ErrorIf($"{path}.remove[{k}]", HeaderNames.CheckOperation(operations.Remove[k]));
        }
    }
}
