using System.Diagnostics.CodeAnalysis;

namespace ControlPlane.Shared.Identity;

/// <summary>
/// A SPIFFE id, <c>spiffe://trust-domain/path</c>, checked against the SPIFFE-ID specification
/// (https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md): lower-case trust domain of
/// letters, digits, '.', '-' and '_'; path segments of letters, digits, '.', '-' and '_', none
/// empty, '.' or '..'; no query, fragment, port or user info. Workloads are named
/// <c>spiffe://TD/ns/NAMESPACE/sa/SERVICE_ACCOUNT</c>, as Istio does.
/// </summary>
public sealed record SpiffeId
{
    private const string Scheme = "spiffe://";
    private const int MaxLength = 2048;

    private SpiffeId(string trustDomain, string path)
    {
        TrustDomain = trustDomain;
        Path = path;
    }

    /// <summary>The trust domain, e.g. <c>cluster.local</c>.</summary>
    public string TrustDomain { get; }

    /// <summary>The path, starting with '/', or empty for the trust domain's own id.</summary>
    public string Path { get; }

    /// <summary>The namespace of an <c>/ns/NS/sa/SA</c> id, otherwise null.</summary>
    public string? Namespace => WorkloadParts() is { } parts ? parts.Namespace : null;

    /// <summary>The service account of an <c>/ns/NS/sa/SA</c> id, otherwise null.</summary>
    public string? ServiceAccount => WorkloadParts() is { } parts ? parts.ServiceAccount : null;

    /// <summary>The id of a Kubernetes-style workload identity.</summary>
    public static SpiffeId ForServiceAccount(string trustDomain, string @namespace, string serviceAccount) =>
        Parse($"{Scheme}{trustDomain}/ns/{@namespace}/sa/{serviceAccount}");

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static SpiffeId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException($"'{text}' is not a SPIFFE id: {error}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out SpiffeId? id) => TryParse(text, out id, out _);

    public static bool TryParse(string? text, [NotNullWhen(true)] out SpiffeId? id, [NotNullWhen(false)] out string? error)
    {
        id = null;
        error = Check(text);
        if (error is not null)
        {
            return false;
        }

        var rest = text![Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        id = slash < 0 ? new SpiffeId(rest, string.Empty) : new SpiffeId(rest[..slash], rest[slash..]);
        return true;
    }

    public override string ToString() => Scheme + TrustDomain + Path;

    private (string Namespace, string ServiceAccount)? WorkloadParts()
    {
        var segments = Path.Split('/');
        return segments is ["", "ns", var ns, "sa", var sa] ? (ns, sa) : null;
    }

    private static string? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "it is empty";
        }

        if (text.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        if (!text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return "the scheme must be 'spiffe://' (lower case)";
        }

        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var trustDomain = slash < 0 ? rest : rest[..slash];
        if (trustDomain.Length == 0)
        {
            return "the trust domain is missing";
        }

        if (!trustDomain.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_'))
        {
            return $"the trust domain '{trustDomain}' may hold only lower-case letters, digits, '.', '-' and '_'";
        }

        if (slash < 0)
        {
            return null;
        }

        var segments = rest[(slash + 1)..].Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                return "the path has an empty segment or a trailing '/'";
            }

            if (segment is "." or "..")
            {
                return "the path may not hold '.' or '..' segments";
            }

            if (!segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return $"the path segment '{segment}' may hold only letters, digits, '.', '-' and '_'";
            }
        }

        return null;
    }
}
