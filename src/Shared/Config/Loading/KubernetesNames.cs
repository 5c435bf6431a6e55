namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Name checks as Kubernetes makes them (k8s.io/apimachinery/pkg/util/validation), with its
/// messages: object names are DNS-1123 subdomains, namespaces DNS-1123 labels.
/// </summary>
internal static class KubernetesNames
{
    public const int SubdomainMaxLength = 253;
    public const int LabelMaxLength = 63;

    /// <summary>Null when <paramref name="value"/> is a DNS-1123 subdomain; otherwise why not.</summary>
    public static string? CheckSubdomain(string value)
    {
        if (value.Length > SubdomainMaxLength)
        {
            return $"must be no more than {SubdomainMaxLength} characters";
        }

        foreach (var part in value.Split('.'))
        {
            if (!IsLabelText(part))
            {
                return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                    + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
                    + @"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="value"/> is a DNS-1123 label; otherwise why not.</summary>
    public static string? CheckLabel(string value)
    {
        if (value.Length > LabelMaxLength)
        {
            return $"must be no more than {LabelMaxLength} characters";
        }

        return IsLabelText(value)
            ? null
            : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
                + "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    }

    private static bool IsLabelText(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || !IsAlphanumeric(value[0]) || !IsAlphanumeric(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsAlphanumeric(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphanumeric(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
