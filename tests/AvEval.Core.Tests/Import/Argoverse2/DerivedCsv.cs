using System.Globalization;

namespace AvEval.Tests.Import.Argoverse2;

/// <summary>The shared data's <c>derived/</c> CSV exports (schema in shared/data/README.md), read independently of the importers.</summary>
internal static class DerivedCsv
{
    public sealed record TrackRow(string TrackId, string Kind, string SourceType, bool IsEgo, double T, double X, double Y, double? Yaw, double? Vx, double? Vy, double? Length, double? Width);

    public sealed record LaneRow(string LaneId, string[] Left, string[] Right, string[] Successors, string[] Predecessors, (double X, double Y)[] Centerline);

    public static List<TrackRow> Tracks(string scenario) =>
        [.. File.ReadLines(RepoPaths.RequireShared("av2-samples", "derived", "tracks", scenario + ".csv")).Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new TrackRow(f[1], f[2], f[3], f[4] == "1", D(f[5]), D(f[6]), D(f[7]), N(f[8]), N(f[9]), N(f[10]), N(f[11]), N(f[12]));
        })];

    public static List<LaneRow> Lanes(string scenario) =>
        [.. File.ReadLines(RepoPaths.RequireShared("av2-samples", "derived", "lanes", scenario + ".csv")).Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new LaneRow(f[1], Ids(f[2]), Ids(f[3]), Ids(f[4]), Ids(f[5]), [.. f[6].Split(';').Select(p => p.Split(' ')).Select(p => (D(p[0]), D(p[1])))]);
        })];

    private static string[] Ids(string text) => text.Length == 0 ? [] : text.Split('|');

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static double? N(string text) => text.Length == 0 ? null : D(text);
}
