namespace ControlPlane.Pilot.Model;

/// <summary>What a workload's port accepts, after PeerAuthentication precedence: Istio's modes without UNSET (which inherits).</summary>
internal enum MtlsMode
{
    /// <summary>Plaintext only.</summary>
    Disable,

    /// <summary>Mutual TLS and plaintext; Istio's default when no policy says otherwise.</summary>
    Permissive,

    /// <summary>Mutual TLS only, with a client certificate from the mesh's roots.</summary>
    Strict,
}
