namespace ControlPlane.Agent.Hosting;

/// <summary>The agent's settings, bound from the <c>Agent</c> configuration section (flags and environment map onto it).</summary>
internal sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>Citadel's <c>IstioCertificateService</c>, <c>HOST:PORT</c> (TLS, verified with <see cref="RootCert"/>).</summary>
    public string CaAddress { get; set; } = "127.0.0.1:8060";

    /// <summary>Pilot's xDS over TLS, <c>HOST:PORT</c> (the 15012 port).</summary>
    public string XdsAddress { get; set; } = "127.0.0.1:15012";

    /// <summary>The mesh root bundle the agent trusts for Citadel and Pilot; also written as <c>root-cert.pem</c>.</summary>
    public string RootCert { get; set; } = string.Empty;

    /// <summary>The JWT presented to Citadel, re-read on every request.</summary>
    public string TokenFile { get; set; } = string.Empty;

    /// <summary>Where the certificate files, the bootstrap and <c>agent-ports.json</c> are written.</summary>
    public string OutputDir { get; set; } = "agent-output";

    public string Namespace { get; set; } = "default";

    public string PodName { get; set; } = "workload";

    public string NodeIp { get; set; } = "127.0.0.1";

    /// <summary>The workload's labels, <c>k=v,k=v</c>.</summary>
    public string Labels { get; set; } = string.Empty;

    /// <summary><c>proxyless</c> (files and bootstrap for a gRPC library) or <c>envoy</c> (SDS; not supported yet).</summary>
    public string Mode { get; set; } = "proxyless";

    /// <summary>The local plaintext xDS port offered to the workload; 0 picks a free one.</summary>
    public int XdsProxyPort { get; set; }

    /// <summary>The agent's own <c>/healthz/ready</c> and <c>/metrics</c> port; 0 picks a free one.</summary>
    public int MonitoringPort { get; set; } = 15020;

    /// <summary>The address the agent's ports listen on.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The certificate lifetime asked of Citadel (Citadel caps it with its <c>--max-cert-ttl</c>).</summary>
    public TimeSpan CertTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The fraction of a certificate's remaining lifetime after which it is renewed.</summary>
    public double RenewAt { get; set; } = 0.5;

    /// <summary>The first wait after a failed request to Citadel; doubled per failure up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryInitial { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the root bundle file is checked for a change (which triggers a renewal).</summary>
    public TimeSpan RootCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public string TrustDomain { get; set; } = "cluster.local";
}
