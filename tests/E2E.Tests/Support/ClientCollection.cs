namespace ControlPlane.E2E.Tests.Support;

/// <summary>The end-to-end tests share one Meshd and one set of backends, and run one at a time (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class ClientCollection : ICollectionFixture<MeshFixture>
{
    public const string Name = "mesh";
}
