using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>Proto enum values as users write them (<c>AUTO_PASSTHROUGH</c>), and whether a value is one the proto defines.</summary>
internal static class ProtoEnums
{
    private static readonly ConcurrentDictionary<(Type, int), string?> Names = new();

    /// <summary>The proto name of <paramref name="value"/>, or its number when the proto does not define it.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return Names.GetOrAdd((typeof(T), number), static key =>
        {
            var field = key.Item1.GetFields(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(f => Convert.ToInt32(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture) == key.Item2);
            return field?.GetCustomAttribute<OriginalNameAttribute>()?.Name;
        }) ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the proto defines <paramref name="value"/> (proto3 keeps unknown numbers as they came).</summary>
    public static bool IsDefined<T>(T value)
        where T : struct, Enum => Enum.IsDefined(value);
}
