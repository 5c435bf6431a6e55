using BenchmarkDotNet.Attributes;
using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Bench.Galley;

/// <summary>
/// Validation throughput over 10,000 objects: loading YAML plus validation (what <c>meshctl
/// validate</c> and the file source do), and validation alone. One operation is one object, so
/// the Op/s column reads as objects per second.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private const int Objects = 10_000;

    private readonly ConfigLoader _loader = new();
    private readonly ConfigValidator _validator = new();
    private string _yaml = string.Empty;
    private IReadOnlyList<ConfigObject> _loaded = [];

    [GlobalSetup]
    public void Setup()
    {
        _yaml = ConfigCorpus.Yaml(Objects);
        var result = _loader.LoadText(_yaml, "corpus.yaml");
        if (result.HasErrors || result.Objects.Count != Objects)
        {
            throw new InvalidOperationException($"corpus must load clean: {result.Objects.Count} objects, first error {result.Diagnostics.FirstOrDefault()}");
        }

        var invalid = result.Objects.Select(_validator.Validate).FirstOrDefault(r => !r.IsValid);
        if (invalid is not null)
        {
            throw new InvalidOperationException($"corpus must validate clean: {invalid.Errors[0]}");
        }

        _loaded = result.Objects;
    }

    [Benchmark(OperationsPerInvoke = Objects, Description = "load + validate")]
    public int LoadAndValidate()
    {
        var valid = 0;
        foreach (var config in _loader.LoadText(_yaml, "corpus.yaml").Objects)
        {
            valid += _validator.Validate(config).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Objects, Description = "validate only")]
    public int ValidateOnly()
    {
        var valid = 0;
        foreach (var config in _loaded)
        {
            valid += _validator.Validate(config).IsValid ? 1 : 0;
        }

        return valid;
    }
}
