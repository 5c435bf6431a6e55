namespace ControlPlane.Shared.Registry;

/// <summary>Where a workload runs, as Istio writes it: <c>region/zone/subzone</c>, any part may be empty.</summary>
public sealed record Locality(string Region, string Zone, string SubZone)
{
    public static Locality Unknown { get; } = new(string.Empty, string.Empty, string.Empty);

    /// <summary>Parses <c>us-east1/us-east1-b/rack4</c>; missing parts are empty.</summary>
    public static Locality Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Unknown;
        }

        var parts = text.Split('/', 3);
        return new Locality(parts[0], parts.Length > 1 ? parts[1] : string.Empty, parts.Length > 2 ? parts[2] : string.Empty);
    }

    public override string ToString() => $"{Region}/{Zone}/{SubZone}".TrimEnd('/');
}
