namespace AvEval.Analysis.Behaviour;

/// <summary>Runs of consecutive frames where a condition holds, for events that need a minimum duration.</summary>
internal static class FrameRuns
{
    /// <summary>Frames needed to hold a condition for a duration: ⌈duration / step⌉ (at least 1), with 1e-9 slack so that
    /// 0.3 s at 0.1 s is 3 frames despite rounding; a run of n frames spans the half-open [t₀, t₀ + n·step).</summary>
    public static int FramesFor(double seconds, double step) => Math.Max(1, (int)Math.Ceiling((seconds / step) - 1e-9));

    /// <summary>Start index and length of every run of true values at least <paramref name="minLength"/> long.</summary>
    public static List<(int Start, int Length)> Find(ReadOnlySpan<bool> mask, int minLength)
    {
        var runs = new List<(int, int)>();
        int start = -1;
        for (int i = 0; i <= mask.Length; i++)
        {
            bool on = i < mask.Length && mask[i];
            if (on && start < 0)
            {
                start = i;
            }
            else if (!on && start >= 0)
            {
                if (i - start >= minLength)
                {
                    runs.Add((start, i - start));
                }

                start = -1;
            }
        }

        return runs;
    }
}
