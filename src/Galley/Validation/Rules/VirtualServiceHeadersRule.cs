using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Validation.Rules;

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
            foreach (var name in request.Set.Keys)
            {
                context.ErrorIf(FieldPaths.Key($"{path}.request.set", name), HeaderNames.CheckRequestSet(name));
            }

            foreach (var name in request.Add.Keys)
            {
                context.ErrorIf(FieldPaths.Key($"{path}.request.add", name), HeaderNames.CheckRequestSet(name));
            }

            for (var k = 0; k < request.Remove.Count; k++)
            {
                context.ErrorIf($"{path}.request.remove[{k}]", HeaderNames.CheckOperation(request.Remove[k]));
            }
        }

        if (headers?.Response is { } response)
        {
            foreach (var name in response.Set.Keys)
            {
                context.ErrorIf(FieldPaths.Key($"{path}.response.set", name), HeaderNames.CheckOperation(name));
            }

            foreach (var name in response.Add.Keys)
            {
                context.ErrorIf(FieldPaths.Key($"{path}.response.add", name), HeaderNames.CheckOperation(name));
            }

            for (var k = 0; k < response.Remove.Count; k++)
            {
                context.ErrorIf($"{path}.response.remove[{k}]", HeaderNames.CheckOperation(response.Remove[k]));
            }
        }
    }
}
