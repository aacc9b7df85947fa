namespace AvEval.Cluster.Tests;

/// <summary>Three silo processes shared by the tests of one class.</summary>
public sealed class ThreeSilos() : IDisposable
{
    public LoopbackCluster Cluster { get; } = new(3);

    public void Dispose() => Cluster.Dispose();
}
