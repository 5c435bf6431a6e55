using ControlPlane.Shared.Config;
using Mesh.Policy.V1Alpha1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// RateLimitConfig, in envoyproxy/ratelimit's format: a domain; every descriptor has a key; a
/// limit has a unit of second, minute, hour or day and a positive request count unless it is
/// unlimited; sibling descriptors are unique by key and value (otherwise one would never match).
/// </summary>
internal sealed class RateLimitConfigRule() : ValidationRule<RateLimitConfig>(ConfigKinds.RateLimitConfig)
{
    private static readonly string[] Units = ["second", "minute", "hour", "day"];

    protected override void Validate(RateLimitConfig spec, ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(spec.Domain))
        {
            context.Error("spec.domain", "domain is required");
        }

        ValidateLevel(spec.Descriptors, "spec.descriptors", context);
    }

    private static void ValidateLevel(IList<RateLimitDescriptor> descriptors, string path, ValidationContext context)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < descriptors.Count; i++)
        {
            var descriptor = descriptors[i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrEmpty(descriptor.Key))
            {
                context.Error($"{at}.key", "descriptor key is required");
            }
            else if (!seen.Add((descriptor.Key, descriptor.Value)))
            {
                context.Error(at, $"duplicate descriptor key \"{descriptor.Key}\" value \"{descriptor.Value}\" at this level");
            }

            if (descriptor.RateLimit is { } limit)
            {
                ValidateLimit(limit, $"{at}.rateLimit", context);
            }

            ValidateLevel(descriptor.Descriptors, $"{at}.descriptors", context);
        }
    }

    private static void ValidateLimit(RateLimitPolicy limit, string path, ValidationContext context)
    {
        if (limit.Unlimited)
        {
            return;
        }

        if (!Units.Contains(limit.Unit, StringComparer.OrdinalIgnoreCase))
        {
            context.Error($"{path}.unit", $"unknown unit \"{limit.Unit}\", must be one of second, minute, hour, day");
        }

        if (limit.RequestsPerUnit == 0)
        {
            context.Error($"{path}.requestsPerUnit", "requests_per_unit must be greater than 0 unless the limit is unlimited");
        }
    }
}
