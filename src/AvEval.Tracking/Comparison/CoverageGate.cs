using AvEval.Coverage;
using AvEval.Runs;
using AvEval.Suites;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// The coverage half of the release gate, shared by <c>aveval gate</c> and <c>aveval report</c> so that both refuse or flag
/// the same cells: the candidate run's scenarios put into <see cref="ScenarioTaxonomy"/>'s cells from the run's suite, and
/// the cells under the policy's <see cref="CoverageRequirement"/>.
/// </summary>
public static class CoverageGate
{
    /// <summary>The coverage of a run's scenarios (its candidate's cases and its log checks), from the suite folder the run recorded.</summary>
    /// <param name="candidate">The compared candidate run.</param>
    /// <param name="suiteRoot">The run's suite folder (<see cref="RunManifest.SuiteRoot"/>).</param>
    public static CoverageTable TableOf(ComparedRun candidate, string suiteRoot)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentException.ThrowIfNullOrEmpty(suiteRoot);
        var suite = new Suite(suiteRoot, NoEvaluatorCatalog.Instance);
        return ScenarioTaxonomy.Compute(suite, candidate.Cases.Select(c => c.ScenarioFile));
    }

    /// <summary>The cells the requirement covers that hold fewer scenarios than its minimum, in table order.</summary>
    public static IReadOnlyList<CoverageShortfall> Shortfalls(CoverageRequirement requirement, CoverageTable table)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(table);
        static bool In(IReadOnlyList<string> list, string value) => list.Count == 0 || list.Contains(value);
        var cells = table.Cells.ToList();

        // A listed behaviour the run has no scenario of is short in every cell.
        foreach (string behavior in requirement.Behaviors.Where(b => cells.All(c => c.Cell.Behavior != b)))
        {
            foreach (string road in ScenarioTaxonomy.RoadTypes)
            {
                foreach (string speed in ScenarioTaxonomy.SpeedBands)
                {
                    foreach (string density in ScenarioTaxonomy.Densities)
                    {
                        cells.Add(new CoverageCount(new TaxonomyCell(behavior, road, speed, density), []));
                    }
                }
            }
        }

        return [.. cells
            .Where(c => In(requirement.Behaviors, c.Cell.Behavior) && In(requirement.RoadTypes, c.Cell.RoadType) && In(requirement.SpeedBands, c.Cell.SpeedBand) && In(requirement.Densities, c.Cell.Density))
            .Where(c => c.Count < requirement.Minimum)
            .Select(c => new CoverageShortfall(c.Cell, c.Count, requirement.Minimum))];
    }
}
