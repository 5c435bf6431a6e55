using System.Text.Json;
using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// JWT rules: an issuer; a jwksUri that is an http(s) URL, or inline jwks that is a JSON Web Key
/// Set, not both; audiences, header, parameter and cookie locations non-empty; claim-to-header
/// outputs complete with valid header names; a valid timeout.
/// </summary>
internal sealed class RequestAuthenticationRule() : ValidationRule<RequestAuthentication>(ConfigKinds.RequestAuthentication)
{
    protected override void Validate(RequestAuthentication spec, ValidationContext context)
    {
        for (var i = 0; i < spec.JwtRules.Count; i++)
        {
            Check($"spec.jwtRules[{i}]", spec.JwtRules[i], context);
        }
    }

    private static void Check(string path, JWTRule rule, ValidationContext context)
    {
        if (rule.Issuer.Length == 0)
        {
            context.Error($"{path}.issuer", "issuer must be non-empty string");
        }

        if (rule.JwksUri.Length > 0 && rule.Jwks.Length > 0)
        {
            context.Error(path, "only one of jwks or jwksUri can be set");
        }

        if (rule.JwksUri.Length > 0)
        {
            if (!Uri.TryCreate(rule.JwksUri, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                context.Error($"{path}.jwksUri", $"jwksUri \"{rule.JwksUri}\" is not a valid URL");
            }
            else if (uri.Scheme is not ("http" or "https"))
            {
                context.Error($"{path}.jwksUri", $"URI scheme \"{uri.Scheme}\" is not supported");
            }
        }

        if (rule.Jwks.Length > 0 && CheckJwks(rule.Jwks) is { } jwksError)
        {
            context.Error($"{path}.jwks", $"jwks parse error: {jwksError}");
        }

        for (var a = 0; a < rule.Audiences.Count; a++)
        {
            if (rule.Audiences[a].Length == 0)
            {
                context.Error($"{path}.audiences[{a}]", "audience must be non-empty string");
            }
        }

        for (var h = 0; h < rule.FromHeaders.Count; h++)
        {
            if (rule.FromHeaders[h].Name.Length == 0)
            {
                context.Error($"{path}.fromHeaders[{h}].name", "location header name must be non-empty string");
            }
        }

        for (var q = 0; q < rule.FromParams.Count; q++)
        {
            if (rule.FromParams[q].Length == 0)
            {
                context.Error($"{path}.fromParams[{q}]", "location query must be non-empty string");
            }
        }

        for (var c = 0; c < rule.FromCookies.Count; c++)
        {
            if (rule.FromCookies[c].Length == 0)
            {
                context.Error($"{path}.fromCookies[{c}]", "cookie name must be non-empty string");
            }
        }

        for (var o = 0; o < rule.OutputClaimToHeaders.Count; o++)
        {
            var output = rule.OutputClaimToHeaders[o];
            if (output.Claim.Length == 0 || output.Header.Length == 0)
            {
                context.Error($"{path}.outputClaimToHeaders[{o}]", "outputClaimToHeaders header and claim value must be non-empty string");
            }
            else if (!output.Header.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            {
                context.Error($"{path}.outputClaimToHeaders[{o}].header", $"header name {output.Header} is not a valid header name");
            }
        }

        context.ErrorIf($"{path}.timeout", Durations.CheckIfSet(rule.Timeout));
    }

    private static string? CheckJwks(string jwks)
    {
        try
        {
            using var document = JsonDocument.Parse(jwks);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array
                ? null
                : "a JSON Web Key Set is an object with a \"keys\" array";
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }
}
