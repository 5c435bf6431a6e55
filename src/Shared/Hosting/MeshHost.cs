using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Builds and runs a control-plane host: flags, one Kestrel listener per requested port,
/// port-scoped routing, metrics, health, and <c>DATA_DIR/ports.json</c>.
/// </summary>
public static class MeshHost
{
    /// <summary>Runs the host until Ctrl-C or SIGTERM; returns the process exit code.</summary>
    public static async Task<int> RunAsync(MeshHostDefinition definition, string[] args)
    {
        var parsed = MeshCommandLine.Parse(definition.Program, args, definition.AllFlags);
        if (!parsed.ShouldRun)
        {
            (parsed.ExitCode == 0 ? Console.Out : Console.Error).WriteLine(parsed.Output);
            return parsed.ExitCode;
        }

        WebApplication app;
        try
        {
            app = Build(definition, args);
        }
        catch (MeshUsageException e)
        {
            await Console.Error.WriteLineAsync($"{definition.Program}: {e.Message}");
            return 2;
        }

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"{definition.Program}: cannot listen: {e.Message}");
            return 1;
        }
        catch (MeshUsageException e)
        {
            await Console.Error.WriteLineAsync($"{definition.Program}: {e.Message}");
            return 2;
        }
    }

    /// <summary>
    /// Builds the application without starting it. Throws <see cref="MeshUsageException"/> for
    /// unknown flags or unusable values.
    /// </summary>
    public static WebApplication Build(MeshHostDefinition definition, string[] args)
    {
        var parsed = MeshCommandLine.Parse(definition.Program, args, definition.AllFlags);
        if (!parsed.ShouldRun)
        {
            throw new MeshUsageException(parsed.Output ?? "invalid arguments");
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MeshHost).Assembly.GetName().Name,
            Args = [],
        });
        builder.Configuration.AddCommandLine(MeshCommandLine.ExpandSwitches(args, definition.AllFlags), parsed.SwitchMappings!);

        var registry = new MeshPortRegistry();
        // Plaintext: HTTP/2 would need prior knowledge, which neither Prometheus nor kubelet probes use.
        registry.Add(MeshPort.Monitoring, HttpProtocols.Http1);
        builder.Services.AddSingleton(registry);
        builder.Services.Configure<MeshHostOptions>(builder.Configuration.GetSection(MeshHostOptions.Section));
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
        QuietFrameworkLogs(builder);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        definition.AddServices(builder);
        ConfigureListeners(builder, registry);

        var app = builder.Build();
        app.UseRouting();
        definition.MapServices(app);
        app.MapMonitoring();
        return app;
    }

    /// <summary>
    /// ASP.NET Core logs every request at Information and Debug, which drowns the control plane's own
    /// lines, so below <c>--log-level Debug</c> only its warnings are shown. Its hosting category is
    /// switched off altogether then: while any level of it is enabled, ASP.NET Core starts an Activity
    /// and a log scope for every request, about 1 KB and 1 µs per gRPC call (bench/Mixer.Bench).
    /// </summary>
    private static void QuietFrameworkLogs(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[MeshFlags.LogLevel.ConfigKey];
        if (Enum.TryParse<LogLevel>(configured, ignoreCase: true, out var level) && level <= LogLevel.Debug)
        {
            return;
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
    }

    private static void ConfigureListeners(WebApplicationBuilder builder, MeshPortRegistry registry)
    {
        var hostOptions = builder.Configuration.GetSection(MeshHostOptions.Section).Get<MeshHostOptions>() ?? new MeshHostOptions();
        if (!IPAddress.TryParse(hostOptions.BindAddress, out var address))
        {
            throw new MeshUsageException($"--bind-address: '{hostOptions.BindAddress}' is not an IP address");
        }

        var ports = registry.Bindings.Select(b => (Binding: b, Number: PortNumber(builder.Configuration, b.Port))).ToList();
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
