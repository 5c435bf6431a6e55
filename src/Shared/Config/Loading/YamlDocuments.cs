using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Splits a YAML stream at its <c>---</c> document markers and parses each document on its own,
/// so a syntax error costs only the document it is in: the documents before and after it load.
/// A marker at column 1 ends any scalar in YAML (https://yaml.org/spec/1.2.2/#912-document-markers),
/// so splitting on such lines is safe.
/// </summary>
internal static partial class YamlDocuments
{
    public static void Read(string text, string file, bool split, LoadResultBuilder results)
    {
        // A stream with directives (%YAML, %TAG) binds them to the document after them: parse it whole.
        split &= !text.StartsWith('%') && !text.Contains("\n%", StringComparison.Ordinal);
        foreach (var (chunk, firstLine) in split ? Split(text) : [(text, 1)])
        {
            ReadChunk(chunk, new SourceMap(file, firstLine - 1), results);
        }
    }

    private static void ReadChunk(string chunk, SourceMap source, LoadResultBuilder results)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(chunk)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var message = MarkPrefix().Replace(ex.Message, string.Empty);
            results.Add(new ConfigDiagnostic(DiagnosticLevel.Error, $"YAML syntax error: {message}", source.Of(ex.Start)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (an unclosed flow
            // collection); report it where parsing stopped.
            results.Add(new ConfigDiagnostic(DiagnosticLevel.Error, "YAML syntax error: cannot parse past this point (is a [ or { left open?)", source.Of(parser.LastEnd)));
        }

        // Documents parsed before an error in the same chunk are kept.
        var loader = new ObjectLoader(source, results);
        foreach (var document in stream.Documents)
        {
            loader.Load(document.RootNode);
        }
    }

    private static IEnumerable<(string Chunk, int FirstLine)> Split(string text)
    {
        var start = 0;
        var startLine = 1;
        var line = 1;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            if (line > startLine && IsDocumentStart(text.AsSpan(position, next - position)))
            {
                yield return (text[start..position], startLine);
                start = position;
                startLine = line;
            }

            position = next;
            line++;
        }

        yield return (text[start..], startLine);
    }

    private static bool IsDocumentStart(ReadOnlySpan<char> line) =>
        line.StartsWith("---") && (line.Length == 3 || line[3] is ' ' or '\t' or '\r' or '\n');

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
