using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// Hides one code on matching resources, as <c>istioctl analyze --suppress</c> does. Written
/// <c>CODE=Kind/namespace/name</c>, <c>CODE=Kind namespace/name</c> or istioctl's
/// <c>CODE=Kind name.namespace</c>; <c>*</c> matches any run of characters (<c>IST0101=VirtualService/default/*</c>,
/// <c>IST0101=VirtualService/*</c>, <c>IST0101=*</c>).
/// </summary>
internal sealed partial class AnalysisSuppression
{
    private readonly Regex _resource;

    private AnalysisSuppression(string code, string resourcePattern, string text)
    {
        Code = code;
        ResourcePattern = resourcePattern;
        Text = text;
        var regex = "^" + string.Join(".*", resourcePattern.Split('*').Select(Regex.Escape)) + "$";
        _resource = new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Code { get; }

    /// <summary>The resource pattern in Istio's naming: <c>VirtualService default/*</c>.</summary>
    public string ResourcePattern { get; }

    /// <summary>As the user wrote it.</summary>
    public string Text { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out AnalysisSuppression? suppression, [NotNullWhen(false)] out string? error)
    {
        suppression = null;
        error = null;
        var parts = text.Split('=');
        if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
        {
            error = $"{text} is not a valid suppression value: expected CODE=Kind/namespace/name (e.g. IST0101=VirtualService/default/reviews)";
            return false;
        }

        var code = parts[0].Trim();
        var resource = parts[1].Trim();
        string pattern;
        if (resource == "*")
        {
            pattern = "*";
        }
        else if (KindOnlyForm().Match(resource) is { Success: true } kindOnly)
        {
            pattern = $"{kindOnly.Groups["kind"].Value} *";
        }
        else if (SlashForm().Match(resource) is { Success: true } slash)
        {
            pattern = $"{slash.Groups["kind"].Value} {slash.Groups["ns"].Value}/{slash.Groups["name"].Value}";
        }
        else if (IstioForm().IsMatch(resource))
        {
            pattern = resource;
        }
        else if (DotForm().Match(resource) is { Success: true } dot)
        {
            pattern = $"{dot.Groups["kind"].Value} {dot.Groups["ns"].Value}/{dot.Groups["name"].Value}";
        }
        else
        {
            error = $"{text} is not a valid suppression value: the resource must be Kind/namespace/name, Kind namespace/name or Kind name.namespace";
            return false;
        }

        suppression = new AnalysisSuppression(code, pattern, text);
        return true;
    }

    /// <summary>Whether <paramref name="message"/> is hidden by this suppression.</summary>
    public bool Suppresses(ConfigDiagnostic message) =>
        message.Code == Code && message.ObjectReference is { } reference && _resource.IsMatch(reference);

    [GeneratedRegex(@"^(?<kind>[^/\s]+)/\*$")]
    private static partial Regex KindOnlyForm();

    [GeneratedRegex(@"^(?<kind>[^/\s]+)/(?<ns>[^/\s]+)/(?<name>[^/\s]+)$")]
    private static partial Regex SlashForm();

    [GeneratedRegex(@"^[^/\s]+ [^/\s]+/[^/\s]+$")]
    private static partial Regex IstioForm();

    [GeneratedRegex(@"^(?<kind>[^/\s]+) (?<name>[^/\s]+)\.(?<ns>[^./\s]+)$")]
    private static partial Regex DotForm();
}
