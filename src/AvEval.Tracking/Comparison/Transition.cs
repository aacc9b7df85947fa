namespace AvEval.Tracking.Comparison;

/// <summary>How a paired scenario's outcome moved from the baseline to the candidate; a case passes when its verdict is pass (fail, inconclusive and bad input do not).</summary>
public enum Transition
{
    /// <summary>Passed in the baseline, does not pass in the candidate.</summary>
    NewFailure,

    /// <summary>Did not pass in the baseline, passes in the candidate.</summary>
    Fixed,

    /// <summary>Passes in neither.</summary>
    StillFailing,

    /// <summary>Passes in both.</summary>
    StillPassing,

    /// <summary>Its flip rate in the history of either fingerprint is above the threshold: listed, kept out of the statistics and the decision.</summary>
    Flaky,
}
