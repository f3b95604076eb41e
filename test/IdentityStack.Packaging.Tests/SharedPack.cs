namespace IdentityStack.Packaging.Tests;

/// <summary>Lets the package and consumer tests share one <see cref="PackedFromCleanClone"/>.</summary>
[CollectionDefinition(PackedFromCleanClone.Collection)]
public sealed class SharedPack : ICollectionFixture<PackedFromCleanClone>;
