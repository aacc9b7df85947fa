using AvEval.Import.Argoverse2;
using AvEval.Import.Comma2k19;
using AvEval.Import.CommonRoad;
using AvEval.Storage;
using AvEval.Tests.Import.Argoverse2;
using AvEval.Tests.Import.Comma2k19;

namespace AvEval.Tests.Fuzzing;

/// <summary>
/// Every scene reader fuzzed for a bounded time over real files (<see cref="MutationFuzzer"/>): the only acceptable outcomes
/// are a scene or a SceneImportException. Crashes found are kept under <c>tests/fuzz-corpus/&lt;target&gt;/</c> and replayed;
/// the Argoverse 2 targets mutate the shared samples (non-commercial, never committed), so their regressions are built in code.
/// </summary>
public sealed class SceneReaderFuzzTests
{
    private static string Corpus(string target) => Path.Combine(RepoPaths.Root, "tests", "fuzz-corpus", target);

    private static void ReadCommonRoad(byte[] bytes) => new CommonRoadImporter().Import(MutationFuzzer.WriteTemp(bytes, "fuzz.xml"));

    private static void ReadCanonical(byte[] bytes) => CanonicalSceneFile.Read(MutationFuzzer.WriteTemp(bytes, "fuzz" + CanonicalSceneFile.Extension));

    [Fact]
    public void CommonRoadImporter_MutatedOriginals_GiveASceneOrASceneImportException()
    {
        var seeds = Directory.GetFiles(Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original"), "*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();

        var report = MutationFuzzer.Run("commonroad-xml", seeds, ReadCommonRoad, text: true);

        report.Findings.ShouldBeEmpty(report.ToString());
    }

    [Fact]
    public void CommonRoadImporter_RegressionCorpus_GivesASceneOrASceneImportException()
    {
        var failures = MutationFuzzer.Replay(Corpus("commonroad-xml"), ReadCommonRoad);

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Select(f => $"{f.File}: {f.Outcome}")));
    }

    [Fact]
    public void CanonicalSceneFile_MutatedInRepoScenes_GiveASceneOrASceneImportException()
    {
        // The two smallest in-repo scenes (about 30 kB each), so that 300 inputs fit the time budget.
        var seeds = Directory.EnumerateFiles(RepoPaths.Logs, "*" + CanonicalSceneFile.Extension, SearchOption.AllDirectories)
            .OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).Take(2).Select(File.ReadAllBytes).ToArray();

        var report = MutationFuzzer.Run("canonical-parquet", seeds, ReadCanonical, text: false);

        report.Findings.ShouldBeEmpty(report.ToString());
    }

    [Fact]
    public void CanonicalSceneFile_RegressionCorpus_GivesASceneOrASceneImportException()
    {
        var failures = MutationFuzzer.Replay(Corpus("canonical-parquet"), ReadCanonical);

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Select(f => $"{f.File}: {f.Outcome}")));
    }

    [Fact]
    public void Comma2k19Importer_OneMutatedNpyFileOfTheSegment_GivesASceneOrASceneImportException()
    {
        using var segment = new SegmentCopy();

        var report = MutationFuzzer.Run("comma2k19-npy", segment.Seeds, segment.Import, text: false);

        report.Findings.ShouldBeEmpty(report.ToString());
    }

    [Fact]
    public void Comma2k19Importer_RegressionCorpus_GivesASceneOrASceneImportException()
    {
        using var segment = new SegmentCopy();

        var failures = MutationFuzzer.Replay(Corpus("comma2k19-npy"), segment.Import);

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Select(f => $"{f.File}: {f.Outcome}")));
    }

    [Fact]
    public void Av2ForecastingImporter_MutatedScenarioParquet_GivesASceneOrASceneImportException()
    {
        var folder = Av2Paths.CopyToTemp(Av2Paths.ForecastingFolder);
        try
        {
            var parquet = Path.Combine(folder, Path.GetFileName(Av2Paths.ForecastingParquet));

            var report = MutationFuzzer.Run("av2-forecasting-parquet", [File.ReadAllBytes(parquet)], bytes =>
            {
                File.WriteAllBytes(parquet, bytes);
                new Av2ForecastingImporter().Import(folder);
            }, text: false);

            report.Findings.ShouldBeEmpty(report.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Av2ForecastingImporter_MutatedMapJson_GivesASceneOrASceneImportException()
    {
        var folder = Av2Paths.CopyToTemp(Av2Paths.ForecastingFolder);
        try
        {
            var map = Path.Combine(folder, Path.GetFileName(Av2Paths.ForecastingMap));

            var report = MutationFuzzer.Run("av2-map-json", [File.ReadAllBytes(map)], bytes =>
            {
                File.WriteAllBytes(map, bytes);
                new Av2ForecastingImporter().Import(folder);
            }, text: true);

            report.Findings.ShouldBeEmpty(report.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Av2SensorLogImporter_MutatedAnnotationsOrPoseFeather_GivesASceneOrASceneImportException()
    {
        var folder = Av2Paths.CopyToTemp(Av2Paths.SensorLog("adcf7d18-0510-35b0-a2fa-b4cea13a6d76"));
        try
        {
            string[] files = [Path.Combine(folder, "annotations.feather"), Path.Combine(folder, "city_SE3_egovehicle.feather")];
            var originals = files.Select(File.ReadAllBytes).ToArray();

            var report = MutationFuzzer.Run("av2-sensor-feather", originals, bytes =>
            {
                // The mutated file replaces the seed it most resembles; the other is restored.
                var target = SegmentCopy.ClosestSeed(originals, bytes);
                for (var i = 0; i < files.Length; i++)
                {
                    File.WriteAllBytes(files[i], i == target ? bytes : originals[i]);
                }

                new Av2SensorLogImporter().Import(folder);
            }, text: false);

            report.Findings.ShouldBeEmpty(report.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A temp copy of the in-repo comma2k19 segment in which one mutated .npy file at a time replaces its seed.</summary>
    private sealed class SegmentCopy : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "aveval-fuzz-comma-" + Guid.NewGuid().ToString("N"));

        public SegmentCopy()
        {
            foreach (var file in Comma2k19Importer.Files)
            {
                var to = Path.Combine(_folder, file);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(Path.Combine(Comma2k19ImporterTests.Segment, file), to);
            }

            Seeds = [.. Comma2k19Importer.Files.Select(f => File.ReadAllBytes(Path.Combine(_folder, f)))];
        }

        public IReadOnlyList<byte[]> Seeds { get; }

        public void Import(byte[] bytes)
        {
            var target = ClosestSeed(Seeds, bytes);
            for (var i = 0; i < Seeds.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(_folder, Comma2k19Importer.Files[i]), i == target ? bytes : Seeds[i]);
            }

            new Comma2k19Importer().Import(_folder);
        }

        /// <summary>The seed sharing the longest prefix with the input (the .npy header names the stream's shape), then the nearest in length.</summary>
        public static int ClosestSeed(IReadOnlyList<byte[]> seeds, byte[] input) =>
            Enumerable.Range(0, seeds.Count)
                .OrderByDescending(i => seeds[i].AsSpan().CommonPrefixLength(input))
                .ThenBy(i => Math.Abs(seeds[i].Length - input.Length))
                .First();

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
