using System.ComponentModel;
using System.Globalization;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// A documented command-line flag (<c>--name VALUE</c>) mapped onto a configuration key, so that
/// services read it through <c>IOptions&lt;T&gt;</c> like any other setting. A flag made with
/// <see cref="ForOption{TOptions}"/> takes its default and its value type from the options class,
/// so the default is written once, and a value of the wrong type is a usage error naming the flag.
/// </summary>
public sealed record MeshFlag(string Name, string ConfigKey, string Description, string? DefaultValue = null, Type? ValueType = null)
{
    /// <summary>A switch (<c>--name</c> alone means true) rather than a flag that needs a value; <c>--name=false</c> also works.</summary>
    public bool IsSwitch { get; init; }

    /// <summary>
    /// The flag for property <paramref name="property"/> of <typeparamref name="TOptions"/>, bound
    /// from section <paramref name="section"/>; its default is the property's initial value.
    /// </summary>
    public static MeshFlag ForOption<TOptions>(string name, string section, string property, string description)
        where TOptions : class, new()
    {
        var info = typeof(TOptions).GetProperty(property) ?? throw new ArgumentException($"{typeof(TOptions).Name} has no property {property}", nameof(property));
        return new MeshFlag(name, $"{section}:{property}", description, FormatDefault(info.GetValue(new TOptions())), info.PropertyType);
    }

    /// <summary>Null when <paramref name="value"/> suits <see cref="ValueType"/> (as the configuration binder converts it), else what is wrong.</summary>
    public string? Check(string value)
    {
        if (ValueType is null || ValueType == typeof(string))
        {
            return null;
        }

        try
        {
            _ = TypeDescriptor.GetConverter(ValueType).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException || e.InnerException is FormatException or OverflowException)
        {
            return $"{Name}: '{value}' is not {Describe(ValueType)}";
        }
    }

    private static string? FormatDefault(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("g", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(TimeSpan) => "a duration as [d.]hh:mm:ss[.fff], e.g. 0:00:00.1",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t => $"a {t.Name}",
    };
}
