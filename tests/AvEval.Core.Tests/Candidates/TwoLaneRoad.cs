using AvEval.Candidates;
using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Tests.Candidates;

/// <summary>
/// A hand-built straight two-lane road along +x at 10 Hz: lane "1" centred on y = 0 and lane "2" to its left centred on
/// y = 3.7 (bounds every 3.7 m), both from x = −200 to 3000 m, same direction, neighbours of each other.
/// </summary>
internal static class TwoLaneRoad
{
    public const double LaneWidth = 3.7;

    public static LaneGraph Lanes { get; } = new(
    [
        Lane("1", 0, left: "2", right: null),
        Lane("2", LaneWidth, left: null, right: "1"),
    ]);

    public static Scene Scene(int frames, params Track[] tracks) =>
        new("two-lane", new TimeBase(0, Road.Step, frames), tracks, Lanes, new Provenance("hand-built", "CC0-1.0", "(test)", new string('0', 64)));

    public static LaneFollowingCandidate Candidate(MobilOptions? mobil = null, PerceptionNoiseOptions? noise = null, int? seed = null) =>
        new(new CandidateId("rc-lane"), new IntelligentDriverModelPlanner(Road.Default), PurePursuitOptions.Default, mobil, noise, runSeed: seed);

    private static Lane Lane(string id, double y, string? left, string? right)
    {
        double[] xs = [-200, 0, 500, 1000, 2000, 3000];
        return new Lane(
            new LaneId(id),
            [.. xs.Select(x => new Point2(x, y + (LaneWidth / 2)))],
            [.. xs.Select(x => new Point2(x, y - (LaneWidth / 2)))],
            [.. xs.Select(x => new Point2(x, y))],
            [],
            [],
            left is null ? null : new LaneNeighbour(new LaneId(left), SameDirection: true),
            right is null ? null : new LaneNeighbour(new LaneId(right), SameDirection: true));
    }
}
