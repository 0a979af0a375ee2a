#!/usr/bin/env bash
# The default folder load -> first decision of N synthetic procedures, builds side by side by CPU time (issue 15,
# session 22; docs/performance.md "Session 22 — the distinct-forms folder load").
#
# Usage (from the repository root):
#   benchmarks/load-cpu-pairs.sh OUT ROUNDS LABEL=JAR [LABEL=JAR ...]
# e.g. benchmarks/load-cpu-pairs.sh /tmp/pairs 12 old=/tmp/old.jar new=benchmarks/target/benchmarks.jar
#
# LoadCpuProbe.java (this build's) is compiled against each JAR (so a build older than the probe runs it too), the
# catalogue is written once into OUT/catalogue with the first JAR, then ROUNDS rounds each run every build once in a
# fresh JVM (`java $JAVA_OPTS -cp … LoadCpuProbe run OUT/catalogue N`), the order rotating from round to round so no
# build always runs first. Each line goes to OUT/runs.txt (`LABEL key=value …`); at the end one summary line per
# build and figure: median, min–max and the quartiles. Environment: N (default 2000), JAVA_OPTS (default -Xmx3g; add
# -Dmotcua.catalogue.distinct=true for 2,000 different forms), REFERENCE (default examples/packs/gia-lai).
# OUT/catalogue is deleted at the end (≈ 26 MB); OUT/runs.txt is kept.
set -euo pipefail
if [ $# -lt 3 ]; then
    sed -n '2,16p' "$0" >&2
    exit 2
fi
out=$1
rounds=$2
shift 2
n=${N:-2000}
opts=${JAVA_OPTS:--Xmx3g}
reference=${REFERENCE:-examples/packs/gia-lai}
src=$(cd "$(dirname "$0")" && pwd)/src/main/java/io/github/motcua/benchmarks/LoadCpuProbe.java
mkdir -p "$out"
labels=()
jars=()
for spec in "$@"; do
    label=${spec%%=*}
    jar=${spec#*=}
    labels+=("$label")
    jars+=("$jar")
    mkdir -p "$out/probe-$label"
    javac -nowarn -d "$out/probe-$label" -cp "$jar" "$src"
done
trap 'rm -rf "$out/catalogue"' EXIT
rm -rf "$out/catalogue"
# shellcheck disable=SC2086
java $opts -cp "$out/probe-${labels[0]}:${jars[0]}" io.github.motcua.benchmarks.LoadCpuProbe prepare "$out/catalogue" "$n" "$reference"
k=${#labels[@]}
for ((r = 0; r < rounds; r++)); do
    for ((j = 0; j < k; j++)); do
        i=$(((r + j) % k))
        # shellcheck disable=SC2086
        line=$(java $opts -cp "$out/probe-${labels[$i]}:${jars[$i]}" io.github.motcua.benchmarks.LoadCpuProbe run "$out/catalogue" "$n" "$reference" | tail -1)
        echo "${labels[$i]} $line load=$(cut -d' ' -f1 /proc/loadavg) at=$(date -u +%H:%M:%S)" | tee -a "$out/runs.txt"
    done
done
echo "summary (seconds; median [min–max] q1–q3, over the runs in $out/runs.txt)"
for label in "${labels[@]}"; do
    for key in wall_load wall_first cpu_load lib_load caller_load alloc_load_mb cpu cpu_jit cpu_gc cpu_lib; do
        grep "^$label " "$out/runs.txt" | tr ' ' '\n' | sed -n "s/^$key=//p" | sort -g | awk -v l="$label" -v k="$key" '
            { v[NR] = $1 }
            END {
                if (NR == 0) exit
                m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                printf "%-10s %-10s n=%d median %.3f [%.3f–%.3f] q1–q3 %.3f–%.3f\n", l, k, NR, m, v[1], v[NR], v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)]
            }'
    done
done
