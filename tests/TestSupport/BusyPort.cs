using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ControlPlane.TestSupport;

/// <summary>A free loopback port held open by the test, so that a host told to use it finds it taken.</summary>
public sealed class BusyPort : IDisposable
{
    private readonly TcpListener _listener;

    public BusyPort()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Number = ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The port number, as it is passed on a command line.</summary>
    public string Number { get; }

    public void Dispose() => _listener.Dispose();
}
