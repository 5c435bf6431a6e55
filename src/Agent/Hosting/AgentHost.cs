using System.Collections;
using System.Net;
using ControlPlane.Agent.Certificates;
using ControlPlane.Agent.Monitoring;
using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace ControlPlane.Agent.Hosting;

/// <summary>
/// The agent's process: flags over environment, the certificate rotator, the local xDS proxy port
/// and the monitoring port. Failures are one line with the hosts' exit codes (2 usage, 1 failure).
/// </summary>
internal static class AgentHost
{
    public static async Task<int> RunAsync(string[] args, IDictionary environment)
    {
        var parsed = AgentFlags.Parse(args, environment);
        if (!parsed.ShouldRun)
        {
            await (parsed.ExitCode == MeshExitCodes.Success ? Console.Out : Console.Error).WriteLineAsync(parsed.Output?.TrimEnd('\n'));
            return parsed.ExitCode;
        }

        var debug = MeshConsole.IsDebug(parsed.Setting(MeshFlags.LogLevel.ConfigKey));
        WebApplication? app = null;
        try
        {
            app = Build(parsed);
            await app.StartAsync();
            await app.WaitForShutdownAsync();
            return MeshExitCodes.Success;
        }
        catch (Exception e)
        {
            return await MeshConsole.ReportFailureAsync(AgentFlags.Program, e, debug);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Builds the agent without starting it (tests start it in process).</summary>
    public static WebApplication Build(MeshCommandLineResult parsed)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(AgentHost).Assembly.GetName().Name, Args = [] });
        builder.Configuration.AddInMemoryCollection(parsed.Settings!);
        var options = builder.Configuration.GetSection(AgentOptions.Section).Get<AgentOptions>() ?? new AgentOptions();
        var validation = new AgentOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new MeshUsageException(string.Join("; ", validation.Failures));
        }

        var services = builder.Services;
        services.AddOptions<AgentOptions>().Bind(builder.Configuration.GetSection(AgentOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Metrics.NewCustomRegistry());
        services.AddSingleton<AgentMetrics>();
        services.AddSingleton<AgentPorts>();
        services.AddSingleton<CertificateState>();
        services.AddSingleton<CertificateAuthorityClient>();
        services.AddSingleton<BootstrapWriter>();
        services.AddHostedService<CertificateRotator>();
        services.AddHealthChecks().AddCheck<CertificateReadiness>("certificate");
        services.AddGrpc();
        MeshConsole.ConfigureLogging(builder);

        var address = IPAddress.Parse(options.BindAddress);
        AgentPorts? ports = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            ports = kestrel.ApplicationServices.GetRequiredService<AgentPorts>();
            kestrel.Listen(address, options.MonitoringPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                ports.MonitoringListener = listen;
            });
            // The workload's gRPC library speaks HTTP/2 with prior knowledge to the local proxy.
            kestrel.Listen(IPAddress.Loopback, options.XdsProxyPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                ports.XdsProxyListener = listen;
            });
        });

        var app = builder.Build();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<AgentPorts>().Publish(options.OutputDir));
        app.UseRouting();
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        _ = app.Services.GetRequiredService<AgentMetrics>();
        app.MapMetrics("/metrics", registry);
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions());
        return app;
    }
}
