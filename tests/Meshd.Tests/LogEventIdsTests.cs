using System.Reflection;
using ControlPlane.Shared.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Meshd.Tests;

/// <summary>Meshd logs all four services into one stream, so an event id must name one log method.</summary>
public sealed class LogEventIdsTests
{
    private static readonly string[] AssemblyNames =
        ["ControlPlane.Shared", "ControlPlane.Galley", "ControlPlane.Pilot", "ControlPlane.Citadel", "ControlPlane.Mixer"];

    [Fact]
    public void LogMethods_AcrossEveryAssembly_ShareNoEventId()
    {
        var methods = LogMethods();

        var shared = methods.GroupBy(m => m.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Name))}").ToList();

        Assert.True(methods.Count > 30, $"only {methods.Count} log methods found");
        Assert.Empty(shared);
    }

    [Fact]
    public void LogMethods_EachUseAnIdInTheRangeOfTheirNamespace()
    {
        var outside = LogMethods()
            .Select(m => (Method: m, Range: RangeOf(m.Namespace)))
            .Where(x => x.Range is null || !x.Range.Contains(x.Method.EventId))
            .Select(x => $"{x.Method.Name} ({x.Method.EventId}) in {x.Method.Namespace}: range {x.Range?.First.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}")
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void Ranges_DoNotOverlap()
    {
        var ranges = LogEventIds.Ranges.OrderBy(r => r.First).ToList();

        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.True(ranges[i].First > ranges[i - 1].Last, $"{ranges[i - 1].Namespace} and {ranges[i].Namespace} overlap");
        }
    }

    private static LogEventRange? RangeOf(string @namespace) =>
        LogEventIds.Ranges
            .Where(r => @namespace == r.Namespace || @namespace.StartsWith(r.Namespace + ".", StringComparison.Ordinal))
            .MaxBy(r => r.Namespace.Length);

    private static List<(string Name, string Namespace, int EventId)> LogMethods() =>
        AssemblyNames.Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => ($"{x.Method.DeclaringType!.FullName}.{x.Method.Name}", x.Method.DeclaringType!.Namespace ?? string.Empty, x.Attribute!.EventId))
            .ToList();
}
