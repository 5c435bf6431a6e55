using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Tests.Hosting;

public sealed class MeshHostLoggingTests
{
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    [Fact]
    public async Task Build_DefaultLogLevel_ShowsFrameworkWarningsButNoPerRequestHostingLogs()
    {
        await using var app = Build("Information");
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        // Any enabled level here would make ASP.NET Core start an Activity and a log scope per request.
        Assert.False(loggers.CreateLogger(HostingDiagnostics).IsEnabled(LogLevel.Critical));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("ControlPlane.Mixer.Api").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task Build_LogLevelDebug_ShowsEveryRequest()
    {
        await using var app = Build("Debug");
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger(HostingDiagnostics).IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Debug));
    }

    private static WebApplication Build(string level) => MeshHost.Build(
        new MeshHostDefinition("logging-test", [], _ => { }, _ => { }),
        ["--bind-address", "127.0.0.1", "--monitoring-port", "0", "--log-level", level]);
}
