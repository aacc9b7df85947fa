"""nuPlan time_to_collision at each frame of an ego, from nuPlan's published procedure (compute_time_to_collision):
ego and agents move at constant speed |v| along their headings; TTC = first t in numpy.arange(0.1, 3.0, 0.1) (0.1 ...
2.9 s) at which the ego box meets an agent box (separating-axis test on the two rectangles, touching counts), else inf;
no TTC while |v_ego| <= 5e-3. Agents considered: those whose centre is within 30 deg of the ego heading seen from the
ego's rear axle (centre - L * 1.461/5.176 along the heading, the Pacifica's proportions); nuPlan widens this to
150 deg when the ego is across lanes or in an intersection, so both variants are printed: where they agree, the map
state cannot change the value. Frames where the ego box already overlaps an agent are flagged (nuPlan then
reports 0 or drops the agent).
Usage: python3 nuplan_ttc.py FILE.xml EGO_ID"""
import math
import sys
from commonroad import Scenario

sc = Scenario(sys.argv[1])
ego = sc.obstacles[int(sys.argv[2])]
REAR = 1.461 / 5.176  # (4.049 + 1.127) / 2 - 1.127 over 4.049 + 1.127


def corners(x, y, h, L, W):
    c, s = math.cos(h), math.sin(h)
    return [(x + c * a * L / 2 - s * b * W / 2, y + s * a * L / 2 + c * b * W / 2) for a, b in ((1, 1), (-1, 1), (-1, -1), (1, -1))]


def overlap(p, q):
    for poly in (p, q):
        for i in range(4):
            ax, ay = poly[i]
            bx, by = poly[(i + 1) % 4]
            nx, ny = ay - by, bx - ax
            pa = [nx * x + ny * y for x, y in p]
            qa = [nx * x + ny * y for x, y in q]
            if max(pa) < min(qa) or max(qa) < min(pa):
                return False
    return True


def ttc(k, max_deg):
    ex, ey, eh, ev = ego.states[k]
    if abs(ev) <= 5e-3:
        return math.inf, None
    rx, ry = ex - REAR * ego.length * math.cos(eh), ey - REAR * ego.length * math.sin(eh)
    agents = []
    for o in sc.obstacles.values():
        if o is ego or k not in o.states:
            continue
        x, y, h, v = o.states[k]
        dx, dy = x - rx, y - ry
        angle = math.acos((math.cos(eh) * dx + math.sin(eh) * dy) / math.hypot(dx, dy))
        if angle < math.radians(max_deg) or (max_deg == 150 and angle <= math.radians(150)):
            agents.append((o, x, y, h, abs(v)))
    for n in range(1, 30):
        t = 0.1 + (n - 1) * 0.1
        E = corners(ex + n * 0.1 * abs(ev) * math.cos(eh), ey + n * 0.1 * abs(ev) * math.sin(eh), eh, ego.length, ego.width)
        for o, x, y, h, v in agents:
            if overlap(E, corners(x + n * 0.1 * v * math.cos(h), y + n * 0.1 * v * math.sin(h), h, o.length, o.width)):
                return t, o.id
    return math.inf, None


for k in sorted(ego.states):
    ex, ey, eh, _ = ego.states[k]
    E = corners(ex, ey, eh, ego.length, ego.width)
    hit = [o.id for o in sc.obstacles.values() if o is not ego and k in o.states and overlap(E, corners(*o.states[k][:3], o.length, o.width))]
    a, b = ttc(k, 30), ttc(k, 150)
    if a[0] < math.inf or b[0] < math.inf or hit:
        print(f"frame {k}: ttc(30 deg) {a[0]:.1f} s with {a[1]}, ttc(150 deg) {b[0]:.1f} s with {b[1]}" + (f", OVERLAP {hit}" if hit else ""))
