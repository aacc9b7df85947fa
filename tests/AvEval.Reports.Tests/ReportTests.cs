namespace AvEval.Reports.Tests;

/// <summary>The tests that share one recorded store, one written report and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class ReportTests : ICollectionFixture<ReportFixture>
{
    public const string Name = "report";
}
