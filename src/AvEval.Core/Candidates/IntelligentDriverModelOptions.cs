namespace AvEval.Candidates;

/// <summary>Parameters of the Intelligent Driver Model; all positive.</summary>
/// <param name="DesiredSpeed">v0, m/s.</param>
/// <param name="TimeGap">T, desired time gap to the lead, s.</param>
/// <param name="MinimumGap">s0, gap kept at standstill, m.</param>
/// <param name="MaxAcceleration">a, m/s².</param>
/// <param name="ComfortableDeceleration">b, m/s² (positive).</param>
/// <param name="Exponent">δ, the acceleration exponent; 4 in the original paper.</param>
public sealed record IntelligentDriverModelOptions(
    double DesiredSpeed,
    double TimeGap,
    double MinimumGap,
    double MaxAcceleration,
    double ComfortableDeceleration,
    double Exponent = 4.0);
