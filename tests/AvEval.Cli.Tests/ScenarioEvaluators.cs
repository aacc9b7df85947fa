using AvEval.Xunit;

// The xunit path of RunCommandTests.JudgedScenarios discovers its rows as 'dotnet test' does: with the suite's judges
// around its learned models, as 'aveval run' opens them.
[assembly: ScenarioEvaluators(typeof(AvEval.Judges.JudgeCatalogFactory))]
