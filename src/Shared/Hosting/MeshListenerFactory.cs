using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Kestrel's socket transport, with a bind failure turned into a <see cref="MeshStartupException"/>
/// that names the flag of the port: Kestrel's own error names only the address, and telling a busy
/// port from other failures by its message text would break with any wording change.
/// </summary>
internal sealed class MeshListenerFactory(IConnectionListenerFactory inner, IReadOnlyDictionary<int, MeshPort> portsByNumber)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public bool CanBind(EndPoint endpoint) =>
        inner is not IConnectionListenerFactorySelector selector || selector.CanBind(endpoint);

    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.BindAsync(endpoint, cancellationToken);
        }
        catch (Exception e) when (IsAddressInUse(e) && endpoint is IPEndPoint ip)
        {
            throw new MeshStartupException(InUseMessage(ip), e);
        }
        catch (Exception e) when (IsAccessDenied(e) && endpoint is IPEndPoint ip)
        {
            throw new MeshStartupException($"{Describe(ip)}: not allowed to listen on this port (ports below 1024 need privileges); choose a port of 1024 or above, or {FlagOf(ip)} 0 for a free one", e);
        }
    }

    internal static bool IsAddressInUse(Exception e) =>
        e is AddressInUseException || e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || (e.InnerException is { } inner && IsAddressInUse(inner));

    private static bool IsAccessDenied(Exception e) =>
        e is SocketException { SocketErrorCode: SocketError.AccessDenied }
        || (e.InnerException is { } inner && IsAccessDenied(inner));

    private string InUseMessage(IPEndPoint ip) =>
        $"{Describe(ip)}: the port is already in use; stop what holds it, or pass {FlagOf(ip)} 0 to pick a free port";

    private string Describe(IPEndPoint ip) =>
        portsByNumber.TryGetValue(ip.Port, out var port) ? $"{port.Flag} {ip.Port} (on {ip.Address})" : $"port {ip.Port} (on {ip.Address})";

    private string FlagOf(IPEndPoint ip) =>
        portsByNumber.TryGetValue(ip.Port, out var port) ? port.Flag : "--<name>-port";
}
