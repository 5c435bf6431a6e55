using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Builds and runs a control-plane host: flags, one Kestrel listener per requested port,
/// port-scoped routing, metrics, health, and <c>DATA_DIR/ports.json</c>.
/// </summary>
public static class MeshHost
{
    /// <summary>
    /// Runs the host until Ctrl-C or SIGTERM; returns the process exit code (<see cref="MeshExitCodes"/>).
    /// Any failure a user can cause is one line on stderr; the stack trace only with <c>--log-level Debug</c>.
    /// </summary>
    public static async Task<int> RunAsync(MeshHostDefinition definition, string[] args)
    {
        var parsed = MeshCommandLine.Parse(definition.Program, args, definition.AllFlags);
        if (!parsed.ShouldRun)
        {
            await (parsed.ExitCode == MeshExitCodes.Success ? Console.Out : Console.Error).WriteLineAsync(parsed.Output?.TrimEnd('\n'));
            return parsed.ExitCode;
        }

        var debug = MeshConsole.IsDebug(parsed.Setting(MeshFlags.LogLevel.ConfigKey));
        WebApplication? app = null;
        try
        {
            app = Build(definition, parsed);
            await app.StartAsync();
            await app.WaitForShutdownAsync();
            return FaultedService(app) is { } fault ? await MeshConsole.ReportFailureAsync(definition.Program, fault, debug) : MeshExitCodes.Success;
        }
        catch (Exception e)
        {
            if (app is not null)
            {
                await StopAfterFailedStartAsync(app);
            }

            return await MeshConsole.ReportFailureAsync(definition.Program, e, debug);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Builds the application without starting it. Throws <see cref="MeshUsageException"/> for
    /// unknown flags or unusable values.
    /// </summary>
    public static WebApplication Build(MeshHostDefinition definition, string[] args)
    {
        var parsed = MeshCommandLine.Parse(definition.Program, args, definition.AllFlags);
        return parsed.ShouldRun ? Build(definition, parsed) : throw new MeshUsageException(parsed.Error ?? parsed.Output ?? "invalid arguments");
    }

    /// <summary>
    /// Builds the application from arguments already parsed. Throws <see cref="MeshUsageException"/>
    /// for unusable values and <see cref="MeshStartupException"/> for an unusable data directory.
    /// </summary>
    public static WebApplication Build(MeshHostDefinition definition, MeshCommandLineResult parsed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(parsed);
        if (!parsed.ShouldRun)
        {
            throw new MeshUsageException(parsed.Error ?? "invalid arguments");
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MeshHost).Assembly.GetName().Name,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(parsed.Settings!);
        var hostOptions = MeshHostOptionsValidator.Checked(builder.Configuration.GetSection(MeshHostOptions.Section).Get<MeshHostOptions>() ?? new MeshHostOptions());
        DataDirectory.Ensure(hostOptions.DataDir);

        var registry = new MeshPortRegistry();
        // Plaintext: HTTP/2 would need prior knowledge, which neither Prometheus nor kubelet probes use.
        registry.Add(MeshPort.Monitoring, HttpProtocols.Http1);
        builder.Services.AddSingleton(registry);
        builder.Services.AddOptions<MeshHostOptions>().Bind(builder.Configuration.GetSection(MeshHostOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MeshHostOptions>, MeshHostOptionsValidator>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, MeshPortMatcherPolicy>());
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton(_ =>
        {
            // One registry per host, so in-process test hosts never share counters.
            var metrics = Metrics.NewCustomRegistry();
            DotNetStats.Register(metrics);
            return metrics;
        });
        builder.Services.AddSingleton<IMetricFactory>(sp => Metrics.WithCustomRegistry(sp.GetRequiredService<CollectorRegistry>()));
        builder.Services.AddHostedService<PortsFileWriter>();
        MeshConsole.ConfigureLogging(builder);

        definition.AddServices(builder);
        MeshStartupValidator.Decorate(builder.Services);
        ConfigureListeners(builder, registry, IPAddress.Parse(hostOptions.BindAddress));

        var app = builder.Build();
        app.UseRouting();
        definition.MapServices(app);
        app.MapMonitoring();
        return app;
    }

    /// <summary>
    /// Stops what did start, so background services see a normal stop instead of being cancelled
    /// by disposal (which the host would log as a failure of theirs).
    /// </summary>
    private static async Task StopAfterFailedStartAsync(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (Exception)
        {
            // Best effort (a host that failed before its services were created cannot stop them);
            // the start-up error is the one worth reporting.
        }
    }

    /// <summary>A background service whose failure stopped the host, if that is why it stopped.</summary>
    private static Exception? FaultedService(WebApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Select(s => s.ExecuteTask)
            .FirstOrDefault(t => t is { IsFaulted: true })?.Exception?.GetBaseException();

    private static void ConfigureListeners(WebApplicationBuilder builder, MeshPortRegistry registry, IPAddress address)
    {
        var ports = registry.Bindings.Select(b => (Binding: b, Number: PortNumber(builder.Configuration, b.Port))).ToList();
        var byNumber = ports.Where(p => p.Number != 0).GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.First().Binding.Port);
        builder.Services.AddSingleton<IConnectionListenerFactory>(sp =>
            new MeshListenerFactory(ActivatorUtilities.CreateInstance<SocketTransportFactory>(sp), byNumber));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var (binding, number) in ports)
            {
                kestrel.Listen(address, number, listen =>
                {
                    listen.Protocols = binding.Protocols;
                    listen.Use(next => connection =>
                    {
                        connection.Items[MeshPortConnection.ItemKey] = binding.Port.Key;
                        return next(connection);
                    });
                    if (binding.TlsOptions is { } tls)
                    {
                        listen.UseHttps(new TlsHandshakeCallbackOptions
                        {
                            OnConnection = _ => ValueTask.FromResult(tls(kestrel.ApplicationServices)),
                        });
                    }
                    else if (binding.ServerCertificate is { } certificate)
                    {
                        listen.UseHttps(new HttpsConnectionAdapterOptions
                        {
                            ServerCertificateSelector = (_, _) => certificate(kestrel.ApplicationServices),
                        });
                    }

                    PortsFileWriter.Track(binding, listen);
                });
            }
        });
    }

    private static int PortNumber(IConfiguration configuration, MeshPort port)
    {
        var text = configuration[port.ConfigKey];
        if (text is null)
        {
            return port.DefaultPort;
        }

        if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 0 or > 65535)
        {
            throw new MeshUsageException($"{port.Flag}: '{text}' is not a port number (0..65535)");
        }

        return number;
    }
}
