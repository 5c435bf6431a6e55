using Google.Protobuf.WellKnownTypes;
using ControlPlane.Mixer.Authorization;

namespace ControlPlane.Mixer.Api;

/// <summary>
/// Reads the JWT facts Istio's authn filter leaves in dynamic metadata (<c>istio_authn</c>):
/// strings, lists of strings, and <c>request.auth.claims</c> as a struct of claim lists (nested
/// claims become <c>a.b</c>).
/// </summary>
internal static class AuthnMetadata
{
    public static string? Text(Struct? metadata, string key) =>
        metadata is not null && metadata.Fields.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    public static IReadOnlyList<string> List(Struct? metadata, string key) =>
        metadata is not null && metadata.Fields.TryGetValue(key, out var value) ? Strings(value) : [];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Claims(Struct? metadata)
    {
        if (metadata is null || !metadata.Fields.TryGetValue("request.auth.claims", out var claims) || claims.KindCase != Value.KindOneofCase.StructValue)
        {
            return CheckAttributes.NoClaims;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Flatten(claims.StructValue, string.Empty, result);
        return result;
    }

    private static void Flatten(Struct claims, string prefix, Dictionary<string, IReadOnlyList<string>> result)
    {
        foreach (var (name, value) in claims.Fields)
        {
            var path = prefix + name;
            if (value.KindCase == Value.KindOneofCase.StructValue)
            {
                Flatten(value.StructValue, path + ".", result);
            }
            else
            {
                result[path] = Strings(value);
            }
        }
    }

    private static IReadOnlyList<string> Strings(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => [value.StringValue],
        Value.KindOneofCase.ListValue => [.. value.ListValue.Values.Where(v => v.KindCase == Value.KindOneofCase.StringValue).Select(v => v.StringValue)],
        Value.KindOneofCase.BoolValue => [value.BoolValue ? "true" : "false"],
        Value.KindOneofCase.NumberValue => [value.NumberValue.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        _ => [],
    };
}
