using System.Runtime.InteropServices;

namespace ControlPlane.Citadel.Authority.Native;

/// <summary>
/// The few OpenSSL 3 libcrypto entry points Citadel's fast ECDSA path uses. .NET already loads
/// the same library for its own cryptography; going to the EC_KEY/ECDSA functions directly skips
/// building an EVP_PKEY per CSR, which costs more than the signature check itself (see
/// bench/README.md, "Citadel"). Where the library is missing, <see cref="IsAvailable"/> is false
/// and the managed path is used.
/// </summary>
internal static unsafe partial class LibCrypto
{
    public const int NidP256 = 415;
    public const int NidP384 = 715;
    private const string Library = "libcrypto.so.3";

    /// <summary>True when libcrypto 3 can be called on this machine.</summary>
    public static bool IsAvailable { get; } = Probe();

    [LibraryImport(Library)]
    internal static partial nint EC_KEY_new_by_curve_name(int nid);

    [LibraryImport(Library)]
    internal static partial void EC_KEY_free(nint key);

    [LibraryImport(Library)]
    internal static partial nint EC_KEY_get0_group(nint key);

    [LibraryImport(Library)]
    internal static partial int EC_KEY_set_public_key(nint key, nint point);

    [LibraryImport(Library)]
    internal static partial int EC_KEY_set_private_key(nint key, nint privateKey);

    [LibraryImport(Library)]
    internal static partial nint EC_POINT_new(nint group);

    [LibraryImport(Library)]
    internal static partial void EC_POINT_free(nint point);

    [LibraryImport(Library)]
    internal static partial int EC_POINT_oct2point(nint group, nint point, byte* buffer, nuint length, nint context);

    [LibraryImport(Library)]
    internal static partial nint BN_bin2bn(byte* bytes, int length, nint result);

    [LibraryImport(Library)]
    internal static partial void BN_clear_free(nint number);

    [LibraryImport(Library)]
    internal static partial int ECDSA_verify(int type, byte* digest, int digestLength, byte* signature, int signatureLength, nint key);

    [LibraryImport(Library)]
    internal static partial int ECDSA_sign(int type, byte* digest, int digestLength, byte* signature, uint* signatureLength, nint key);

    [LibraryImport(Library)]
    internal static partial int ECDSA_size(nint key);

    [LibraryImport(Library)]
    internal static partial void ERR_clear_error();

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var key = EC_KEY_new_by_curve_name(NidP256);
            EC_KEY_free(key);
            return key != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
