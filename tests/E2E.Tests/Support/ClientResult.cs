namespace ControlPlane.E2E.Tests.Support;

/// <summary>What a batch of calls returned: answers per backend version, failures per gRPC status name.</summary>
public sealed record ClientResult(Dictionary<string, int> Counts, Dictionary<string, int> Errors)
{
    public int Count(string version) => Counts.GetValueOrDefault(version);

    public int Error(string status) => Errors.GetValueOrDefault(status);

    public override string ToString() =>
        $"counts {{{string.Join(", ", Counts.Select(kv => $"{kv.Key}: {kv.Value}"))}}} errors {{{string.Join(", ", Errors.Select(kv => $"{kv.Key}: {kv.Value}"))}}}";
}
