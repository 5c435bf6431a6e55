using System.Runtime.InteropServices;

namespace ControlPlane.Citadel.Authority.Native;

/// <summary>An OpenSSL EC_KEY on one named curve, with a scratch EC_POINT; freed when disposed or finalised.</summary>
internal sealed unsafe class NativeEcKey : SafeHandle
{
    private readonly nint _point;

    public NativeEcKey(int nid)
        : base(0, ownsHandle: true)
    {
        SetHandle(LibCrypto.EC_KEY_new_by_curve_name(nid));
        if (IsInvalid)
        {
            throw new InvalidOperationException($"libcrypto: EC_KEY_new_by_curve_name({nid}) failed");
        }

        Group = LibCrypto.EC_KEY_get0_group(handle);
        _point = LibCrypto.EC_POINT_new(Group);
    }

    public override bool IsInvalid => handle == 0;

    public nint Group { get; }

    /// <summary>Sets the public key from an encoded point; false if it is not a point on the curve.</summary>
    public bool SetPublicKey(ReadOnlySpan<byte> encodedPoint)
    {
        fixed (byte* point = encodedPoint)
        {
            if (LibCrypto.EC_POINT_oct2point(Group, _point, point, (nuint)encodedPoint.Length, 0) != 1
                || LibCrypto.EC_KEY_set_public_key(handle, _point) != 1)
            {
                LibCrypto.ERR_clear_error();
                return false;
            }
        }

        return true;
    }

    /// <summary>Sets the private scalar (big-endian).</summary>
    public void SetPrivateKey(ReadOnlySpan<byte> scalar)
    {
        fixed (byte* bytes = scalar)
        {
            var number = LibCrypto.BN_bin2bn(bytes, scalar.Length, 0);
            var ok = number != 0 && LibCrypto.EC_KEY_set_private_key(handle, number) == 1;
            LibCrypto.BN_clear_free(number);
            if (!ok)
            {
                LibCrypto.ERR_clear_error();
                throw new InvalidOperationException("libcrypto: cannot set the EC private key");
            }
        }
    }

    /// <summary>Checks a DER ECDSA signature over a digest: true valid, false invalid or malformed.</summary>
    public bool Verify(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> derSignature)
    {
        fixed (byte* d = digest)
        fixed (byte* s = derSignature)
        {
            var result = LibCrypto.ECDSA_verify(0, d, digest.Length, s, derSignature.Length, handle);
            if (result != 1)
            {
                LibCrypto.ERR_clear_error();
            }

            return result == 1;
        }
    }

    /// <summary>Signs a digest; returns the DER ECDSA signature.</summary>
    public byte[] Sign(ReadOnlySpan<byte> digest)
    {
        Span<byte> buffer = stackalloc byte[LibCrypto.ECDSA_size(handle)];
        uint length = (uint)buffer.Length;
        fixed (byte* d = digest)
        fixed (byte* s = buffer)
        {
            if (LibCrypto.ECDSA_sign(0, d, digest.Length, s, &length, handle) != 1)
            {
                LibCrypto.ERR_clear_error();
                throw new InvalidOperationException("libcrypto: ECDSA_sign failed");
            }
        }

        return buffer[..(int)length].ToArray();
    }

    protected override bool ReleaseHandle()
    {
        LibCrypto.EC_POINT_free(_point);
        LibCrypto.EC_KEY_free(handle);
        return true;
    }
}
