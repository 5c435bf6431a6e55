using ControlPlane.Shared.Config;
using Mesh.Policy.V1Alpha1;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>
/// Turns the <c>RateLimitConfig</c> objects of a snapshot into a <see cref="RateLimitTable"/>.
/// Every problem is reported with the object's file, line and field path; an object with an
/// error is left out whole, so it never half-applies.
/// </summary>
internal static class RateLimitConfigCompiler
{
    public const string Kind = "RateLimitConfig";

    public static RateLimitTable Compile(ConfigSnapshot snapshot)
    {
        var domains = new Dictionary<string, RateLimitDomain>(StringComparer.Ordinal);
        var diagnostics = new List<ConfigDiagnostic>();
        foreach (var obj in snapshot.OfKind(Kind).OrderBy(o => o.Meta.Namespace, StringComparer.Ordinal).ThenBy(o => o.Meta.Name, StringComparer.Ordinal))
        {
            if (obj.Spec is not RateLimitConfig spec)
            {
                diagnostics.Add(Error(obj, "spec", $"spec is {obj.Spec.Descriptor.FullName}, expected {RateLimitConfig.Descriptor.FullName}"));
                continue;
            }

            var errors = new List<ConfigDiagnostic>();
            if (spec.Domain.Length == 0)
            {
                errors.Add(Error(obj, "spec.domain", "domain must not be empty"));
            }
            else if (domains.TryGetValue(spec.Domain, out var existing))
            {
                errors.Add(Error(obj, "spec.domain", $"domain '{spec.Domain}' is already configured by {existing.Source}"));
            }

            var roots = CompileLevel(obj, spec.Descriptors, "spec.descriptors", spec.Domain, errors);
            if (errors.Count == 0)
            {
                domains.Add(spec.Domain, new RateLimitDomain(spec.Domain, obj.Reference, roots));
            }

            diagnostics.AddRange(errors);
        }

        return new RateLimitTable(snapshot.Version, domains, diagnostics);
    }

    private static Dictionary<string, DescriptorNode> CompileLevel(
        ConfigObject obj, IList<RateLimitDescriptor> descriptors, string path, string namePrefix, List<ConfigDiagnostic> errors)
    {
        var level = new Dictionary<string, DescriptorNode>(StringComparer.Ordinal);
        for (var i = 0; i < descriptors.Count; i++)
        {
            var descriptor = descriptors[i];
            var here = $"{path}[{i}]";
            if (descriptor.Key.Length == 0)
            {
                errors.Add(Error(obj, here + ".key", "key must not be empty"));
                continue;
            }

            var childKey = DescriptorNode.ChildKey(descriptor.Key, descriptor.Value);
            var name = $"{namePrefix}.{childKey}";
            var rule = CompileRule(obj, descriptor, here, name, errors);
            var children = CompileLevel(obj, descriptor.Descriptors, here + ".descriptors", name, errors);
            if (!level.TryAdd(childKey, new DescriptorNode(rule, children)))
            {
                errors.Add(Error(obj, here, $"duplicate descriptor '{childKey}' at this level"));
            }
        }

        return level;
    }

    private static RateLimitRule? CompileRule(ConfigObject obj, RateLimitDescriptor descriptor, string path, string name, List<ConfigDiagnostic> errors)
    {
        if (descriptor.RateLimit is not { } limit)
        {
            if (descriptor.ShadowMode)
            {
                errors.Add(Error(obj, path + ".shadowMode", "shadow_mode needs a rate_limit on the same descriptor"));
            }

            return null;
        }

        var ruleName = limit.Name.Length > 0 ? limit.Name : name;
        if (limit.Unlimited)
        {
            return new RateLimitRule(ruleName, 0, WindowUnit.Second, descriptor.ShadowMode, Unlimited: true);
        }

        if (!WindowUnits.TryParse(limit.Unit, out var unit))
        {
            errors.Add(Error(obj, path + ".rateLimit.unit", $"unit '{limit.Unit}' is not one of second, minute, hour, day"));
            return null;
        }

        return new RateLimitRule(ruleName, limit.RequestsPerUnit, unit, descriptor.ShadowMode, Unlimited: false);
    }

    private static ConfigDiagnostic Error(ConfigObject obj, string fieldPath, string message) =>
        new(DiagnosticLevel.Error, message, obj.PositionOf(fieldPath), obj.Reference, fieldPath);
}
