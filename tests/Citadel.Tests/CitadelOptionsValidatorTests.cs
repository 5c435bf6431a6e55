namespace ControlPlane.Citadel.Tests;

public sealed class CitadelOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new CitadelOptionsValidator().Validate(null, new CitadelOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEachWithItsFlag()
    {
        var options = new CitadelOptions { KeyAlgorithm = "dsa", DefaultCertTtl = "soon", RootRotateBefore = "0d" };

        var failures = new CitadelOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("--ca-key-algorithm: 'dsa'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("--default-cert-ttl: 'soon' is not a duration", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("--root-rotate-before:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RotateBeforeAsLongAsTheRootLifetime_Fails()
    {
        var options = new CitadelOptions { RootCertTtl = "30d", RootRotateBefore = "30d" };

        var failure = Assert.Single(new CitadelOptionsValidator().Validate(null, options).Failures!);

        Assert.Contains("shorter than --root-cert-ttl", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_Defaults_ComeFromCitadelOptions()
    {
        var defaults = new CitadelOptions();

        Assert.Equal(defaults.MaxCertTtl, Default("--max-cert-ttl"));
        Assert.Equal(defaults.RootCertTtl, Default("--root-cert-ttl"));
        Assert.Equal(defaults.KeyAlgorithm, Default("--ca-key-algorithm"));
        Assert.Equal("true", Default("--local-jwt-issuer"));
    }

    private static string? Default(string flag) => Assert.Single(CitadelRegistration.Flags, f => f.Name == flag).DefaultValue;
}
