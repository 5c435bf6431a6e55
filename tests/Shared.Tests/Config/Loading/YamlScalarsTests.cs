using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Shared.Tests.Config.Loading;

public sealed class YamlScalarsTests
{
    [Theory]
    [InlineData("", "Null")]
    [InlineData("~", "Null")]
    [InlineData("null", "Null")]
    [InlineData("true", "Bool")]
    [InlineData("False", "Bool")]
    [InlineData("yes", "String")]
    [InlineData("on", "String")]
    [InlineData("80", "Int")]
    [InlineData("-3", "Int")]
    [InlineData("0x1F", "Int")]
    [InlineData("0o17", "Int")]
    [InlineData("1.5", "Float")]
    [InlineData("1e3", "Float")]
    [InlineData(".5", "Float")]
    [InlineData(".inf", "Float")]
    [InlineData("1.5s", "String")]
    [InlineData("v1", "String")]
    [InlineData("1.2.3", "String")]
    [InlineData("-", "String")]
    [InlineData("e3", "String")]
    public void Classify_PlainScalar_FollowsYaml12CoreSchema(string text, string expected)
    {
        Assert.Equal(Enum.Parse<ScalarKind>(expected), YamlScalars.Classify(text));
    }

    [Theory]
    [InlineData("0x1F", 31)]
    [InlineData("0o17", 15)]
    [InlineData("-2.5", -2.5)]
    public void TryParseNumber_Number_ParsesAllForms(string text, double expected)
    {
        Assert.True(YamlScalars.TryParseNumber(text, out var number));
        Assert.Equal(expected, number);
    }
}
