using System.Globalization;
using ControlPlane.Shared.Config.Validation.Checks;
using Google.Protobuf.Collections;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Value checks shared by AuthorizationPolicy sources, operations and conditions, with Istio's messages.</summary>
internal static class SecurityValues
{
    private const int MaxServiceAccounts = 16;
    private const int MaxServiceAccountLength = 320;

    /// <summary>No empty strings among the values of <paramref name="name"/>.</summary>
    public static void NotEmpty(string path, string name, RepeatedField<string> values, ValidationContext context)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length == 0)
            {
                context.Error($"{path}[{i}]", $"empty value not allowed, found in {name}");
            }
        }
    }

    /// <summary>IP addresses or CIDR blocks.</summary>
    public static void IpBlocks(string path, IReadOnlyList<string> values, ValidationContext context)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value.Length == 0)
            {
                continue;
            }

            if (value.Contains('/', StringComparison.Ordinal) ? !IpAddresses.IsCidr(value) : !IpAddresses.IsAddress(value))
            {
                context.Error($"{path}[{i}]", value.Contains('/', StringComparison.Ordinal) ? $"bad CIDR range ({value})" : $"bad IP address ({value})");
            }
        }
    }

    /// <summary>Port numbers as strings, 0..65535.</summary>
    public static void PortStrings(string path, IReadOnlyList<string> values, ValidationContext context)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length > 0 && (!uint.TryParse(values[i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535))
            {
                context.Error($"{path}[{i}]", $"bad port ({values[i]})");
            }
        }
    }

    /// <summary>Service accounts as <c>name</c> or <c>namespace/name</c>, at most 16.</summary>
    public static void ServiceAccounts(string path, string name, IReadOnlyList<string> values, ValidationContext context)
    {
        if (values.Count > MaxServiceAccounts)
        {
            context.Error(path, "may not have more than 16 values");
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var message = value switch
            {
                "" => $"empty value not allowed, found in {name}",
                _ when value.Contains('*', StringComparison.Ordinal) => $"wildcard not allowed, found in {name}",
                _ when value.Count(c => c == '/') > 1 => $"expected format 'serviceAccount' or 'namespace/serviceAccount', found \"{value}\" in {name}",
                _ when value.Length > MaxServiceAccountLength => $"value cannot exceed 320 characters, found \"{value}\" in {name}",
                _ when value.StartsWith('/') => $"expected format 'serviceAccount' or 'namespace/serviceAccount', found empty namespace \"{value}\" in {name}",
                _ when value.EndsWith('/') => $"expected format 'serviceAccount' or 'namespace/serviceAccount', found empty serviceAccount \"{value}\" in {name}",
                _ => null,
            };
            context.ErrorIf($"{path}[{i}]", message);
        }
    }

    /// <summary>Trust domains: no <c>/</c>.</summary>
    public static void TrustDomains(string path, string name, IReadOnlyList<string> values, ValidationContext context)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Contains('/', StringComparison.Ordinal))
            {
                context.Error($"{path}[{i}]", $"trust domain must not contain '/', found in {name}: \"{values[i]}\"");
            }
        }
    }
}
