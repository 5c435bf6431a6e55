using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace ControlPlane.Meshd.Tests;

/// <summary>
/// The reference rule of docs/architecture.md: a service project (Galley, Pilot, Citadel, Mixer)
/// references Shared and nothing else of ours; only the hosts and tools (Meshd, meshctl) combine services.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly string[] Services = ["Galley", "Pilot", "Citadel", "Mixer"];

    public static TheoryData<string> ServiceNames() => [.. Services];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void ServiceProject_ReferencesOnlyShared(string service)
    {
        var project = Path.Combine(RepositoryRoot(), "src", service, $"ControlPlane.{service}.csproj");

        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.Equal(["ControlPlane.Shared"], references);
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void ServiceAssembly_LoadsNoOtherServiceAssembly(string service)
    {
        var others = Services.Where(s => s != service).Select(s => $"ControlPlane.{s}").ToHashSet(StringComparer.Ordinal);

        var referenced = Assembly.Load($"ControlPlane.{service}").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("ControlPlane.Shared", referenced);
        Assert.DoesNotContain(referenced, others.Contains);
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
