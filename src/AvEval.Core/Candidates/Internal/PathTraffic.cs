using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Candidates.Internal;

/// <summary>
/// The recorded agents around the ego on one path (its lane, or an adjacent lane it considers): an agent is on the path
/// when the lateral extent of its box (its corners' signed offsets from the path) overlaps the band of half-width
/// <c>halfBand</c>, the rule log replay uses for its lead (<see cref="LogReplayOptions.CorridorMargin"/>). The lead is the
/// nearest such agent wholly ahead of the ego's front, the follower the nearest wholly behind its rear; an agent beside the
/// ego (overlapping it along the path) makes the path blocked.
/// </summary>
internal static class PathTraffic
{
    /// <summary>A neighbour on the path: bumper-to-bumper gap to the ego along the path, m, and its speed along the path, m/s.</summary>
    public readonly record struct Neighbour(TrackId Track, double Gap, double Speed);

    /// <summary>The lead, the follower and whether an agent is beside the ego.</summary>
    public readonly record struct Around(Neighbour? Lead, Neighbour? Follower, bool Blocked);

    public static Around Find(Scene window, TrackId ego, BoxSize egoSize, int frame, RecordedPath path, Point2 egoCentre, double egoS, double halfBand, double ahead, double behind)
    {
        double halfLength = egoSize.Length / 2;
        double front = egoS + halfLength;
        double rear = egoS - halfLength;
        Neighbour? lead = null, follower = null;
        bool blocked = false;
        foreach (var track in window.Tracks)
        {
            if (track.Id == ego || !track.TryGetState(frame, out var state))
            {
                continue;
            }

            var centre = new Point2(state.X, state.Y);
            double agentReach = (track.Size.Length + track.Size.Width) / 2;
            if (centre.DistanceTo(egoCentre) > Math.Max(ahead, behind) + halfLength + agentReach)
            {
                continue;
            }

            double lo = rear - behind - agentReach;
            double hi = front + ahead + agentReach;
            double nearest = double.PositiveInfinity, farthest = double.NegativeInfinity;
            double minOffset = double.PositiveInfinity, maxOffset = double.NegativeInfinity;
            foreach (var corner in new OrientedBox(centre, state.Heading, track.Size.Length, track.Size.Width).Corners())
            {
                var (cs, offset, _) = path.Project(corner, lo, hi);
                (nearest, farthest) = (Math.Min(nearest, cs), Math.Max(farthest, cs));
                (minOffset, maxOffset) = (Math.Min(minOffset, offset), Math.Max(maxOffset, offset));
            }

            if (minOffset > halfBand || maxOffset < -halfBand)
            {
                continue;
            }

            var (centreS, _, _) = path.Project(centre, lo, hi);
            double speed = new Point2(state.Vx, state.Vy).Dot(path.TangentAt(centreS));
            if (nearest >= front)
            {
                double gap = nearest - front;
                if (gap <= ahead && (lead is null || gap < lead.Value.Gap))
                {
                    lead = new Neighbour(track.Id, gap, speed);
                }
            }
            else if (farthest <= rear)
            {
                double gap = rear - farthest;
                if (gap <= behind && (follower is null || gap < follower.Value.Gap))
                {
                    follower = new Neighbour(track.Id, gap, speed);
                }
            }
            else if (centreS > egoS)
            {
                // Overlapping the ego along the path but centred ahead: on the ego's own path this is a lead at gap ≤ 0
                // (a vehicle cutting in beside the front), as in log replay; on another path it blocks a change.
                blocked = true;
                double gap = nearest - front;
                if (lead is null || gap < lead.Value.Gap)
                {
                    lead = new Neighbour(track.Id, gap, speed);
                }
            }
            else
            {
                blocked = true;
            }
        }

        return new Around(lead, follower, blocked);
    }
}
