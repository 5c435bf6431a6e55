using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// The order istioctl prints messages in: level (errors first), code, then resource (kind, name,
/// namespace), then position and text, so output is stable whatever order analyzers ran in.
/// </summary>
internal sealed class DiagnosticOrder : IComparer<ConfigDiagnostic>
{
    public static DiagnosticOrder Instance { get; } = new();

    public int Compare(ConfigDiagnostic? x, ConfigDiagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byLevel = x.Level.CompareTo(y.Level);
        if (byLevel != 0)
        {
            return byLevel;
        }

        var byCode = string.CompareOrdinal(x.Code, y.Code);
        if (byCode != 0)
        {
            return byCode;
        }

        var byResource = string.CompareOrdinal(Comparator(x.ObjectReference), Comparator(y.ObjectReference));
        if (byResource != 0)
        {
            return byResource;
        }

        var byFile = string.CompareOrdinal(x.Position?.File, y.Position?.File);
        if (byFile != 0)
        {
            return byFile;
        }

        var byLine = (x.Position?.Line ?? 0).CompareTo(y.Position?.Line ?? 0);
        return byLine != 0 ? byLine : string.CompareOrdinal(x.ToString(), y.ToString());
    }

    /// <summary><c>Kind ns/name</c> as Istio's comparator: <c>Kind/name/ns</c>.</summary>
    private static string? Comparator(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var space = reference.IndexOf(' ', StringComparison.Ordinal);
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return space < 0 || slash < space
            ? reference
            : $"{reference[..space]}/{reference[(slash + 1)..]}/{reference[(space + 1)..slash]}";
    }
}
