namespace AvEval.Tests.Scenarios;

/// <summary>Scenario YAML for tests: a valid file whose lines are numbered in the comments, and edits of it.</summary>
internal static class ScenarioYaml
{
    public const string File = "behaviors/cut_in/us101-22-veh-1234.yaml";

    // Line numbers matter: tests assert file:line:column.
    public static readonly string[] Lines =
    [
        "# yaml-language-server: $schema=../../schema/scenario.schema.json", // 1
        "id: us101-22-veh-1234",                                              // 2
        "title: Ego keeps its distance when vehicle 1234 cuts in",            // 3
        "behavior: cut_in",                                                   // 4
        "severity: blocking",                                                 // 5
        "tags: [cut-in, highway]",                                            // 6
        "log: logs/USA_US101-22_1_T-1.parquet",                               // 7
        "ego: 1234",                                                          // 8
        "window: { start: 2.0, end: 10.5 }",                                  // 9
        "expectations:",                                                      // 10
        "  - ttc.nuplan.min >= 0.95 s",                                       // 11
        "  - no event hard_braking",                                          // 12
        "  - \"speed.mean <= 100 km/h\"",                                     // 13
        "rationale: Cut-in found by the cut-in analyzer at t=4.2 s.",         // 14
    ];

    public static string Valid => string.Join('\n', Lines) + "\n";

    /// <summary>The valid file with one line (1-based) replaced.</summary>
    public static string WithLine(int line, string text)
    {
        var lines = Lines.ToArray();
        lines[line - 1] = text;
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The valid file without one line (1-based).</summary>
    public static string WithoutLine(int line) =>
        string.Join('\n', Lines.Where((_, i) => i != line - 1)) + "\n";
}
