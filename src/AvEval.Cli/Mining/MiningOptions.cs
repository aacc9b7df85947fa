namespace AvEval.Cli.Mining;

/// <summary>How many scenarios <c>aveval mine</c> proposes and how long their windows are.</summary>
/// <param name="MaxPerLog">At most this many scenarios per log (per behaviour), spread evenly over the admitted ones in time order.</param>
/// <param name="Before">The window starts this long before the event (not before the ego appears), s.</param>
/// <param name="After">The window ends this long after the event (not after the ego leaves), s.</param>
/// <param name="MinimumLength">Shorter windows are not proposed, s.</param>
/// <param name="MaximumLength">Longer windows are cut to this length from their start, s.</param>
/// <param name="LeadIn">The event must start at least this long after the window does, s, so that a candidate has time to act
/// before it (an event at the ego's first frame is in the recorded start state, which every candidate inherits).</param>
internal sealed record MiningOptions(int MaxPerLog = 3, double Before = 3.0, double After = 3.0, double MinimumLength = 4.0, double MaximumLength = 10.0, double LeadIn = 1.0);
