namespace ControlPlane.Shared.Config;

/// <summary>A place in a config file: 1-based line and column, as editors show them.</summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
