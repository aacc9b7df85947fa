#!/usr/bin/env python3
"""Independent reference values for the AvEval statistics tests.

Plain Python 3 (no numpy/scipy/sklearn), written separately from the C# code and using different formulations where
one exists: Krippendorff's alpha from its pairwise definition (D_o and D_e as sums over value pairs, not the
coincidence matrix), weighted kappa from the agreement-weight form, temperature scaling by golden-section search on T,
Platt scaling by plain gradient descent, the bootstrap replicates by re-deriving the documented generator.
Run: python3 reference_values.py
"""
import math

# --- Krippendorff (2011) reliability data: 4 observers x 12 units, None = missing (also irr::kripp.alpha's example) ---
A = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
C = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]


def kripp_alpha(coders, level):
    units = [[c[u] for c in coders if c[u] is not None] for u in range(len(coders[0]))]
    units = [u for u in units if len(u) >= 2]
    pooled = [v for u in units for v in u]
    n = len(pooled)
    freq = {}
    for v in pooled:
        freq[v] = freq.get(v, 0) + 1
    values = sorted(freq)

    def delta(c, k):
        if level == "nominal":
            return 0.0 if c == k else 1.0
        if level == "interval":
            return (c - k) ** 2
        if level == "ratio":
            return 0.0 if c + k == 0 else ((c - k) / (c + k)) ** 2
        if level == "ordinal":
            lo, hi = min(c, k), max(c, k)
            s = sum(freq[g] for g in values if lo <= g <= hi)
            return (s - (freq[c] + freq[k]) / 2) ** 2
        raise ValueError(level)

    d_o = 0.0
    for u in units:
        m = len(u)
        d_o += sum(delta(u[i], u[j]) for i in range(m) for j in range(m) if i != j) / (m - 1)
    d_o /= n
    d_e = sum(delta(pooled[i], pooled[j]) for i in range(n) for j in range(n) if i != j) / (n * (n - 1))
    return 1 - d_o / d_e


for level in ["nominal", "ordinal", "interval", "ratio"]:
    print(f"krippendorff {level}: {kripp_alpha([A, B, C, D], level):.15f}")

# --- Weighted kappa, agreement-weight form: kappa_w = (p_o(w) - p_e(w)) / (1 - p_e(w)), w_ij = 1 - v_ij / v_max ---
TABLE = [[11, 3, 1], [2, 9, 4], [0, 3, 7]]  # 40 items, 3 ordered categories


def weighted_kappa(table, kind):
    k = len(table)
    total = sum(map(sum, table))
    rows = [sum(r) / total for r in table]
    cols = [sum(table[i][j] for i in range(k)) / total for j in range(k)]
    vmax = (k - 1) if kind == "linear" else (k - 1) ** 2
    w = [[1 - ((abs(i - j) if kind == "linear" else (i - j) ** 2) / vmax) for j in range(k)] for i in range(k)]
    po = sum(w[i][j] * table[i][j] / total for i in range(k) for j in range(k))
    pe = sum(w[i][j] * rows[i] * cols[j] for i in range(k) for j in range(k))
    return (po - pe) / (1 - pe)


print(f"weighted kappa linear: {weighted_kappa(TABLE, 'linear'):.15f}")
print(f"weighted kappa quadratic: {weighted_kappa(TABLE, 'quadratic'):.15f}")

