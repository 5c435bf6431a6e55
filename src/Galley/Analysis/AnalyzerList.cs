using System.Text;

namespace ControlPlane.Galley.Analysis;

/// <summary>The analyzers as <c>istioctl analyze --list-analyzers</c> prints them: name, then description.</summary>
internal static class AnalyzerList
{
    public static string Text(ConfigAnalyzer analyzer)
    {
        var text = new StringBuilder("Available analyzers:");
        foreach (var a in analyzer.Analyzers.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            text.Append("\n* ").Append(a.Name).Append(":\n    ").Append(a.Description);
        }

        return text.ToString();
    }
}
