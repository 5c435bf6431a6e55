namespace ControlPlane.Citadel.Authority;

/// <summary>The key algorithms a self-signed root may use, by their flag spelling.</summary>
internal static class CaKeyAlgorithms
{
    public const string EcdsaP256 = "ecdsa-p256";
    public const string Rsa2048 = "rsa-2048";
    public const string Rsa4096 = "rsa-4096";

    public static IReadOnlyList<string> All { get; } = [EcdsaP256, Rsa2048, Rsa4096];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
