namespace AvEval.Cli.Commands;

/// <summary>The arguments of <c>aveval golden agreement</c>.</summary>
/// <param name="Labels">The long-form label file (CSV with header item,rater,label, or JSONL).</param>
/// <param name="Format">Table or JSON.</param>
/// <param name="Resamples">Bootstrap resamples of items.</param>
/// <param name="Seed">Bootstrap seed.</param>
internal sealed record GoldenAgreementSettings(string Labels, OutputFormat Format, int Resamples = GoldenAgreementSettings.DefaultResamples, int Seed = GoldenAgreementSettings.DefaultSeed)
{
    /// <summary>Resamples when not given.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>Seed when not given.</summary>
    public const int DefaultSeed = 1;
}
