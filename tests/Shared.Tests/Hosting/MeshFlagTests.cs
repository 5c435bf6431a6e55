using ControlPlane.Shared.Hosting;

namespace ControlPlane.Shared.Tests.Hosting;

public sealed class MeshFlagTests
{
    [Fact]
    public void ForOption_TakesTheDefaultAndKeyFromTheOptionsClass()
    {
        var flag = MeshFlag.ForOption<SampleOptions>("--wait", "Sample", nameof(SampleOptions.Wait), "how long");

        Assert.Equal("Sample:Wait", flag.ConfigKey);
        Assert.Equal("0:00:02.5", flag.DefaultValue);
        Assert.Equal(typeof(TimeSpan), flag.ValueType);
    }

    [Fact]
    public void ForOption_NullDefault_ShowsNoDefault()
    {
        Assert.Null(MeshFlag.ForOption<SampleOptions>("--name", "Sample", nameof(SampleOptions.Name), "a name").DefaultValue);
    }

    [Theory]
    [InlineData("--wait", nameof(SampleOptions.Wait), "soon", "--wait: 'soon' is not a duration")]
    [InlineData("--count", nameof(SampleOptions.Count), "many", "--count: 'many' is not a whole number")]
    [InlineData("--on", nameof(SampleOptions.On), "maybe", "--on: 'maybe' is not true or false")]
    public void Check_ValueOfTheWrongType_SaysWhatIsWrong(string name, string property, string value, string expected)
    {
        var flag = MeshFlag.ForOption<SampleOptions>(name, "Sample", property, "x");

        Assert.StartsWith(expected, flag.Check(value), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ValuesTheBinderAccepts_Pass()
    {
        Assert.Null(MeshFlag.ForOption<SampleOptions>("--wait", "Sample", nameof(SampleOptions.Wait), "x").Check("-00:00:01"));
        Assert.Null(MeshFlag.ForOption<SampleOptions>("--count", "Sample", nameof(SampleOptions.Count), "x").Check("3"));
        Assert.Null(MeshFlag.ForOption<SampleOptions>("--name", "Sample", nameof(SampleOptions.Name), "x").Check("anything"));
    }

    [Fact]
    public void MeshHostOptionsValidator_BadBindAddress_FailsNamingTheFlag()
    {
        var result = new MeshHostOptionsValidator().Validate(null, new MeshHostOptions { BindAddress = "localhost", DataDir = "" });

        Assert.Contains(result.Failures!, f => f == "--bind-address: 'localhost' is not an IP address");
        Assert.Contains(result.Failures!, f => f == "--data-dir: must not be empty");
    }

    private sealed class SampleOptions
    {
        public TimeSpan Wait { get; set; } = TimeSpan.FromMilliseconds(2500);

        public int Count { get; set; } = 1;

        public bool On { get; set; }

        public string? Name { get; set; }
    }
}
