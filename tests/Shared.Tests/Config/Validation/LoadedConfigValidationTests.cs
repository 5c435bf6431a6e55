using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Shared.Tests.Config.Validation;

/// <summary>Validation of objects as the Shared loader reads them: field paths must meet the loader's positions.</summary>
public sealed class LoadedConfigValidationTests
{
    [Fact]
    public void Validate_LoadedYaml_PointsAtTheLineAndColumnOfEachField()
    {
        var loaded = new ConfigLoader().LoadText("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts:
              - reviews
              http:
              - match:
                - headers:
                    end-user:
                      regex: "(?=jason)"
                    "x.trace":
                      prefix: ""
                  sourceLabels:
                    app.kubernetes.io/name: "bad value"
                route:
                - destination:
                    host: reviews
            """, "reviews.yaml");
        var config = Assert.Single(loaded.Objects);

        var lines = new ConfigValidator().Validate(config).Errors.Select(e => e.ToString()).ToArray();

        Assert.Equal(
            [
                "reviews.yaml:12:11: VirtualService default/reviews: spec.http[0].match[0].headers.end-user.regex: invalid regex \"(?=jason)\": lookahead (?=) is not supported; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)",
                "reviews.yaml:14:11: VirtualService default/reviews: spec.http[0].match[0].headers[\"x.trace\"].prefix: prefix string match should not be empty",
                "reviews.yaml:16:9: VirtualService default/reviews: spec.http[0].match[0].sourceLabels[\"app.kubernetes.io/name\"]: invalid tag value: \"bad value\"",
            ],
            lines);
    }
}
