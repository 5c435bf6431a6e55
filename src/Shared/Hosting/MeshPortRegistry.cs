using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// The ports the services of one host asked for. Several services may ask for the same port
/// (Galley and the injector both serve webhooks); it is bound once.
/// </summary>
public sealed class MeshPortRegistry
{
    private readonly Dictionary<string, MeshPortBinding> _bindings = new(StringComparer.Ordinal);

    public IReadOnlyCollection<MeshPortBinding> Bindings => _bindings.Values;

    public MeshPortBinding Add(MeshPort port, HttpProtocols protocols, Func<IServiceProvider, X509Certificate2>? serverCertificate = null)
    {
        if (_bindings.TryGetValue(port.Key, out var existing))
        {
            return existing;
        }

        var binding = new MeshPortBinding(port, protocols, serverCertificate);
        _bindings.Add(port.Key, binding);
        return binding;
    }

    public MeshPortBinding? Find(MeshPort port) => _bindings.GetValueOrDefault(port.Key);

    /// <summary>The bound port number of <paramref name="port"/>; throws if it is not bound yet.</summary>
    public int BoundPort(MeshPort port) =>
        Find(port)?.BoundEndPoint?.Port ?? throw new InvalidOperationException($"port '{port.Key}' is not bound");
}
