using AvEval.Analysis;

namespace AvEval.Cli.Mining;

/// <summary>
/// How <c>aveval mine</c> turns the recorded driver's events into scenarios of one behaviour: which event kinds motivate a
/// scenario, which expectations it gets (those of the hand-written scenarios of that behaviour), its severity and tags, what
/// it checks, and whether the recorded drive must itself pass it (only where a candidate that does not control the motion
/// those expectations depend on would be judged on the log).
/// </summary>
/// <param name="Behavior">The behaviour folder name.</param>
/// <param name="Motivating">Event kinds of the recorded driver that propose a scenario, in order of preference.</param>
/// <param name="Expectations">The expectations; <c>{speed}</c> is replaced by 70 % of the recorded mean speed in the window.</param>
/// <param name="Severity">blocking, warning or info.</param>
/// <param name="Tag">The tag naming the situation (besides <c>ngsim</c>, the road type and <c>mined</c>); null for none.</param>
/// <param name="Title">The title after "Vehicle N on LOG ".</param>
/// <param name="Checks">What it checks, one clause for the rationale.</param>
/// <param name="RecordedMustPass">The recorded drive must pass every expectation in the window.</param>
/// <param name="AvoidKinds">Windows overlapping a recorded event of these kinds are not proposed.</param>
internal sealed record MiningRule(
    string Behavior,
    IReadOnlyList<EventKind> Motivating,
    IReadOnlyList<string> Expectations,
    string Severity,
    string? Tag,
    string Title,
    string Checks,
    bool RecordedMustPass = false,
    IReadOnlyList<EventKind>? AvoidKinds = null)
{
    private const string NoCollision = "collisions.nuplan.at_fault.count == 0";

    /// <summary>The rules, one per behaviour of the shipped suite.</summary>
    public static IReadOnlyList<MiningRule> All { get; } =
    [
        new("collision_near_miss", [EventKind.LowTimeToCollision, EventKind.HardBraking], ["ttc.nuplan.min >= 0.95 s", NoCollision], "blocking", "near-miss",
            "keeps nuPlan's TTC bound where the recorded driver came close or braked hard", "checks nuPlan's 0.95 s TTC bound and no at-fault collision"),
        new("comfort", [EventKind.Uncomfortable], ["accel.lon.min >= -4.05 m/s^2", "accel.lon.max <= 2.4 m/s^2", "jerk.lon.max <= 4.13 m/s^3"], "blocking", null,
            "drives within the nuPlan longitudinal comfort bounds", "checks nuPlan comfort bounds on lon acceleration and jerk"),
        new("cut_in_response", [EventKind.CutIn], ["ttc.nuplan.min >= 0.95 s", NoCollision], "blocking", "cut-in",
            "responds to a vehicle cutting in without a near miss", "checks nuPlan's TTC bound while a vehicle cuts in"),
        new("following_distance", [EventKind.ShortHeadway], ["thw.gap.min >= 1 s", NoCollision], "blocking", "short-headway",
            "keeps at least 1 s time headway to its lead", "checks a sound policy keeps 1 s headway (the recorded driver did not)"),
        new("hard_braking", [EventKind.HardBraking], ["accel.lon.min >= -4.05 m/s^2", NoCollision], "blocking", "hard-braking",
            "stays within nuPlan braking comfort while its lead slows", "checks a sound policy anticipates and stays above nuPlan's -4.05 m/s^2 bound"),
        new("human_likeness", [EventKind.CutIn, EventKind.LaneChange], ["evaluator human_likeness@1 probability >= 0.5"], "info", "learned",
            "drives in a way the human-likeness model takes for a human", "information only: human_likeness@1 has no golden set to be certified on, so it may not gate a release"),
        new("lane_change", [EventKind.LaneChange], ["ttc.nuplan.min >= 0.95 s", NoCollision], "blocking", "lane-change",
            "changes lanes (or not) without a near miss", "checks nuPlan's TTC bound around the recorded lane change"),
        new("lane_keeping", [EventKind.CutIn, EventKind.ShortHeadway], ["lane_keeping.navsim.score == 1", "lane_offset.navsim.max <= 1 m"], "blocking", null,
            "holds its lane while traffic ahead closes in", "checks NAVSIM lane keeping (0.5 m for 2 s) and at most 1 m off the centreline",
            RecordedMustPass: true, AvoidKinds: [EventKind.LaneChange]),
        new("progress", [EventKind.ShortHeadway, EventKind.HardBraking], ["speed.mean >= {speed} m/s"], "blocking", null,
            "keeps making progress behind slower traffic (mean speed at least 70 % of the recorded driver's)", "checks the candidate must not stall: 70 % of the recorded mean speed"),
    ];
}
