using AvEval.Scenes;

namespace AvEval.Tests;

/// <summary>Field-by-field, exact comparison of two scenes, naming the first field that differs.</summary>
internal static class SceneComparison
{
    /// <summary>Asserts that two scenes hold the same content: id, time base, every track field and state, every lane field, recorded ego, and the provenance (the source file only when asked).</summary>
    public static void ShouldMatch(this Scene actual, Scene expected, bool compareSourceFile = true)
    {
        actual.Id.ShouldBe(expected.Id);
        actual.TimeBase.ShouldBe(expected.TimeBase);
        actual.RecordedEgo.ShouldBe(expected.RecordedEgo);
        actual.Provenance.Dataset.ShouldBe(expected.Provenance.Dataset);
        actual.Provenance.Licence.ShouldBe(expected.Provenance.Licence);
        actual.Provenance.ContentSha256.ShouldBe(expected.Provenance.ContentSha256);
        if (compareSourceFile)
        {
            actual.Provenance.SourceFile.ShouldBe(expected.Provenance.SourceFile);
        }

        actual.Tracks.Select(t => t.Id).ShouldBe(expected.Tracks.Select(t => t.Id));
        for (var i = 0; i < expected.Tracks.Count; i++)
        {
            var a = actual.Tracks[i];
            var e = expected.Tracks[i];
            var what = $"track '{e.Id}'";
            a.Kind.ShouldBe(e.Kind, what);
            a.SourceType.ShouldBe(e.SourceType, what);
            a.Size.ShouldBe(e.Size, what);
            a.FirstFrame.ShouldBe(e.FirstFrame, what);
            a.HasAcceleration.ShouldBe(e.HasAcceleration, what);
            a.States.ToArray().ShouldBe(e.States.ToArray(), what);
        }

        actual.Lanes.Lanes.Select(l => l.Id).ShouldBe(expected.Lanes.Lanes.Select(l => l.Id));
        for (var i = 0; i < expected.Lanes.Lanes.Count; i++)
        {
            var a = actual.Lanes.Lanes[i];
            var e = expected.Lanes.Lanes[i];
            var what = $"lane '{e.Id}'";
            a.LeftBound.ShouldBe(e.LeftBound, what);
            a.RightBound.ShouldBe(e.RightBound, what);
            a.Centerline.ShouldBe(e.Centerline, what);
            a.Predecessors.ShouldBe(e.Predecessors, what);
            a.Successors.ShouldBe(e.Successors, what);
            a.Left.ShouldBe(e.Left, what);
            a.Right.ShouldBe(e.Right, what);
            a.IsIntersection.ShouldBe(e.IsIntersection, what);
        }
    }
}
