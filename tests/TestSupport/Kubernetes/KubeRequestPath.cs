namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// A resource path parsed as the API server routes it: <c>/api/v1/[namespaces/NS/]PLURAL[/NAME[/SUBRESOURCE]]</c>
/// or <c>/apis/GROUP/VERSION/...</c> the same way.
/// </summary>
internal sealed record KubeRequestPath(string Group, string Version, string? Namespace, string Plural, string? Name, string? Subresource)
{
    public static KubeRequestPath? Parse(string[] segments)
    {
        string group;
        string version;
        string[] rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], segments[2..]);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return null;
        }

        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces" && rest[2] is not ("status" or "finalize"))
        {
            ns = rest[1];
            rest = rest[2..];
        }

        return rest.Length switch
        {
            1 => new(group, version, ns, rest[0], null, null),
            2 => new(group, version, ns, rest[0], rest[1], null),
            3 => new(group, version, ns, rest[0], rest[1], rest[2]),
            _ => null,
        };
    }
}
