using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// HTTP match conditions: header names valid; URI, scheme, method, authority, header and query
/// matches with valid RE2 regexes and non-empty prefixes (the URI may match an empty prefix);
/// ports in range; source labels and namespace well formed.
/// </summary>
internal sealed class VirtualServiceMatchRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        for (var r = 0; r < spec.Http.Count; r++)
        {
            for (var m = 0; m < spec.Http[r].Match.Count; m++)
            {
                Check($"spec.http[{r}].match[{m}]", spec.Http[r].Match[m], context);
            }
        }
    }

    private static void Check(string path, HTTPMatchRequest match, ValidationContext context)
    {
        StringMatches.Check($"{path}.uri", match.Uri, context, allowEmptyPrefix: true);
        StringMatches.Check($"{path}.scheme", match.Scheme, context);
        StringMatches.Check($"{path}.method", match.Method, context);
        StringMatches.Check($"{path}.authority", match.Authority, context);
        foreach (var (name, value) in match.Headers)
        {
            var headerPath = FieldPaths.Key($"{path}.headers", name);
            context.ErrorIf(headerPath, HeaderNames.CheckMatch(name));
            StringMatches.Check(headerPath, value, context);
        }

        foreach (var (name, value) in match.WithoutHeaders)
        {
            var headerPath = FieldPaths.Key($"{path}.withoutHeaders", name);
            context.ErrorIf(headerPath, HeaderNames.CheckMatch(name));

            // `regex: "*"` is not RE2 here: it means "the header is present".
            if (value?.Regex != "*")
            {
                StringMatches.Check(headerPath, value, context);
            }
        }

        foreach (var (name, value) in match.QueryParams)
        {
            StringMatches.Check(FieldPaths.Key($"{path}.queryParams", name), value, context);
        }

        if (match.Port != 0)
        {
            context.ErrorIf($"{path}.port", Ports.CheckNumber(match.Port));
        }

        foreach (var (key, message) in Labels.Check(match.SourceLabels))
        {
            context.Error(FieldPaths.Key($"{path}.sourceLabels", key), message);
        }

        if (match.SourceNamespace.Length > 0 && !Hosts.IsDns1123Label(match.SourceNamespace))
        {
            context.Error($"{path}.sourceNamespace", $"sourceNamespace match {match.SourceNamespace} is invalid");
        }
    }
}
