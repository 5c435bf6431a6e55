using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Maps positions in one parsed YAML document back to its file: documents are parsed one at a
/// time, so a document's lines are offset by where it starts in the file.
/// </summary>
internal sealed class SourceMap(string file, int lineOffset)
{
    public string File { get; } = file;

    public SourcePosition Of(YamlNode node) => Of(node.Start);

    public SourcePosition Of(Mark mark) => new(File, (int)mark.Line + lineOffset, (int)mark.Column);
}
