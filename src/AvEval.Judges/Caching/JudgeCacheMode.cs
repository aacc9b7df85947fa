namespace AvEval.Judges.Caching;

/// <summary>How a judge uses its response cache.</summary>
public enum JudgeCacheMode
{
    /// <summary>Read a recorded response where there is one, else call the model and record its response.</summary>
    ReadWrite,

    /// <summary>Offline replay: read recorded responses only; a missing one makes that verdict inconclusive, and no model is called.</summary>
    ReplayOnly,

    /// <summary>Always call the model and record nothing.</summary>
    Off,
}
