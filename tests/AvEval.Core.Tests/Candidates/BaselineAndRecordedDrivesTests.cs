using System.Globalization;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Tests.Candidates;

public sealed class BaselineAndRecordedDrivesTests
{
    [Fact]
    public void HumanBaseline_Window_RecordedStatesInTheWindow()
    {
        const int frames = 50;
        var ego = Road.Cruising(Road.Ego, frames, 0, 20);
        var scene = Road.Scene(frames, ego);

        var drive = new HumanBaselineCandidate(new CandidateId("human")).Drive(Road.Spec(new ScenarioWindow(1.0, 2.0)), scene);

        drive.EgoTrack.States.ToArray().ShouldBe(ego.States[10..20].ToArray());
    }

    [Fact]
    public void RecordedDrives_FileForScenario_ReadThroughInjectedReader()
    {
        var folder = Directory.CreateTempSubdirectory("aveval-drives-").FullName;
        var driven = Road.Cruising(Road.Ego, 30, 0, 12);
        Directory.CreateDirectory(Path.Combine(folder, "following_distance"));
        WriteDrive(Path.Combine(folder, "following_distance", "hand.drive"), driven);
        var log = Road.Scene(30, Road.Cruising(Road.Ego, 30, 0, 20));

        var candidate = new RecordedDrivesCandidate(new CandidateId("stack-x"), folder, ".drive", ReadDrive);
        var drive = candidate.Drive(Road.Spec(), log);

        drive.EgoTrack.States.ToArray().ShouldBe(driven.States.ToArray());
        candidate.Fingerprint.Length.ShouldBe(64);
    }

    [Fact]
    public void RecordedDrives_ChangedDriveFile_ChangesFingerprint()
    {
        var folder = Directory.CreateTempSubdirectory("aveval-drives-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "following_distance"));
        var file = Path.Combine(folder, "following_distance", "hand.drive");
        WriteDrive(file, Road.Cruising(Road.Ego, 30, 0, 12));
        var before = new RecordedDrivesCandidate(new CandidateId("stack-x"), folder, ".drive", ReadDrive).Fingerprint;

        WriteDrive(file, Road.Cruising(Road.Ego, 30, 0, 13));
        var after = new RecordedDrivesCandidate(new CandidateId("stack-x"), folder, ".drive", ReadDrive).Fingerprint;

        after.ShouldNotBe(before);
    }

    [Fact]
    public void RecordedDrives_MissingFile_CandidateException()
    {
        var folder = Directory.CreateTempSubdirectory("aveval-drives-").FullName;
        var log = Road.Scene(30, Road.Cruising(Road.Ego, 30, 0, 20));
        var candidate = new RecordedDrivesCandidate(new CandidateId("stack-x"), folder, ".drive", ReadDrive);

        var error = Record.Exception(() => candidate.Drive(Road.Spec(), log));

        Assert.IsType<CandidateException>(error).Message.ShouldBe(
            $"behaviors/following_distance/hand.yaml: candidate 'stack-x' has no recorded drive '{Path.Combine(folder, "following_distance", "hand.drive")}'; the driving stack must write one file per scenario id into its folder.");
    }

    // The test's own drive format: one line per state of the ego, "x y heading vx vy ax ay".
    private static void WriteDrive(string file, Track ego) =>
        File.WriteAllLines(file, ego.States.ToArray().Select(s => string.Join(' ', new[] { s.X, s.Y, s.Heading, s.Vx, s.Vy, s.Ax, s.Ay }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));

    private static Scene ReadDrive(string file)
    {
        var states = File.ReadAllLines(file)
            .Select(line => line.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new AgentState(v[0], v[1], v[2], v[3], v[4], v[5], v[6]))
            .ToList();
        var ego = new Track(Road.Ego, AgentKind.Vehicle, "car", new BoxSize(Road.CarLength, Road.CarWidth), 0, states, hasAcceleration: true);
        return Road.Scene(states.Count, ego);
    }
}
