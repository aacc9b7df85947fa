using AvEval.Errors;
using AvEval.Import;
using AvEval.Kinematics;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Suites;

namespace AvEval.Coverage;

/// <summary>
/// Puts scenarios into a taxonomy of behaviour × road type × speed band × traffic density, from the recorded scene over
/// the scenario's window (the recorded ego, not a candidate's drive, so the cell is the scenario's and not a candidate's):
/// <list type="bullet">
/// <item><b>road type</b>: <c>freeway</c> when at least 98% of the scene map's lane length (centreline segments) runs within
/// 45° of one direction (modulo 180°: a map of parallel and merging lanes, no cross streets); else <c>intersection</c> when a
/// lane crossing the ego's heading at 45°–135°, or a lane the source marks as in an intersection, has a centreline segment
/// within 30 m of the ego's path; else <c>arterial</c>.</item>
/// <item><b>speed band</b>: the ego's mean speed <c>low</c> below 5 m/s (18 km/h), <c>medium</c> below 15 m/s (54 km/h), else <c>high</c>.</item>
/// <item><b>traffic density</b>: other vehicles within 100 m of the ego (a 0.2 km stretch), per km and per same-direction
/// lane abreast, averaged over every 10th frame: <c>light</c> below 20, <c>moderate</c> below 50, else <c>dense</c> veh/km/lane.</item>
/// </list>
/// Used by both the report's coverage section and the release gate's coverage minimum, so that they agree.
/// </summary>
public static class ScenarioTaxonomy
{
    /// <summary>Road types, in table order.</summary>
    public static IReadOnlyList<string> RoadTypes { get; } = ["freeway", "arterial", "intersection"];

    /// <summary>Speed bands, in table order.</summary>
    public static IReadOnlyList<string> SpeedBands { get; } = ["low", "medium", "high"];

    /// <summary>Traffic densities, in table order.</summary>
    public static IReadOnlyList<string> Densities { get; } = ["light", "moderate", "dense"];

    /// <summary>Upper bound of the <c>low</c> speed band, m/s.</summary>
    public const double LowSpeedBelow = 5;

    /// <summary>Upper bound of the <c>medium</c> speed band, m/s.</summary>
    public const double MediumSpeedBelow = 15;

    /// <summary>Upper bound of <c>light</c> traffic, vehicles per km per lane.</summary>
    public const double LightBelow = 20;

    /// <summary>Upper bound of <c>moderate</c> traffic, vehicles per km per lane.</summary>
    public const double ModerateBelow = 50;

    /// <summary>The share of the map's lane length aligned with one direction (within 45°, modulo 180°) from which a scene is a freeway.</summary>
    public const double FreewayAlignedFraction = 0.98;

    /// <summary>Radius around the ego in which vehicles are counted, m.</summary>
    public const double DensityRadiusMetres = 100;

    /// <summary>Distance from the ego's path within which a crossing lane makes the scenario an intersection one, m.</summary>
    public const double IntersectionRadiusMetres = 30;

