# Independent reference values for the comparison statistics, Python 3 standard library only (exact fractions for
# McNemar; the Holm and BH step procedures written out from their papers). Run: python3 reference_values.py
# Output committed beside it as reference_values.out; the tests quote these numbers.
from math import comb
def mcnemar(b,c):
    n=b+c
    if n==0: return 1.0
    k=min(b,c)
    from fractions import Fraction
    t=Fraction(sum(comb(n,i) for i in range(k+1)),2**n)
    return float(min(1,2*t))
for b,c in [(8,0),(3,0),(1,0),(10,3),(40,20),(400,350),(5,5),(0,7)]:
    print("mcnemar",b,c,repr(mcnemar(b,c)))
p=[0.0001,0.0004,0.0019,0.0095,0.0201,0.0278,0.0298,0.0344,0.0459,0.3240,0.4262,0.5719,0.6528,0.7590,1.000]
m=len(p)
o=sorted(range(m),key=lambda i:p[i])
holm=[0]*m; run=0
for r,i in enumerate(o):
    run=max(run,min(1,(m-r)*p[i])); holm[i]=run
bh=[0]*m; run=1
for r in range(m-1,-1,-1):
    i=o[r]; run=min(run,min(1,m*p[i]/(r+1))); bh[i]=run
print("holm",[repr(x) for x in holm]); print("bh",[repr(x) for x in bh])
