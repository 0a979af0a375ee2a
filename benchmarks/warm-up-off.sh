#!/usr/bin/env bash
# What EngineBuilder.backgroundWarmUp(false) saves a node (issue 15, session 11; docs/deployment.md "The background
# warm-up", docs/performance.md "Session 11 — background warm-up").
#
# Each run is a fresh JVM (StartProbe run … idle): load the 2,000-procedure catalogue's prebuilt pack, decide one
# dossier, then wait until the process is idle (its CPU grew by less than 50 ms over 1 s) and print the process CPU
# then (JVM start-up included). The warm-up on (the default) and off alternate run by run, ROUNDS rounds, with the
# JVM flags FLAGS (default none; e.g. "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" for the desk recipe).
# Prints the median per setting; every run, with its UTC time and the load average before it, goes to DIR/warm-up-runs.txt.
#
# Usage, from the repository root, after `mvn -B -q -pl benchmarks -am package -DskipTests` and a prepared DIR
# (benchmarks/start-settings.sh DIR prepares it, or `java -Xmx3g -cp benchmarks/target/benchmarks.jar
# io.github.motcua.benchmarks.StartProbe prepare DIR`):
#   benchmarks/warm-up-off.sh [DIR=/tmp/motcua-start] [ROUNDS=4] [FLAGS=]
set -euo pipefail

JAR=${JAR:-benchmarks/target/benchmarks.jar}
DIR=${1:-/tmp/motcua-start}
ROUNDS=${2:-4}
FLAGS=${3:-}
PROBE=io.github.motcua.benchmarks.StartProbe
[ -f "$DIR/catalogue.motcua" ] || { echo "no $DIR/catalogue.motcua: prepare DIR first (see the header)" >&2; exit 2; }

RUNS="$DIR/warm-up-runs.txt"
TMP="$DIR/warm-up-this-run.tmp"
rm -f "$TMP"
echo "# $(date -u +%FT%TZ) $(uptime) flags=[$FLAGS]" >> "$RUNS"
for ((r = 1; r <= ROUNDS; r++)); do
  for s in "on|" "off|nowarm"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    # shellcheck disable=SC2086 # the flags are words
    out=$(java $FLAGS -Dprobe.launch="$(date +%s%N)" -cp "$JAR" "$PROBE" run "$DIR/catalogue.motcua" "$DIR/dossier.json" idle ${s#*|} | tail -1)
    echo "$(date -u +%T) load=$load warm-up=${s%%|*} flags=[$FLAGS]| $out" | tee -a "$RUNS" >&2
    echo "${s%%|*}|$out" >> "$TMP"
  done
done
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
echo "medians of $ROUNDS fresh JVMs each ($(date -u +%H:%M) UTC, load average now $(cut -d' ' -f1-3 /proc/loadavg), flags [$FLAGS]):"
for s in on off; do
  lines=$(grep "^$s|" "$TMP" | cut -d'|' -f2 | sed 's/^/ /')
  printf 'warm-up %s: ready %.2f s wall, %.2f s CPU; first decision %.2f s, %.2f s CPU; idle %.2f s wall, %.2f s CPU\n' "$s" \
      "$(field ready <<< "$lines" | median)" "$(field cpu_ready <<< "$lines" | median)" \
      "$(field first <<< "$lines" | median)" "$(field cpu_first <<< "$lines" | median)" \
      "$(field idle <<< "$lines" | median)" "$(field cpu_idle <<< "$lines" | median)"
done
rm -f "$TMP"