    /// <summary>Classifies one scenario from its recorded scene.</summary>
    /// <exception cref="ArgumentException">The scene has no track of the scenario's ego.</exception>
    public static ScenarioClass Classify(ScenarioSpec spec, Scene scene)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scene);
        if (!scene.TryGetTrack(spec.Ego, out var ego))
        {
            throw new ArgumentException($"Scene '{scene.Id}' has no track '{spec.Ego}'; check the scenario's ego.", nameof(scene));
        }

        var time = scene.TimeBase;
        var frames = Enumerable.Range(ego.FirstFrame, ego.States.Length)
            .Where(f => spec.Window is not { } w || (time.TimeOf(f) >= w.StartSeconds - 1e-9 && time.TimeOf(f) < w.EndSeconds - 1e-9))
            .ToList();
        if (frames.Count == 0)
        {
            frames = [ego.FirstFrame];
        }

        double meanSpeed = frames.Average(f => ego.StateAt(f).Speed);
        var index = SceneLaneIndex.For(scene);
        int egoIndex = index.IndexOf(ego.Id);
        int lanes = 1;
        int laneAtStart = frames.Select(f => index.LaneOf(egoIndex, f)).FirstOrDefault(l => l >= 0, -1);
        if (laneAtStart >= 0)
        {
            for (int l = index.LeftOf(laneAtStart), guard = 0; l >= 0 && guard < 32; l = index.LeftOf(l), guard++)
            {
                lanes++;
            }

            for (int r = index.RightOf(laneAtStart), guard = 0; r >= 0 && guard < 32; r = index.RightOf(r), guard++)
            {
                lanes++;
            }
        }

        var sampled = frames.Where((_, i) => i % 10 == 0).ToList();
        double perKm = sampled.Average(f =>
        {
            var s = ego.StateAt(f);
            int near = scene.Tracks.Count(t => t.Id != ego.Id && t.Kind == AgentKind.Vehicle && t.IsPresentAt(f)
                && Math.Pow(t.StateAt(f).X - s.X, 2) + Math.Pow(t.StateAt(f).Y - s.Y, 2) <= DensityRadiusMetres * DensityRadiusMetres);
            return near / (2 * DensityRadiusMetres / 1000.0);
        }) / lanes;

        var path = sampled.Select(f => ego.StateAt(f)).ToList();
        bool nearPath = scene.Lanes.Lanes.Any(lane => Segments(lane).Any(seg => path.Any(p =>
            Math.Pow(seg.X - p.X, 2) + Math.Pow(seg.Y - p.Y, 2) <= IntersectionRadiusMetres * IntersectionRadiusMetres
            && (lane.IsIntersection || Crossing(seg.Heading, p.Heading)))));
        double aligned = AlignedFraction(scene);
        string road = aligned >= FreewayAlignedFraction ? "freeway" : nearPath ? "intersection" : "arterial";
        string speed = meanSpeed < LowSpeedBelow ? "low" : meanSpeed < MediumSpeedBelow ? "medium" : "high";
        string density = perKm < LightBelow ? "light" : perKm < ModerateBelow ? "moderate" : "dense";
        return new ScenarioClass(spec.DisplayName, new TaxonomyCell(spec.Behavior, road, speed, density), meanSpeed, perKm, lanes, nearPath, aligned);
    }

    /// <summary>
    /// The coverage of <paramref name="scenarioFiles"/> of a suite (paths relative to its folder, as a run records them),
    /// each scene imported once; a scenario whose file or log does not load is listed in <see cref="CoverageTable.Unclassified"/>.
    /// </summary>
    public static CoverageTable Compute(Suite suite, IEnumerable<string> scenarioFiles)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(scenarioFiles);
        var importers = SceneImporters.CreateDefault();
        var scenes = new Dictionary<string, Scene>(StringComparer.Ordinal);
        var classes = new List<ScenarioClass>();
        var problems = new List<string>();
        foreach (string file in scenarioFiles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            try
            {
                var spec = suite.Load(file);
                string log = spec.LogPath(suite.Folder);
                if (!scenes.TryGetValue(log, out var scene))
                {
                    scene = importers.Import(log);
                    scenes[log] = scene;
                }

                classes.Add(Classify(spec, scene));
            }
            catch (Exception e) when (e is AvEvalException or ArgumentException)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }

        return Table(classes, problems);
    }

    /// <summary>The table of classified scenarios: every cell of each behaviour present, empty ones included.</summary>
    public static CoverageTable Table(IReadOnlyList<ScenarioClass> classes, IReadOnlyList<string> unclassified)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(unclassified);
        var cells = new List<CoverageCount>();
        foreach (string behavior in classes.Select(c => c.Cell.Behavior).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            foreach (string road in RoadTypes)
            {
                foreach (string speed in SpeedBands)
                {
                    foreach (string density in Densities)
                    {
                        var cell = new TaxonomyCell(behavior, road, speed, density);
                        cells.Add(new CoverageCount(cell, [.. classes.Where(c => c.Cell == cell).Select(c => c.Scenario).Order(StringComparer.Ordinal)]));
                    }
                }
            }
        }

        return new CoverageTable(cells, [.. classes.OrderBy(c => c.Scenario, StringComparer.Ordinal)], unclassified);
    }

    private static IEnumerable<(double X, double Y, double Heading)> Segments(Lane lane)
    {
        var c = lane.Centerline;
        for (int i = 0; i + 1 < c.Count; i++)
        {
            yield return ((c[i].X + c[i + 1].X) / 2, (c[i].Y + c[i + 1].Y) / 2, Math.Atan2(c[i + 1].Y - c[i].Y, c[i + 1].X - c[i].X));
        }
    }

    /// <summary>Whether two headings cross at 45°–135° (either direction of travel).</summary>
    private static bool Crossing(double a, double b)
    {
        double d = Math.Abs(Math.IEEERemainder(a - b, Math.PI)); // 0..π/2 after folding opposite directions together
        return d >= Math.PI / 4;
    }

    /// <summary>The largest share of the map's lane length (centreline segments, by length) whose heading lies within 45° of one direction, modulo 180°.</summary>
    private static double AlignedFraction(Scene scene)
    {
        var segments = scene.Lanes.Lanes.SelectMany(l =>
        {
            var c = l.Centerline;
            return Enumerable.Range(0, Math.Max(0, c.Count - 1)).Select(i => (Heading: Math.Atan2(c[i + 1].Y - c[i].Y, c[i + 1].X - c[i].X), Length: Math.Sqrt(Math.Pow(c[i + 1].X - c[i].X, 2) + Math.Pow(c[i + 1].Y - c[i].Y, 2))));
        }).Where(s => s.Length > 0).ToList();
        double total = segments.Sum(s => s.Length);
        if (total <= 0)
        {
            return 1;
        }

        double best = 0;
        for (int degree = 0; degree < 180; degree++)
        {
            double direction = degree * Math.PI / 180;
            best = Math.Max(best, segments.Where(s => !Crossing(s.Heading, direction)).Sum(s => s.Length) / total);
        }

        return best;
    }
}
