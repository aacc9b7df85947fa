namespace AvEval.Suites;

/// <summary>
/// How far a run has got, as <see cref="SuiteRunner.Run"/> reports it: before each case (with that case as
/// <paramref name="Current"/>) and once when every case is done (<paramref name="Done"/> equal to
/// <paramref name="Total"/>, <paramref name="Current"/> null). <paramref name="Done"/> only grows.
/// </summary>
/// <param name="Done">The cases judged (and handed to the recorder's batch) so far, from 0 to <paramref name="Total"/>.</param>
/// <param name="Total">The cases of the run.</param>
/// <param name="Current">The case being judged now; null once every case is done.</param>
public sealed record RunProgress(int Done, int Total, SuiteCase? Current);
