using ControlPlane.Shared.Config.Loading;
using ControlPlane.TestSupport;

namespace ControlPlane.Shared.Tests.Config.Loading;

public sealed class DirectoryLoadingTests
{
    [Fact]
    public void LoadDirectory_NestedYamlYmlAndJson_LoadsEachOnceInPathOrder()
    {
        var root = TempDirectory.Create("config-dir");
        Directory.CreateDirectory(Path.Combine(root, "networking", "gateways"));
        Directory.CreateDirectory(Path.Combine(root, "..data"));
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "a.yaml"), "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: a}\n");
        File.WriteAllText(Path.Combine(root, "networking", "b.yml"), "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: b}\n");
        File.WriteAllText(
            Path.Combine(root, "networking", "gateways", "c.json"),
            """{"apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": {"name": "c"}, "spec": {"selector": {"istio": "ingressgateway"}}}""");
        File.WriteAllText(Path.Combine(root, "..data", "a.yaml"), "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: a}\n");
        File.WriteAllText(Path.Combine(root, ".git", "x.yaml"), "not: [valid");
        File.WriteAllText(Path.Combine(root, "README.md"), "# not config");

        var result = new ConfigLoader().LoadPath(root);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "b", "c"], result.Objects.Select(o => o.Meta.Name));
        Assert.Equal(Path.Combine(root, "networking", "gateways", "c.json"), result.Objects[2].Position!.File);
        Assert.Equal(1, result.Objects[2].Position!.Line);
    }

    [Fact]
    public void LoadDirectory_BrokenFile_ReportsItAndLoadsTheOthers()
    {
        var root = TempDirectory.Create("config-dir");
        File.WriteAllText(Path.Combine(root, "good.yaml"), "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: good}\n");
        File.WriteAllText(Path.Combine(root, "bad.yaml"), "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: bad}\nspec: {servers: 3}\n");

        var result = new ConfigLoader().LoadDirectory(root);

        Assert.Equal("good", Assert.Single(result.Objects).Meta.Name);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Path.Combine(root, "bad.yaml"), error.Position!.File);
        Assert.Equal((4, 17), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void LoadFile_JsonIndentedWithTabs_LoadsWithPositions()
    {
        var file = Path.Combine(TempDirectory.Create("config-dir"), "vs.json");
        File.WriteAllText(file, "{\n\t\"apiVersion\": \"networking.istio.io/v1\",\n\t\"kind\": \"VirtualService\",\n\t\"metadata\": {\"name\": \"r\"},\n\t\"spec\": {\"hosts\": [\"r\"], \"http\": [{\"timeout\": \"soon\"}]}\n}\n");

        var result = new ConfigLoader().LoadFile(file);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new ControlPlane.Shared.Config.SourcePosition(file, 5, 48), error.Position);
        Assert.Equal("spec.http[0].timeout", error.FieldPath);
    }

    [Fact]
    public void LoadPath_MissingFile_IsOneErrorNamingIt()
    {
        var missing = Path.Combine(TempDirectory.Create("config-dir"), "missing.yaml");

        var result = new ConfigLoader().LoadPath(missing);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(missing, error.Position!.File);
        Assert.Contains("cannot read file", error.Message, StringComparison.Ordinal);
    }
}
