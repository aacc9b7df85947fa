namespace AvEval.Candidates;

/// <summary>
/// Parameters of MOBIL, the lane-change model of A. Kesting, M. Treiber and D. Helbing, "General Lane-Changing Model
/// MOBIL for Car-Following Models", Transportation Research Record 1999, 86–94 (2007), in its symmetric form (no keep-right
/// bias, as on US freeways). A change to an adjacent same-direction lane is made when it is safe, ã_n ≥ −b_safe, and worth
/// it, ã_c − a_c + p [(ã_n − a_n) + (ã_o − a_o)] &gt; Δa_th, where c is the ego, n the new follower, o the old follower,
/// and ã the IDM accelerations after the change (every driver is assumed to follow the ego's own IDM parameters).
/// </summary>
/// <param name="Politeness">p, how much the ego weighs the others' loss or gain; 0 is egoistic, 1 altruistic.</param>
/// <param name="Threshold">Δa_th, the net gain a change must bring, m/s².</param>
/// <param name="SafeBraking">b_safe, the hardest braking the change may impose on the new follower, m/s² (positive).</param>
/// <param name="MinimumInterval">No change is considered within this time of the start or of the last change, s.</param>
public sealed record MobilOptions(
    double Politeness = 0.5,
    double Threshold = 0.2,
    double SafeBraking = 4.0,
    double MinimumInterval = 3.0);
