namespace ControlPlane.Shared.Config.Loading;

/// <summary>What a YAML scalar resolves to under the YAML 1.2 core schema.</summary>
internal enum ScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}
