using AvEval.Reasoning;

namespace AvEval.Golden.Reasoning;

/// <summary>One item of the chain-of-thought golden set: the drive window, how the trace was made, and the trace.</summary>
/// <param name="Item">The golden item id.</param>
/// <param name="Corruption">How it was made (the label by construction).</param>
/// <param name="Window">The recorded drive window the trace is about (the whole ego track is the drive; the trace covers the window).</param>
/// <param name="Trace">The trace.</param>
public sealed record GoldenTrace(string Item, TraceCorruption Corruption, DriveWindow Window, ReasoningTrace Trace)
{
    /// <summary>The snake_case name of the corruption, as the traces file and reports write it.</summary>
    public string CorruptionName => ReasoningGoldenSet.NameOf(Corruption);
}
