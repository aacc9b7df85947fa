using AvEval.Xunit;

// The run fixture: with AVEVAL_STORE set, 'dotnet test' records the suite's run into that store as 'aveval run' does.
[assembly: AssemblyFixture(typeof(RunRecordingFixture))]

// The suite's judges around its learned models, as 'aveval run' opens them: a scenario may pin a judge like any evaluator.
[assembly: ScenarioEvaluators(typeof(AvEval.Judges.JudgeCatalogFactory))]
