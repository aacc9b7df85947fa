"""Car following of one ego, per frame: the lead is the nearest vehicle ahead in the ego's lanelet or in the
lanelets that follow it (centre arc lengths along the centrelines, successor offsets = lanelet lengths);
gap = arc-length difference - half of each length; THW = max(gap, 0) / |v_ego| (undefined below 0.5 m/s);
following TTC = max(gap, 0) / (v_ego,lane - v_lead,lane) while closing, where v_lane = v cos(orientation -
centreline segment heading). Also prints, per frame, the centre distance projected on the ego's segment
direction minus the half lengths: where it equals the arc-length gap within 1e-3 the lanelet is straight
between the two vehicles and the gap is the plain projected distance.
Where a centre's nearest centreline point is a vertex the lane direction there is two-sided; --tangent=forward
takes the segment that starts at that arc length (the direction the path continues in), the default the segment
the projection was found on.
Usage: python3 following.py FILE.xml EGO_ID [FRAME] [--tangent=forward]"""
import bisect
import math
import sys
from commonroad import Scenario

FORWARD = '--tangent=forward' in sys.argv
sys.argv = [a for a in sys.argv if not a.startswith('--')]

sc = Scenario(sys.argv[1])
ego = sc.obstacles[int(sys.argv[2])]


def located(o, k):
    x, y, h, v = o.states[k]
    lane = sc.lane_of(x, y, h)
    if lane is None:
        return None
    ln = sc.lanelets[lane]
    s, seg_h, seg = ln.project(x, y)
    if FORWARD:
        i = min(max(bisect.bisect_right(ln.cum, s) - 1, 0), len(ln.centre) - 2)
        seg_h = math.atan2(ln.centre[i + 1][1] - ln.centre[i][1], ln.centre[i + 1][0] - ln.centre[i][0])
    return lane, s, v * math.cos(h - seg_h), seg_h


def lead_at(k):
    me = located(ego, k)
    if me is None:
        return None
    lane0, s0, v0, h0 = me
    # offsets of the lanelets reachable through successors within 150 m
    offsets, frontier = {lane0: 0.0}, [lane0]
    while frontier:
        l = frontier.pop()
        for n in sc.lanelets[l].successors:
            off = offsets[l] + sc.lanelets[l].length
            if n in sc.lanelets and off - s0 < 150 and (n not in offsets or off < offsets[n]):
                offsets[n] = off
                frontier.append(n)
    best = None
    for o in sc.obstacles.values():
        if o.id == ego.id or k not in o.states:
            continue
        loc = located(o, k)
        if loc is None or loc[0] not in offsets:
            continue
        ahead = loc[1] + offsets[loc[0]] - s0
        if ahead > 0 and (best is None or ahead < best[0]):
            best = (ahead, o, loc)
    if best is None or best[0] > 150:
        return None
    ahead, o, loc = best
    gap = ahead - ego.length / 2 - o.length / 2
    ex, ey, _, v = ego.states[k]
    ox, oy, _, _ = o.states[k]
    straight = (ox - ex) * math.cos(h0) + (oy - ey) * math.sin(h0) - ego.length / 2 - o.length / 2
    speed = abs(v)
    g = max(gap, 0.0)
    thw = float('nan') if speed < 0.5 else g / speed
    closing = v0 - loc[2]
    ttc = g / closing if closing > 0 else math.inf
    return o.id, gap, thw, ttc, straight


rows = {k: lead_at(k) for k in sorted(ego.states)}
if len(sys.argv) > 3:
    k = int(sys.argv[3])
    r = rows[k]
    print(f"frame {k}: lead {r[0]} gap {r[1]:.6f} thw {r[2]:.6f} ttc {r[3]:.6f} straight-gap {r[4]:.6f}")
else:
    leads = {r[0] for r in rows.values() if r}
    with_lead = [r for r in rows.values() if r]
    print(f"frames {len(rows)}, frames with lead {len(with_lead)}, leads {sorted(leads)}")
    print(f"gap.lead.min {min(r[1] for r in with_lead):.6f}")
    thws = [r[2] for r in with_lead if not math.isnan(r[2])]
    print(f"thw.gap.min {min(thws):.6f}  thw.gap.mean {sum(thws) / len(thws):.6f}")
    print(f"ttc.following.min {min(r[3] for r in with_lead):.6f}")
    for k, r in rows.items():
        if r and abs(r[1] - r[4]) < 1e-3:
            print(f"  straight frame {k}: lead {r[0]} gap {r[1]:.6f}")
