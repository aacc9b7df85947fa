using AvEval.Analysis;
using AvEval.Analysis.NuPlan;
using AvEval.Geometry;
using AvEval.Import;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.NuPlan;

/// <summary>
/// The fast nuPlan TTC pass (per-thread buffers, box axes computed once per projection) against the straightforward
/// implementation it replaced, kept here as the reference: LINQ filters and freshly built boxes for every test through
/// the public <see cref="OrientedBox.Intersects(OrientedBox)"/>. Every vehicle of two real NGSIM scenes as ego; the TTC
/// series must agree bit for bit.
/// </summary>
public sealed class NuPlanTimeToCollisionEquivalenceTests
{
    private const double Step = 0.1, Horizon = 3.0, Stopped = 5e-3;

    [Theory]
    [InlineData("ngsim-bsd/USA_US101-3_3_T-1.scene.parquet")]
    [InlineData("ngsim-bsd/USA_Lanker-1_3_T-1.scene.parquet")]
    public void Analyze_EveryVehicleOfARealScene_SameSeriesAsTheReferenceImplementation(string log)
    {
        var scene = SceneImporters.CreateDefault().Import(Path.Combine(RepoPaths.Logs, log));
        var analyzer = new NuPlanTimeToCollisionAnalyzer();
        int finite = 0, compared = 0;

        foreach (var track in scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle))
        {
            var history = NuPlanHistory.FromDrive(new Drive(scene, track.Id));
            var fast = analyzer.Analyze(history).Series.Single(s => s.Name == NuPlanTimeToCollisionAnalyzer.Series).Values;
            var reference = Reference(history);

            fast.Count.ShouldBe(reference.Length);
            for (int i = 0; i < reference.Length; i++)
            {
                BitConverter.DoubleToInt64Bits(fast[i]).ShouldBe(BitConverter.DoubleToInt64Bits(reference[i]), $"ego '{track.Id}' state {i}: fast {fast[i]:R}, reference {reference[i]:R}");
                finite += double.IsFinite(reference[i]) ? 1 : 0;
                compared++;
            }
        }

        // The comparison means something only if some projections do meet within the horizon.
        compared.ShouldBeGreaterThan(300);
        finite.ShouldBeGreaterThan(0);
    }

    private static double[] Reference(NuPlanHistory history)
    {
        var collisions = NuPlanCollisionAnalyzer.FindCollisions(history);
        int n = history.EgoStates.Count;
        var ttc = new double[n];
        var collided = new HashSet<TrackId>();
        for (int i = 0; i < n; i++)
        {
            foreach (var c in collisions.Where(c => c.StateIndex == i))
            {
                collided.Add(c.Agent.Id);
            }

            ttc[i] = collisions.Any(c => c.StateIndex == i && c.AtFault) ? 0 : AtState(history, i, collided);
        }

        return ttc;
    }

    private static double AtState(NuPlanHistory history, int i, HashSet<TrackId> collided)
    {
        var ego = history.EgoStates[i];
        var map = history.Map[i];
        bool widen = !map.InCommonOrConnectedLanes || map.InIntersection;
        var tracks = history.Agents[i]
            .Where(a => !collided.Contains(a.Id) && (Angle(ego, a.Box.Centre) < Math.PI / 6 || (widen && !(Angle(ego, a.Box.Centre) > 150 * Math.PI / 180))))
            .ToList();
        double speed = ego.Speed;
        if (tracks.Count == 0 || speed <= Stopped)
        {
            return double.PositiveInfinity;
        }

        var egoBox = history.EgoBox(i);
        double steps = Horizon / Step;
        var egoD = Point2.FromAngle(egoBox.Heading) * (speed * Step);
        var egoLong = Elongated(egoBox, egoD, steps);
        var relevant = tracks
            .Select(a => (Agent: a, D: Point2.FromAngle(a.Box.Heading) * (a.Speed * Step)))
            .Where(t => egoLong.Intersects(Elongated(t.Agent.Box, t.D, steps)))
            .ToList();
        int count = (int)Math.Ceiling((Horizon - Step) / Step);
        var egoCentre = egoBox.Centre;
        var centres = relevant.Select(r => r.Agent.Box.Centre).ToArray();
        for (int s = 0; s < count; s++)
        {
            egoCentre += egoD;
            var projectedEgo = egoBox with { Centre = egoCentre };
            for (int r = 0; r < relevant.Count; r++)
            {
                centres[r] += relevant[r].D;
                if (projectedEgo.Intersects(relevant[r].Agent.Box with { Centre = centres[r] }))
                {
                    return Step + (s * Step);
                }
            }
        }

        return double.PositiveInfinity;
    }

    // nuPlan idm/utils.py: the angle between the ego heading (rear axle) and the direction to the agent.
    private static double Angle(AvEval.Kinematics.EgoSample ego, Point2 agent)
    {
        double dx = agent.X - ego.X, dy = agent.Y - ego.Y;
        double norm = Math.Sqrt((dx * dx) + (dy * dy));
        return Math.Acos(((Math.Cos(ego.Heading) * dx) + (Math.Sin(ego.Heading) * dy)) / norm);
    }

    private static OrientedBox Elongated(OrientedBox box, Point2 d, double steps) =>
        box with { Centre = box.Centre + (d * (steps / 2)), Length = box.Length + (d * steps).Length };
}
