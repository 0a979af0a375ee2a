#!/usr/bin/env bash
# What an embedder's JVM settings do to a cold start with 2,000 procedures (issue 15, session 10;
# docs/deployment.md, docs/performance.md "Session 10 — JVM settings for start-up").
#
# Each run is a fresh JVM (StartProbe run): load the pack, decide one dossier, exit. Two packs: the
# synthetic 2,000-procedure catalogue as a prebuilt pack and as a folder. Settings, alternated run by run:
#   default            no flag
#   C1                 -XX:TieredStopAtLevel=1
#   CDS                -Xshare:on -XX:SharedArchiveFile=lib.jsa (an archive of the library's classes, trained
#                      on the small reference pack: it does not depend on the pack that is served)
#   CDS + C1           both
#   CDS + C1 + Serial  both and -XX:+UseSerialGC
# Prints one line per pack and setting with the median of the rounds (wall from the launch of `java` to
# `load` returned / to the first decision returned, and the process CPU to each, JVM start-up included);
# every run is kept in DIR/runs.txt with its UTC time and the load average before it.
#
# Usage, from the repository root, after `mvn -B -q -pl benchmarks -am package -DskipTests`:
#   benchmarks/start-settings.sh [DIR=/tmp/motcua-start] [ROUNDS=3]
# The first run writes the catalogue, builds its prebuilt pack (≈ 1 min idle) and the archive; delete DIR
# after rebuilding the library (the archive is tied to the jar: -Xshare:on refuses a stale one).
set -euo pipefail

JAR=benchmarks/target/benchmarks.jar
DIR=${1:-/tmp/motcua-start}
ROUNDS=${2:-3}
PROBE=io.github.motcua.benchmarks.StartProbe
EXAMPLE=examples/dossiers/khai-sinh-sau-15-gio.json

[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -q -pl benchmarks -am package -DskipTests" >&2; exit 2; }
java -version 2>&1 | head -1 | grep -q '"17\.' || echo "warning: not Java 17: $(java -version 2>&1 | head -1)" >&2

if [ ! -d "$DIR/catalogue" ]; then
  java -Xmx3g -cp "$JAR" "$PROBE" prepare "$DIR"
fi
if [ ! -f "$DIR/lib.jsa" ] || [ "$JAR" -nt "$DIR/lib.jsa" ]; then
  rm -f "$DIR/lib.jsa"
  # the training run: the reference pack from its folder (the compile path) and prebuilt (the verifier's path)
  java -XX:ArchiveClassesAtExit="$DIR/lib.jsa" -cp "$JAR" "$PROBE" train \
      examples/packs/gia-lai "$EXAMPLE" "$DIR/reference.motcua" "$EXAMPLE" > "$DIR/train.log" 2>&1
  echo "class-data-sharing archive $DIR/lib.jsa: $(du -m "$DIR/lib.jsa" | cut -f1) MB on disk ($(grep -c 'warning' "$DIR/train.log" || true) classes or lines the JVM would not archive, in $DIR/train.log)"
fi
CDS="-Xshare:on -XX:SharedArchiveFile=$DIR/lib.jsa"
SETTINGS=(
  "default|"
  "C1|-XX:TieredStopAtLevel=1"
  "CDS|$CDS"
  "CDS + C1|$CDS -XX:TieredStopAtLevel=1"
  "CDS + C1 + SerialGC|$CDS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
)
PACKS=("prebuilt|$DIR/catalogue.motcua" "folder|$DIR/catalogue")

RUNS="$DIR/runs.txt"
rm -f "$DIR/this-run.tmp"
echo "# $(date -u +%FT%TZ) $(uptime)" >> "$RUNS"
for ((r = 1; r <= ROUNDS; r++)); do
  for s in "${SETTINGS[@]}"; do
    for p in "${PACKS[@]}"; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      # shellcheck disable=SC2086 # the flags are words
      out=$(java ${s#*|} -Dprobe.launch="$(date +%s%N)" -cp "$JAR" "$PROBE" run "${p#*|}" "$DIR/dossier.json" | tail -1)
      echo "$(date -u +%T) load=$load pack=${p%%|*} setting=${s%%|*}| $out" | tee -a "$RUNS" >&2
      echo "${p%%|*}|${s%%|*}|$out" >> "$DIR/this-run.tmp"
    done
  done
done

# one line per pack and setting: the median of the rounds
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
echo "medians of $ROUNDS fresh JVMs each ($(date -u +%H:%M) UTC, load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
for p in "${PACKS[@]}"; do
  for s in "${SETTINGS[@]}"; do
    lines=$(grep -F "${p%%|*}|${s%%|*}|" "$DIR/this-run.tmp" | cut -d'|' -f3 | sed 's/^/ /')
    ready=$(field ready <<< "$lines" | median); cpu_ready=$(field cpu_ready <<< "$lines" | median)
    first=$(field first <<< "$lines" | median); cpu_first=$(field cpu_first <<< "$lines" | median)
    printf '%s %s, %s: %.2f s wall, %.2f s CPU; first decision %.2f s wall, %.2f s CPU\n' "${p%%|*}" \
        "$( [ "${p%%|*}" = prebuilt ] && echo ready || echo loaded)" "${s%%|*}" "$ready" "$cpu_ready" "$first" "$cpu_first"
  done
done
rm -f "$DIR/this-run.tmp"
