namespace AvEval.Import.Comma2k19;

/// <summary>
/// The streams of one comma2k19 segment that AvEval uses, as recorded (device boot time, no resampling).
/// </summary>
/// <param name="Folder">The segment folder (the one holding <c>processed_log/</c> and <c>global_pose/</c>).</param>
/// <param name="Speed">CAN vehicle speed, m/s.</param>
/// <param name="SteeringAngle">CAN steering-wheel angle, degrees.</param>
/// <param name="Radar">Radar returns in file order.</param>
/// <param name="PoseSeconds">Camera frame times of <c>global_pose</c>, s of device boot time (20 fps).</param>
/// <param name="PositionsEcef">Camera position per frame, ECEF m (x, y, z).</param>
/// <param name="OrientationsEcef">Hamilton quaternion (w, x, y, z) per frame rotating device axes [forward, right, down] into ECEF.</param>
/// <param name="FilesRead">The files read, in the order hashed for provenance.</param>
public sealed record Comma2k19Segment(
    string Folder,
    Comma2k19Series Speed,
    Comma2k19Series SteeringAngle,
    IReadOnlyList<Comma2k19RadarTarget> Radar,
    double[] PoseSeconds,
    double[][] PositionsEcef,
    double[][] OrientationsEcef,
    IReadOnlyList<string> FilesRead);
