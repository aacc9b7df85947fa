"""Minimal CommonRoad 2018b/2020a reader and lane geometry, written from the format's documentation only
(xml.etree, no AvEval code): lanelets (bounds, successors, same-direction neighbours) and dynamic obstacles
(box size; per time step: centre x, y, orientation, scalar velocity along the orientation)."""
import math
import xml.etree.ElementTree as ET


def _points(bound):
    return [(float(p.find('x').text), float(p.find('y').text)) for p in bound.findall('point')]


def _exact(state, name):
    e = state.find(name)
    if e is None:
        return None
    x = e.find('exact')
    return float(x.text) if x is not None else float(e.text)


class Lanelet:
    def __init__(self, el):
        self.id = int(el.get('id'))
        self.left = _points(el.find('leftBound'))
        self.right = _points(el.find('rightBound'))
        self.successors = [int(s.get('ref')) for s in el.findall('successor')]
        self.predecessors = [int(s.get('ref')) for s in el.findall('predecessor')]
        l, r = el.find('adjacentLeft'), el.find('adjacentRight')
        self.adj_left = int(l.get('ref')) if l is not None and l.get('drivingDir') == 'same' else None
        self.adj_right = int(r.get('ref')) if r is not None and r.get('drivingDir') == 'same' else None
        # Polygon: left bound forward, right bound backward. Centreline: pointwise mean of the bounds
        # (both bounds have the same number of points in the NGSIM files; asserted).
        self.polygon = self.left + self.right[::-1]
        assert len(self.left) == len(self.right), self.id
        self.centre = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(self.left, self.right)]
        self.cum = [0.0]
        for i in range(1, len(self.centre)):
            self.cum.append(self.cum[-1] + math.dist(self.centre[i - 1], self.centre[i]))
        self.length = self.cum[-1]

    def contains(self, x, y):
        """Even-odd ray casting."""
        inside = False
        poly = self.polygon
        j = len(poly) - 1
        for i in range(len(poly)):
            xi, yi = poly[i]
            xj, yj = poly[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside

    def project(self, x, y):
        """Arc length of the nearest point of the centreline (extended linearly past both ends) and the
        heading of the segment it lies on."""
        best = None
        n = len(self.centre)
        for i in range(n - 1):
            (ax, ay), (bx, by) = self.centre[i], self.centre[i + 1]
            ux, uy = bx - ax, by - ay
            L2 = ux * ux + uy * uy
            if L2 == 0:
                continue
            t = ((x - ax) * ux + (y - ay) * uy) / L2
            tc = min(1.0, max(0.0, t))
            d2 = (x - ax - tc * ux) ** 2 + (y - ay - tc * uy) ** 2
            if best is None or d2 < best[0]:
                best = (d2, i, t)
        _, i, t = best
        if not ((i == 0 and t < 0) or (i == n - 2 and t > 1)):
            t = min(1.0, max(0.0, t))
        (ax, ay), (bx, by) = self.centre[i], self.centre[i + 1]
        return self.cum[i] + t * math.dist((ax, ay), (bx, by)), math.atan2(by - ay, bx - ax), i


class Obstacle:
    def __init__(self, el):
        self.id = int(el.get('id'))
        self.type = el.find('type').text
        rect = el.find('shape').find('rectangle')
        self.length = float(rect.find('length').text)
        self.width = float(rect.find('width').text)
        self.states = {}
        states = [el.find('initialState')] + list(el.find('trajectory') or [])
        for s in states:
            p = s.find('position').find('point')
            step = int(round(_exact(s, 'time')))
            self.states[step] = (float(p.find('x').text), float(p.find('y').text),
                                 _exact(s, 'orientation'), _exact(s, 'velocity') or 0.0)


class Scenario:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.dt = float(root.get('timeStepSize'))
        self.lanelets = {l.id: l for l in (Lanelet(e) for e in root.findall('lanelet'))}
        self.obstacles = {o.id: o for o in (Obstacle(e) for e in root.findall('obstacle') + root.findall('dynamicObstacle'))}

    def lane_of(self, x, y, heading):
        """Lanelet whose polygon contains the point; among several, the one whose centreline direction at the
        projection is closest to the heading."""
        best = None
        for lane in self.lanelets.values():
            if lane.contains(x, y):
                _, h, _ = lane.project(x, y)
                mismatch = abs(math.remainder(heading - h, 2 * math.pi))
                if best is None or mismatch < best[0]:
                    best = (mismatch, lane.id)
        return None if best is None else best[1]
