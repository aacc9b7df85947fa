"""nuPlan ego_mean_speed of one vehicle: mean over its states of |velocity| (CommonRoad gives the scalar
velocity along the orientation, so |velocity| = |v|).
Usage: python3 mean_speed.py FILE.xml OBSTACLE_ID"""
import sys
from commonroad import Scenario

sc = Scenario(sys.argv[1])
o = sc.obstacles[int(sys.argv[2])]
speeds = [abs(s[3]) for s in o.states.values()]
print(f"{sum(speeds) / len(speeds):.6f}")
