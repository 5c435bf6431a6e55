using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Load balancer settings: consistent hash cookies named, maglev table sizes prime and below
/// 5000011, not both the deprecated minimumRingSize and a hash algorithm, not both locality and
/// zone-aware settings, locality distribution weights summing to 100, warmup values in range.
/// </summary>
internal sealed class DestinationRuleLoadBalancerRule() : ValidationRule<DestinationRule>(ConfigKinds.DestinationRule)
{
    private const ulong MaglevTableSizeLimit = 5000011;

    protected override void Validate(DestinationRule spec, ValidationContext context)
    {
        foreach (var settings in PolicySettings.Of(spec))
        {
            if (settings.LoadBalancer is { } lb)
            {
                Check($"{settings.Path}.loadBalancer", lb, context);
            }
        }
    }

    private static void Check(string path, LoadBalancerSettings lb, ValidationContext context)
    {
        if (lb.ConsistentHash is { } hash)
        {
            CheckConsistentHash($"{path}.consistentHash", hash, context);
        }

        if (lb.LocalityLbSetting is not null && lb.ZoneAwareLbSetting is not null)
        {
            context.Error(path, "only one of localityLbSetting and zoneAwareLbSetting can be set");
        }

        if (lb.LocalityLbSetting is { } locality)
        {
            for (var i = 0; i < locality.Distribute.Count; i++)
            {
                var total = locality.Distribute[i].To.Values.Sum(v => (long)v);
                if (total != 100)
                {
                    context.Error($"{path}.localityLbSetting.distribute[{i}].to", $"total weight across all localities should be 100, but got {total}");
                }
            }

            if (locality.Distribute.Count > 0 && locality.Failover.Count > 0)
            {
                context.Error($"{path}.localityLbSetting", "can not simultaneously specify 'distribute' and 'failover'");
            }
        }

        if (lb.Warmup is { } warmup)
        {
            if (warmup.Duration is null)
            {
                context.Error($"{path}.warmup.duration", "duration is required");
            }
            else
            {
                context.ErrorIf($"{path}.warmup.duration", Durations.Check(warmup.Duration));
            }

            if (warmup.MinimumPercent > 100)
            {
                context.Error($"{path}.warmup.minimumPercent", "minimumPercent value should be less than or equal to 100");
            }

            if (warmup.Aggression is <= 0)
            {
                context.Error($"{path}.warmup.aggression", "aggression should be greater than 0");
            }
        }

        context.ErrorIf($"{path}.warmupDurationSecs", Durations.CheckIfSet(lb.WarmupDurationSecs));
    }

    private static void CheckConsistentHash(string path, LoadBalancerSettings.Types.ConsistentHashLB hash, ValidationContext context)
    {
        if (hash.HttpCookie is { } cookie)
        {
            if (cookie.Name.Length == 0)
            {
                context.Error($"{path}.httpCookie.name", "name required for HttpCookie");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < cookie.Attributes.Count; i++)
            {
                var name = cookie.Attributes[i].Name;
                if (name.Length == 0)
                {
                    context.Error($"{path}.httpCookie.attributes[{i}].name", "cookie attribute name cannot be empty");
                }
                else if (!names.Add(name))
                {
                    context.Error($"{path}.httpCookie.attributes[{i}].name", $"duplicate cookie attribute name: {name}");
                }
            }
        }

        if (hash.MinimumRingSize != 0)
        {
            context.Warning($"{path}.minimumRingSize", "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
            if (hash.HashAlgorithmCase != LoadBalancerSettings.Types.ConsistentHashLB.HashAlgorithmOneofCase.None)
            {
                context.Error(path, "only one of MinimumRingSize or Maglev/Ringhash can be specified");
            }
        }

        if (hash.Maglev is { } maglev)
        {
            var sizePath = $"{path}.maglev.tableSize";
            if (maglev.TableSize == 0)
            {
                context.Error(sizePath, "tableSize must be set for maglev");
            }
            else if (maglev.TableSize >= MaglevTableSizeLimit)
            {
                context.Error(sizePath, $"tableSize must be less than {MaglevTableSizeLimit} for maglev");
            }
            else if (!IsPrime(maglev.TableSize))
            {
                context.Error(sizePath, "tableSize must be a prime number for maglev");
            }
        }
    }

    private static bool IsPrime(ulong x)
    {
        if (x < 4)
        {
            return x > 1;
        }

        if (x % 2 == 0)
        {
            return false;
        }

        for (ulong factor = 3; factor * factor <= x; factor += 2)
        {
            if (x % factor == 0)
            {
                return false;
            }
        }

        return true;
    }
}
