using System.Net;

namespace ControlPlane.Mixer.Authorization;

/// <summary><c>ipBlocks</c>/<c>notIpBlocks</c> (and the remote forms): CIDR ranges or single addresses, ORed.</summary>
internal sealed class IpMatcher(IPNetwork[] blocks, IPNetwork[] notBlocks)
{
    public static bool TryParse(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    public bool Matches(IPAddress? address)
    {
        if (blocks.Length > 0 && (address is null || !Contains(blocks, address)))
        {
            return false;
        }

        return address is null || !Contains(notBlocks, address);
    }

    private static bool Contains(IPNetwork[] networks, IPAddress address)
    {
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
