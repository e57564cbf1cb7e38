#!/usr/bin/env bash
# Start-up time of `hrm-hf train` with a cached manifest. It measures the time from the start of
# the command to the first chunk claimed and to the end of the first optimizer step, from the
# timestamps in metrics.jsonl. Chunks hold one batch, so the first chunk_trained event follows
# the first step. Results go to stdout; docs/benchmarks.md records them.
#
# Usage: scripts/bench-startup.sh [DATASET]   (default samples/tinyshakespeare.txt)
#   BENCH_RUNS=7        measured runs, after one that builds the manifest cache
#
# The command is the one ./hrm-hf executes (java -Dai.djl.offline=true -cp ... HrmHf train ...),
# on a copy of the jars. The launcher's own check whether the build is fresh (a find over the
# repository) is timed separately.
set -euo pipefail

source "$(dirname "$0")/bench-lib.sh"
cd "$bench_root"
dataset="${1:-samples/tinyshakespeare.txt}"
runs="${BENCH_RUNS:-7}"
work="$bench_root/bench-data/startup"

bench_build
echo "== machine"
bench_machine
rm -rf "$work" && mkdir -p "$work"

ms_of() { date -d "$1" +%s%3N; }

# Prints "claimed_ms first_step_ms exit_ms" of one run, measured from its start.
run_once() {
  local save="$1" start end claimed trained
  rm -rf "$save"
  start="$(date +%s%3N)"
  TORCH_CPP_LOG_LEVEL=ERROR java -Dai.djl.offline=true "-Dhrm.cache.dir=$work/manifest-cache" \
    -cp "$APP_CP" io.hrmtrainer.cli.HrmHf train --dataset-file "$dataset" --save-dir "$save" \
    --samples-per-block 10000 --dataset-chunk-size 16 --batch-size 16 --max-chunks 1 \
    > "$save.out" 2>&1 || { echo "training failed:" >&2; cat "$save.out" >&2; exit 1; }
  end="$(date +%s%3N)"
  local metrics
  metrics="$(find "$save" -name metrics.jsonl | head -1)"
  claimed="$(grep -m1 '"event":"chunk_claimed"' "$metrics" | sed 's/.*"ts":"\([^"]*\)".*/\1/')"
  trained="$(grep -m1 '"event":"chunk_trained"' "$metrics" | sed 's/.*"ts":"\([^"]*\)".*/\1/')"
  echo "$(( $(ms_of "$claimed") - start )) $(( $(ms_of "$trained") - start )) $(( end - start ))"
}

summary() {  # median, min and max of the numbers on stdin
  sort -n | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %s ms, min %s ms, max %s ms", m, v[1], v[NR] }'
}

read -r cold_claim cold_step cold_exit < <(run_once "$work/save-cold")
: > "$work/results.txt"
for run in $(seq "$runs"); do
  run_once "$work/save-$run" >> "$work/results.txt"
done
: > "$work/find.txt"
touch "$work/stamp"
for run in $(seq "$runs"); do
  start="$(date +%s%N)"
  find "$bench_root" -path "$bench_root/.git" -prune -o \( -name '*.java' -o -name 'pom.xml' \
    -o -name '*.xml' -path '*/resources/*' \) -newer "$work/stamp" -print -quit > /dev/null
  echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$work/find.txt"
done

echo
echo "| measurement ($(basename "$dataset"), cached manifest, $runs runs) | time from the command |"
echo "|---|---|"
echo "| first chunk claimed (chunk_claimed) | $(awk '{print $1}' "$work/results.txt" | summary) |"
echo "| first optimizer step done (chunk_trained of a one-step chunk) | $(awk '{print $2}' "$work/results.txt" | summary) |"
echo "| process exit (1 chunk, checkpoint committed) | $(awk '{print $3}' "$work/results.txt" | summary) |"
echo "| the launcher's freshness check (find over the repository) | $(summary < "$work/find.txt") |"
echo
echo "first run (builds the manifest): claimed at $cold_claim ms, first step at $cold_step ms, exit at $cold_exit ms"
