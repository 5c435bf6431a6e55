using ControlPlane.TestSupport;
using System.Net;
using ControlPlane.Mixer.Authorization;
using ControlPlane.Mixer.Tests.Support;
using ControlPlane.Shared.Config;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ControlPlane.Mixer.Tests.Authorization;

/// <summary>An authorizer over policies a test publishes, and requests to <c>default/reviews</c> (labels app=reviews, version=v2).</summary>
internal sealed class AuthorizerFixture
{
    public const string Sleep = "cluster.local/ns/foo/sa/sleep";

    private readonly InMemoryConfigSource _config = new();
    private readonly AuthorizationPolicyWatcher _watcher;

    public AuthorizerFixture()
    {
        _watcher = new AuthorizationPolicyWatcher(_config, Options.Create(new MixerOptions()), NullLogger<AuthorizationPolicyWatcher>.Instance);
        _watcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Authorizer = new Authorizer(_watcher);
    }

    public Authorizer Authorizer { get; }

    public AuthorizationPolicySet Policies => _watcher.Current;

    public AuthorizerFixture With(params ConfigObject[] policies)
    {
        _config.Publish(policies);
        return this;
    }

    public AuthorizationDecision Check(CheckAttributes request) => Authorizer.Check(request);

    public static CheckAttributes Request(
        string method = "GET", string path = "/api/v1/reviews", string host = "reviews.default.svc.cluster.local:9080",
        string? principal = Sleep, string? sourceIp = "10.0.0.5", uint port = 9080,
        IReadOnlyDictionary<string, string>? headers = null, string? requestPrincipal = null, string ns = "default",
        IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        SourcePrincipal = principal,
        SourceNamespace = principal is null ? null : ControlPlane.Shared.Identity.SpiffePrincipal.Namespace("spiffe://" + principal),
        SourceIp = sourceIp is null ? null : IPAddress.Parse(sourceIp),
        RemoteIp = sourceIp is null ? null : IPAddress.Parse(sourceIp),
        DestinationNamespace = ns,
        DestinationLabels = labels ?? new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v2" },
        DestinationIp = IPAddress.Parse("10.0.1.9"),
        DestinationPort = port,
        Method = method,
        Path = path,
        Host = host,
        Headers = headers ?? new Dictionary<string, string>(),
        RequestPrincipal = requestPrincipal,
    };
}
