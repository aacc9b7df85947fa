using AvEval.Xunit;

namespace AvEval.Meta.Tests;

/// <summary>
/// The evaluators checked against the shipped golden sets: every learned evaluator version whose task a set certifies must
/// have in its card exactly the certification the data gives (certified or refused), and every rule rater AvEval
/// implements must still agree with the set it labelled.
/// </summary>
public class GoldenSetMetaTests
{
    [Theory]
    [GoldenSet("hard_braking")]
    [GoldenSet("cut_in")]
    public void Evaluator_AgainstGoldenSet_MatchesWhatItsCardRecords(GoldenSetCase check) => GoldenSetRunner.Verify(check);
}
