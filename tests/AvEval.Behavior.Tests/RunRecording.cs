using AvEval.Xunit;

// The run fixture: with AVEVAL_STORE set, 'dotnet test' records the suite's run into that store as 'aveval run' does.
[assembly: AssemblyFixture(typeof(RunRecordingFixture))]
