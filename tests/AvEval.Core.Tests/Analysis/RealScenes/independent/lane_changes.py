"""Lane changes and cut-ins from point-in-polygon lane association.
Lane of a vehicle at a frame: the lanelet polygon (left bound + reversed right bound, even-odd rule) containing its
centre. A lane change: the lane becomes a same-direction adjacent lanelet (of the current lanelet, of one of its
successors, or a successor of the adjacent one) and the new lane then holds for 5 frames (0.5 s); entry = first frame
in the new lane, the change spans [entry, confirm + 1) frames. A cut-in in front of EGO: another vehicle's lane change
whose new lanelet at entry is EGO's lanelet (or a successor of it), with the other's centre ahead; gap at entry =
arc-length difference of the centres along the centreline minus half of each length.
Usage: python3 lane_changes.py FILE.xml [EGO_ID]"""
import sys
from commonroad import Scenario

sc = Scenario(sys.argv[1])
HOLD = 5


def side(a, b):
    la, lb = sc.lanelets[a], sc.lanelets[b]
    for x in [la] + [sc.lanelets[s] for s in la.successors if s in sc.lanelets]:
        if x.adj_left == b:
            return 'left'
        if x.adj_right == b:
            return 'right'
    for p in lb.predecessors:
        if la.adj_left == p:
            return 'left'
        if la.adj_right == p:
            return 'right'
    return None


def lanes(o):
    return {k: sc.lane_of(*o.states[k][:3]) for k in sorted(o.states)}


def changes(o):
    seq = lanes(o)
    frames = sorted(seq)
    out, confirmed, run_lane, run_start, run_len = [], None, 'x', 0, 0
    for k in frames:
        lane = seq[k]
        if lane == run_lane:
            run_len += 1
        else:
            run_lane, run_start, run_len = lane, k, 1
        if lane is None or lane == confirmed or run_len < HOLD:
            continue
        if confirmed is not None and side(confirmed, lane):
            out.append((confirmed, lane, side(confirmed, lane), run_start, k))
        confirmed = lane
    return out


for o in sc.obstacles.values():
    for c in changes(o):
        print(f"vehicle {o.id}: {c[0]} -> {c[1]} ({c[2]}), entry frame {c[3]} (t = {c[3] * sc.dt:.1f} s), "
              f"event [{c[3] * sc.dt:.1f}, {(c[4] + 1) * sc.dt:.1f}) s")

if len(sys.argv) > 2:
    ego = sc.obstacles[int(sys.argv[2])]
    for o in sc.obstacles.values():
        if o is ego:
            continue
        for (_, to, _, entry, _) in changes(o):
            if entry not in ego.states:
                continue
            ex, ey, eh, _ = ego.states[entry]
            el = sc.lane_of(ex, ey, eh)
            if el is None:
                continue
            offset = 0.0 if el == to else (sc.lanelets[el].length if to in sc.lanelets[el].successors else None)
            if offset is None:
                continue
            s_ego = sc.lanelets[el].project(ex, ey)[0]
            s_o = sc.lanelets[to].project(*o.states[entry][:2])[0] + offset
            gap = s_o - s_ego - (ego.length + o.length) / 2
            if s_o > s_ego and gap <= 30:
                print(f"cut-in ahead of {ego.id} by {o.id} at frame {entry} (t = {entry * sc.dt:.1f} s): gap {gap:.6f} m")
