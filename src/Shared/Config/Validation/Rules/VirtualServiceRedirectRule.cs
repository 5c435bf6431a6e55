using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Redirects (3xx code, http/https scheme, one of uri or prefixRewrite), rewrites and direct responses (status 200..599).</summary>
internal sealed class VirtualServiceRedirectRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    private const int MaxDirectResponseBytes = 1024 * 1024;
    private const int LargeDirectResponseBytes = 100 * 1024;

    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Http.Count; i++)
        {
            var http = spec.Http[i];
            if (http.Redirect is { } redirect)
            {
                CheckRedirect($"spec.http[{i}].redirect", redirect, http, context);
            }

            if (http.Rewrite is { } rewrite)
            {
                CheckRewrite($"spec.http[{i}].rewrite", rewrite, context);
            }

            if (http.DirectResponse is { } direct)
            {
                CheckDirectResponse($"spec.http[{i}].directResponse", direct, context);
            }
        }
    }

    private static void CheckRedirect(string path, HTTPRedirect redirect, HTTPRoute http, ValidationContext context)
    {
        if (redirect.Uri.Length > 0 && redirect.PrefixRewrite.Length > 0)
        {
            context.Error(path, "redirect may only specify one of uri or prefix_rewrite");
        }

        if (redirect.PrefixRewrite.Length > 0 && http.Match.Any(m => m.Uri is { } uri && uri.MatchTypeCase != StringMatch.MatchTypeOneofCase.Prefix))
        {
            context.Error($"{path}.prefixRewrite", "redirect prefix_rewrite requires all URI matches to use prefix match type");
        }

        if (redirect.Uri.Length == 0 && redirect.PrefixRewrite.Length == 0 && redirect.Authority.Length == 0
            && redirect.RedirectPortCase == HTTPRedirect.RedirectPortOneofCase.None && redirect.Scheme.Length == 0)
        {
            context.Error(path, "redirect must specify URI, authority, scheme, or port");
        }

        if (redirect.RedirectCode != 0 && redirect.RedirectCode is < 300 or > 399)
        {
            context.Error($"{path}.redirectCode", $"{redirect.RedirectCode} is not a valid redirect code, must be 3xx");
        }

        if (redirect.Scheme.Length > 0 && redirect.Scheme is not ("http" or "https"))
        {
            context.Error($"{path}.scheme", "invalid redirect scheme, must be \"http\" or \"https\"");
        }

        if (redirect.RedirectPortCase == HTTPRedirect.RedirectPortOneofCase.Port)
        {
            context.ErrorIf($"{path}.port", Ports.CheckNumber(redirect.Port));
        }
    }

    private static void CheckRewrite(string path, HTTPRewrite rewrite, ValidationContext context)
    {
        if (rewrite.Uri.Length > 0 && rewrite.UriRegexRewrite is not null)
        {
            context.Error(path, "rewrite may only contain one of URI or UriRegexRewrite");
        }
        else if (rewrite.Uri.Length == 0 && rewrite.UriRegexRewrite is null && rewrite.Authority.Length == 0)
        {
            context.Error(path, "rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified");
        }

        if (rewrite.UriRegexRewrite is { } regexRewrite)
        {
            if (regexRewrite.Match.Length == 0 || regexRewrite.Rewrite.Length == 0)
            {
                context.Error($"{path}.uriRegexRewrite", "UriRegexRewrite requires both Rewrite and Match fields to be specified");
            }
            else
            {
                context.ErrorIf($"{path}.uriRegexRewrite.match", Re2Regexes.Check(regexRewrite.Match));
            }
        }
    }

    private static void CheckDirectResponse(string path, HTTPDirectResponse direct, ValidationContext context)
    {
        if (direct.Status is < 200 or > 599)
        {
            context.Error($"{path}.status", $"HTTP status {direct.Status} is not in range 200-599");
        }

        var size = direct.Body?.SpecifierCase switch
        {
            HTTPBody.SpecifierOneofCase.String => System.Text.Encoding.UTF8.GetByteCount(direct.Body.String),
            HTTPBody.SpecifierOneofCase.Bytes => direct.Body.Bytes.Length,
            _ => 0,
        };
        if (size > MaxDirectResponseBytes)
        {
            context.Error($"{path}.body", "large direct_responses may impact control plane performance, must be less than 1MB");
        }
        else if (size > LargeDirectResponseBytes)
        {
            context.Warning($"{path}.body", "large direct_responses may impact control plane performance");
        }
    }
}
