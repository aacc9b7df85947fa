namespace AvEval.Judges.Cards;

/// <summary>
/// What a judge publishes to scenario expectations: one dimensionless output (<c>evaluator id@v probability &gt;= 0.5</c>)
/// whose value is the share of the card's samples whose <see cref="Field"/> equals <see cref="Positive"/>.
/// </summary>
/// <param name="Name">The output's name in expectations, e.g. <c>probability</c>.</param>
/// <param name="Field">The output-schema property voted on (a string enum or a boolean).</param>
/// <param name="Positive">The value that counts as a positive vote (<c>pass</c>; <c>true</c> for a boolean).</param>
public sealed record JudgeOutput(string Name, string Field, string Positive);
