using ControlPlane.Shared.Config;
using Google.Protobuf;

namespace ControlPlane.TestSupport;

/// <summary>Builds ConfigObjects from a spec written as proto JSON, as the loader would hand them over.</summary>
public static class TestObjects
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <summary>A spec in proto JSON; single quotes stand for double quotes, to keep test data readable.</summary>
    public static ConfigObject Create(ConfigKind kind, string specJson, string name = "test", string ns = "default")
    {
        var spec = Parser.Parse(specJson.Replace('\'', '"'), kind.Descriptor);
        return new ConfigObject(kind, $"{kind.Group}/{kind.Versions[^1]}", ObjectMeta.Create(name, ns), spec);
    }

    public static ConfigObject Create<T>(ConfigKind kind, T spec, string name = "test", string ns = "default")
        where T : IMessage => new(kind, $"{kind.Group}/{kind.Versions[^1]}", ObjectMeta.Create(name, ns), spec);

    public static T Spec<T>(ConfigKind kind, string specJson)
        where T : IMessage => (T)Parser.Parse(specJson.Replace('\'', '"'), kind.Descriptor);
}
