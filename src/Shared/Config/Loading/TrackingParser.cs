using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>A YAML parser that remembers where the last event it produced ended, to place errors the parser gives no position for.</summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public Mark LastEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastEnd = current.End;
        }

        return moved;
    }
}
