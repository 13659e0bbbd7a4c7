#!/usr/bin/env bash
# Spark's cost on top of tc0's engine, measured in one run: `tc0 eval --threads 2` and the same
# evaluation on Spark local[2] with spark.task.cpus=2 (one task at a time, a two-thread engine in
# it, as tc0 eval --threads 2; override with TC0_SPARK_JAVA_OPTS), same circuit, count and seed. Checks that both print the same counts, then prints each wall-clock time (JVM and
# Spark start included) and the throughput ratio spark / tc0 (the issue's target: >= 0.8).
# Usage: spark/bench.sh CIRCUIT [COUNT [PARTITIONS]]   e.g. spark/bench.sh shared/circuits/epfl/multiplier.aig 2^32
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
circuit="${1:?usage: spark/bench.sh CIRCUIT [COUNT [PARTITIONS]]}"
count="${2:-2^30}"
partitions="${3:-8}"
out="$(mktemp -d)"
export TC0_SPARK_JAVA_OPTS="${TC0_SPARK_JAVA_OPTS:--Dspark.task.cpus=2}"
trap 'rm -rf "$out"' EXIT

# build both first, so neither timing includes a build
"$root/tc0" --version >/dev/null 2>&1 || true
"$here/tc0-spark-local.sh" --help >/dev/null

now() { date +%s.%N; }

t0=$(now)
"$root/tc0" eval "$circuit" --random "$count" --seed 1 --threads 2 --counts >"$out/tc0.counts" 2>"$out/tc0.err"
t1=$(now)
"$here/tc0-spark-local.sh" eval "$circuit" --random "$count" --seed 1 --partitions "$partitions" --counts \
    --master 'local[2]' >"$out/spark.counts" 2>"$out/spark.err"
t2=$(now)

if ! cmp -s "$out/tc0.counts" "$out/spark.counts"; then
    echo "bench: the counts differ between tc0 eval and Spark" >&2
    diff "$out/tc0.counts" "$out/spark.counts" | head >&2
    exit 1
fi
echo "circuit $circuit, $count random patterns, counts identical ($(wc -l <"$out/tc0.counts") outputs)"
grep -h '^time\|^engine' "$out/tc0.err" | sed 's/^/tc0 eval:  /'
grep -h '^time\|^engine' "$out/spark.err" | sed 's/^/spark:     /'
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
    printf "wall clock: tc0 eval --threads 2 %.1f s, spark local[2] %.1f s\n", b - a, c - b
    printf "throughput ratio spark / tc0: %.2f\n", (b - a) / (c - b) }'
