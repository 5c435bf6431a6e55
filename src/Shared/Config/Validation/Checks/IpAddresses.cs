using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>
/// Strict IP address and CIDR parsing, as Go's <c>netip</c> does it: dotted-quad IPv4 only
/// (no <c>10.1</c> shorthand that <see cref="IPAddress.TryParse(string, out IPAddress)"/> accepts), IPv6 with colons.
/// </summary>
internal static class IpAddresses
{
    public static bool IsAddress(string value)
    {
        if (value.Contains(':', StringComparison.Ordinal))
        {
            return !value.Contains('%', StringComparison.Ordinal) && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(IsOctet);
    }

    public static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var address = value[..slash];
        var bitsText = value[(slash + 1)..];
        if (!IsAddress(address) || bitsText.Length is 0 or > 3 || !int.TryParse(bitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        return bits <= (address.Contains(':', StringComparison.Ordinal) ? 128 : 32);
    }

    /// <summary>An address or a CIDR block; null when fine, else the message.</summary>
    public static string? CheckAddressOrCidr(string value) => value.Contains('/', StringComparison.Ordinal)
        ? IsCidr(value) ? null : $"{value} is not a valid CIDR block"
        : IsAddress(value) ? null : $"{value} is not a valid IP";

    private static bool IsOctet(string part) =>
        part.Length is > 0 and <= 3
        && (part.Length == 1 || part[0] != '0')
        && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet)
        && octet <= 255;
}
