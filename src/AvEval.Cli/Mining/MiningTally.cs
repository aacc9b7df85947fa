namespace AvEval.Cli.Mining;

/// <summary>What happened to the events <c>aveval mine</c> looked at in one log: each is proposed or left out for one reason.</summary>
internal sealed class MiningTally
{
    /// <summary>Motivating events found, over every vehicle as ego.</summary>
    public int Events { get; set; }

    /// <summary>Left out: the ego already has a proposal (one per ego and behaviour) or a scenario in the output folder.</summary>
    public int EgoCovered { get; set; }

    /// <summary>Left out: the event starts less than the lead-in after the window (at the ego's first frames).</summary>
    public int NoLeadIn { get; set; }

    /// <summary>Proposed as warnings: the baseline candidate did not pass them.</summary>
    public int BaselineFails { get; set; }

    /// <summary>Left out: the window would be shorter than the minimum.</summary>
    public int TooShort { get; set; }

    /// <summary>Left out: the recorded drive cannot be judged on an expectation there (no lead, no lane), or had an at-fault collision (a tracking artefact or a crash).</summary>
    public int NotJudgeable { get; set; }

    /// <summary>Left out: the rule needs the recorded drive to pass (or to have no event of an avoided kind), and it did not.</summary>
    public int RecordedFails { get; set; }

    /// <summary>Left out: same partner agent in an overlapping window as an earlier proposal.</summary>
    public int Overlapping { get; set; }

    /// <summary>Left out: over the per-log cap.</summary>
    public int OverCap { get; set; }

    /// <summary>Proposed.</summary>
    public int Proposed { get; set; }
}
