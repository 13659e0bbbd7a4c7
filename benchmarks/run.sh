#!/usr/bin/env bash
# Runs tc0's JMH benchmarks and writes the report (README.md, charts, results.json).
#
#   benchmarks/run.sh [--quick] [--forks N] [--out DIR] [--no-build] [REGEX ...] [-- JMH ARGS ...]
#
# --quick     one short warm-up and measurement iteration per benchmark: a smoke run that proves the
#             pipeline; the report is marked as such. Without it the classes' own settings apply
#             (3 warm-up iterations, 5 measured, SampleTime, medians reported).
# --forks N   JMH forks per benchmark (default 1).
# --out DIR   where results.json and the report go (default src/docs/results/quick or .../full).
# --no-build  use the existing benchmarks/target/benchmarks.jar.
# REGEX       benchmarks to run (JMH regular expressions); default: all seven suites. The real-circuit
#             suites are left out, with a message, when the circuits directory is missing, and ABC
#             when berkeley-abc is not installed.
# JMH ARGS    passed through, e.g. -- -p words=64. Do not pass -jvmArgsAppend without
#             --add-modules=jdk.incubator.vector: it replaces the classes' flags.
#
# JMH holds a lock file in the temporary directory: one run per machine at a time.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64   # the default java is 17; the build needs 25
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
JAR="$ROOT/benchmarks/target/benchmarks.jar"

command_line="benchmarks/run.sh $*"
quick=0 forks=1 out="" build=1
regexes=() jmh_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --forks) forks=$2; shift ;;
    --out) out=$2; shift ;;
    --no-build) build=0 ;;
    --) shift; jmh_args=("$@"); break ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) regexes+=("$1") ;;
  esac
  shift
done
[ -n "$out" ] || out="$ROOT/src/docs/results/$([ $quick = 1 ] && echo quick || echo full)"
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ $build = 1 ]; then
  (cd "$ROOT" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests)
fi

if [ ${#regexes[@]} -eq 0 ]; then
  regexes=('\.KernelBenchmark\.' '\.KernelBaselineBenchmark\.' '\.DepthBenchmark\.' '\.LengthBenchmark\.'
           '\.TransformerBenchmark\.')
  if why=$(cd "$ROOT" && "$JAVA" -cp "$JAR" dev.tc0.bench.CircuitFiles); then
    regexes+=('\.RealCircuitBenchmark\.')
    if command -v "${TC0_ABC:-berkeley-abc}" >/dev/null; then
      regexes+=('\.AbcBenchmark\.')
    else
      echo "run.sh: skipping AbcBenchmark: ${TC0_ABC:-berkeley-abc} is not installed" >&2
    fi
  else
    echo "run.sh: skipping real circuits and ABC: $why" >&2
  fi
fi

settings=(-f "$forks")
if [ $quick = 1 ]; then
  settings+=(-wi 1 -w 300ms -i 1 -r 700ms)
fi

json="$out/results.json"
echo "run.sh: ${regexes[*]} -> $json" >&2
(cd "$ROOT" && "$JAVA" -jar "$JAR" "${regexes[@]}" "${settings[@]}" -rf json -rff "$json" "${jmh_args[@]}")

report_args=(--json "$json" --out "$out" --command "$command_line (JMH: ${regexes[*]} ${settings[*]} ${jmh_args[*]})")
[ $quick = 1 ] && report_args+=(--smoke)
(cd "$ROOT" && "$JAVA" -cp "$JAR" dev.tc0.bench.report.Report "${report_args[@]}")
