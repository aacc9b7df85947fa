namespace AvEval.Import.Comma2k19;

/// <summary>One radar return of a comma2k19 segment (<c>processed_log/CAN/radar</c>), in the ego frame.</summary>
/// <param name="Seconds">Sample time, s of device boot time.</param>
/// <param name="ForwardM">Distance ahead of the radar, m.</param>
/// <param name="LeftM">Distance to the left, m.</param>
/// <param name="RelativeSpeedMps">Speed relative to the ego along its heading, m/s (positive: pulling away).</param>
/// <param name="Address">CAN address of the radar track slot.</param>
/// <param name="NewTrack">Whether the radar flagged this return as the start of a new track in its slot.</param>
public readonly record struct Comma2k19RadarTarget(double Seconds, double ForwardM, double LeftM, double RelativeSpeedMps, int Address, bool NewTrack);