# --- Wilson intervals (Newcombe 1998 Table I examples), z from bisection on the erf-based CDF ---
def phi(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


lo, hi = 0.0, 5.0
for _ in range(200):
    mid = (lo + hi) / 2
    lo, hi = (mid, hi) if phi(mid) < 0.975 else (lo, mid)
z = (lo + hi) / 2
print(f"z 0.975: {z:.15f}")
for r, n in [(81, 263), (15, 148), (0, 20), (1, 29)]:
    p = r / n
    a = 2 * n * p + z * z
    b = z * math.sqrt(z * z + 4 * n * p * (1 - p))
    print(f"wilson {r}/{n}: {(a - b) / (2 * (n + z * z)):.15f} {(a + b) / (2 * (n + z * z)):.15f}")

# --- Temperature scaling: golden-section search of the NLL over T in [0.05, 20] ---
LOGITS = [[2.0, 0.5, -1.0], [0.3, 1.8, 0.1], [1.5, 1.4, -0.5], [-0.2, 0.1, 2.2], [3.0, -1.0, 0.0], [0.0, 2.5, 1.0],
          [1.0, 0.9, 0.8], [2.2, 0.0, 1.9]]
LABELS = [0, 1, 1, 2, 0, 2, 2, 0]


def nll(t):
    s = 0.0
    for row, y in zip(LOGITS, LABELS):
        zs = [v / t for v in row]
        m = max(zs)
        s += m + math.log(sum(math.exp(v - m) for v in zs)) - zs[y]
    return s / len(LABELS)


a, b = 0.05, 20.0
g = (math.sqrt(5) - 1) / 2
for _ in range(300):
    c, d = b - g * (b - a), a + g * (b - a)
    if nll(c) < nll(d):
        b = d
    else:
        a = c
print(f"temperature: {(a + b) / 2:.12f} nll {nll((a + b) / 2):.12f}")

# --- Platt scaling with Platt's targets: gradient descent on the cross-entropy, many small steps ---
SCORES = [-2.1, -1.3, -0.8, -0.2, 0.1, 0.4, 0.9, 1.5, 2.2, -0.5, 0.7, 1.1]
POS = [False, False, False, True, False, True, True, True, True, False, False, True]
np_ = sum(POS)
nn_ = len(POS) - np_
targets = [(np_ + 1) / (np_ + 2) if y else 1 / (nn_ + 2) for y in POS]
A_, B_ = 0.0, 0.0
for _ in range(200000):
    gA = gB = 0.0
    for f, t in zip(SCORES, targets):
        p = 1 / (1 + math.exp(A_ * f + B_))
        # d/dA of -[t log p + (1-t) log(1-p)] with p = 1/(1+exp(Af+B)) is (t - p) f
        gA += (t - p) * f
        gB += (t - p)
    A_ -= 0.05 * gA
    B_ -= 0.05 * gB
print(f"platt A B: {A_:.12f} {B_:.12f}")

# --- Bootstrap: re-derive the documented generator (SplitMix64 stream per resample, Lemire bounded draws) ---
MASK = (1 << 64) - 1


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def resample(n, seed, b):
    state = mix(mix(((seed & 0xFFFFFFFF) << 32) | b) ^ 0x6A09E667F3BCC909)
    threshold = ((1 << 64) - n) % n
    out = []
    for _ in range(n):
        while True:
            state = (state + 0x9E3779B97F4A7C15) & MASK
            prod = mix(state) * n
            high, low = prod >> 64, prod & MASK
            if low >= threshold:
                break
        out.append(high)
    return out


def quantile7(sorted_values, p):
    h = (len(sorted_values) - 1) * p
    lo = math.floor(h)
    if lo >= len(sorted_values) - 1:
        return sorted_values[-1]
    return sorted_values[lo] + (h - lo) * (sorted_values[lo + 1] - sorted_values[lo])


DATA = [2.0, 3.5, 1.0, 7.0, 4.5, 3.0, 9.0, 2.5, 5.0, 6.0]
mean = lambda idx: sum(DATA[i] for i in idx) / len(idx)
reps = sorted(mean(resample(len(DATA), 42, b)) for b in range(1000))
print(f"bootstrap first resample (seed 42): {resample(len(DATA), 42, 0)}")
print(f"bootstrap percentile 95: {quantile7(reps, 0.025):.15f} {quantile7(reps, 0.975):.15f}")
est = sum(DATA) / len(DATA)
below = sum(1.0 if r < est else 0.5 if r == est else 0.0 for r in reps) / len(reps)
lo_, hi_ = 0.0, 1.0


def inv_phi(p):
    lo, hi = -10.0, 10.0
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if phi(mid) < p else (lo, mid)
    return (lo + hi) / 2


z0 = inv_phi(below)
jack = [sum(DATA[j] for j in range(len(DATA)) if j != i) / (len(DATA) - 1) for i in range(len(DATA))]
jm = sum(jack) / len(jack)
acc = sum((jm - t) ** 3 for t in jack) / (6 * sum((jm - t) ** 2 for t in jack) ** 1.5)
za = inv_phi(0.025)
a1 = phi(z0 + (z0 + za) / (1 - acc * (z0 + za)))
a2 = phi(z0 + (z0 - za) / (1 - acc * (z0 - za)))
print(f"bootstrap bca 95: {quantile7(reps, a1):.15f} {quantile7(reps, a2):.15f} (z0 {z0:.6f}, a {acc:.6f})")
