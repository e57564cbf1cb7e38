#!/usr/bin/env bash
# Peak heap and resident memory of `hrm-hf train` on a 10 MB and a 1 GB generated text file with
# a small heap, training a few chunks near the end of the file (the run seeks far). Memory that
# grew with the dataset would show as a higher peak on the large file. Results go to stdout;
# docs/benchmarks.md records them.
#
# Usage: scripts/bench-memory.sh
#   BENCH_XMX=256m      the -Xmx of every run
#   BENCH_RUNS=5        runs per file with the cached manifest, after a first run that builds
#                       the manifest (reported on a row of its own)
#   BENCH_SIZES="10 1024"  file sizes in MiB
#   BENCH_CLEAN=0       1 deletes the generated files afterwards
#
# Peak RSS is /usr/bin/time's "Maximum resident set size". Peak heap is the largest heap
# occupancy before a collection in the GC log (-Xlog:gc), which is as high as the heap got
# between collections. "After GC" is the largest live set left by a collection.
set -euo pipefail

source "$(dirname "$0")/bench-lib.sh"
cd "$bench_root"
xmx="${BENCH_XMX:-256m}"
runs="${BENCH_RUNS:-5}"
sizes=(${BENCH_SIZES:-10 1024})
work="$bench_root/bench-data/memory"

# Only memory is measured here: passive OpenMP waiting keeps the runs short on a busy machine
# and changes no allocation.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
bench_build
echo "== machine"
bench_machine
mkdir -p "$work"

# Prints "rss_kb heap_before_mb heap_after_mb wall_s" of one training run.
train_once() {
  local file="$1" start_block="$2" save="$3" gclog="$4" timelog="$5"
  rm -rf "$save"
  TORCH_CPP_LOG_LEVEL=ERROR /usr/bin/time -v -o "$timelog" \
    java -Dai.djl.offline=true "-Xmx$xmx" "-Xlog:gc:file=$gclog" \
    "-Dhrm.cache.dir=$work/manifest-cache" -cp "$APP_CP" io.hrmtrainer.cli.HrmHf train \
    --dataset-file "$file" --save-dir "$save" --samples-per-block 100000 \
    --dataset-chunk-size 160 --start-block-id "$start_block" --max-chunks 3 \
    --checkpoint-every 1 > "$save.out" 2>&1 || {
      echo "training failed; output:" >&2; cat "$save.out" >&2; exit 1; }
  local rss wall before after
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timelog")"
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$timelog")"
  before="$(grep -o '[0-9]*M->[0-9]*M' "$gclog" | sed 's/M->.*//' | sort -n | tail -1)"
  after="$(grep -o '[0-9]*M->[0-9]*M' "$gclog" | sed 's/.*->//; s/M//' | sort -n | tail -1)"
  echo "$rss ${before:-0} ${after:-0} $wall"
}

summary() {  # median, min and max of the numbers on stdin
  sort -n | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %s, min %s, max %s", m, v[1], v[NR] }'
}

echo
echo "| file | samples | start block | run | peak RSS (MB) | peak heap before GC (MB) | largest heap after GC (MB) | wall time |"
echo "|---|---:|---:|---|---|---|---|---|"
for size in "${sizes[@]}"; do
  read -r file bytes lines samples < <(java -cp "$BENCH_CP" io.hrmtrainer.bench.GenerateText \
    "$bench_root/bench-data" "$size")
  blocks=$(( (samples + 99999) / 100000 ))
  start=$(( blocks > 1 ? blocks - 2 : 0 ))
  rm -rf "$work/manifest-cache"
  read -r rss before after wall < <(train_once "$file" "$start" "$work/save-cold" \
    "$work/gc-cold.log" "$work/time-cold.txt")
  echo "| $(basename "$file") ($((bytes / 1000000)) MB) | $samples | $start | first (builds the manifest) | $((rss / 1024)) | $before | $after | $wall |"
  : > "$work/results.txt"
  for run in $(seq "$runs"); do
    train_once "$file" "$start" "$work/save-$run" "$work/gc-$run.log" "$work/time-$run.txt" \
      >> "$work/results.txt"
  done
  echo "| $(basename "$file") ($((bytes / 1000000)) MB) | $samples | $start | cached manifest, $runs runs |" \
    "$(awk '{print int($1 / 1024)}' "$work/results.txt" | summary) |" \
    "$(awk '{print $2}' "$work/results.txt" | summary) |" \
    "$(awk '{print $3}' "$work/results.txt" | summary) |" \
    "$(awk '{split($4, t, ":"); print t[1] * 60 + t[2]}' "$work/results.txt" | summary) s |"
  if [ "${BENCH_CLEAN:-0}" = 1 ]; then rm -f "$file" "$file.properties"; fi
done
