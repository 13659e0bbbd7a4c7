#!/usr/bin/env python3
"""Give a straight-line C peer's harness the statistics JMH reports.

The peer generator (kept outside this repository) writes a C file whose main() times REPEATS
whole passes over the input planes and prints only the best. JMH reports tc0's mean and median,
so comparing the two compares unlike statistics. This copies the C file with its timing loop
changed to keep every pass's time and print one more line first,

    mean_ms=... median_ms=... best_ms=... reps=...

and leaves the kernel, the input and the output untouched (the output file stays comparable byte
for byte). Build the copy as the peer's build script does:

    python3 benchmarks/peers/timed-peer.py out/multiplier_512.c out/multiplier_512s.c
    gcc -O2 -march=native -fopenmp -o out/multiplier_512s out/multiplier_512s.c
    OMP_NUM_THREADS=1 out/multiplier_512s in24.planes out.planes 40 2>/dev/null
"""
import sys

EDITS = [
    ("double best = 1e30;",
     "double best = 1e30; double *ts = malloc(sizeof(double) * (reps > 0 ? reps : 1));"),
    ("double t = now() - t0; if (t < best) best = t;",
     "double t = now() - t0; ts[r] = t; if (t < best) best = t;"),
    ("  { struct timespec ct;",
     "  { double s = 0; for (int r = 0; r < reps; r++) s += ts[r];\n"
     "    for (int a = 1; a < reps; a++) for (int b = a; b > 0 && ts[b - 1] > ts[b]; b--) {\n"
     "      double x = ts[b]; ts[b] = ts[b - 1]; ts[b - 1] = x; }\n"
     "    printf(\"mean_ms=%.2f median_ms=%.2f best_ms=%.2f reps=%d\\n\",\n"
     "           1e3 * s / reps, 1e3 * ts[reps / 2], 1e3 * ts[0], reps); }\n"
     "  { struct timespec ct;"),
]


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: timed-peer.py PEER.c OUT.c")
    src = open(argv[1]).read()
    for old, new in EDITS:
        if src.count(old) != 1:
            sys.exit(f"{argv[1]}: expected the peer harness's line '{old}' once, found it {src.count(old)} times")
        src = src.replace(old, new)
    with open(argv[2], "w") as f:
        f.write(src)


if __name__ == "__main__":
    main(sys.argv)
