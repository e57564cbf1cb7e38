#!/usr/bin/env bash
# Benchmarks manifest building and chunk seeking on a generated plain text file of at least
# 500 MB, next to `wc -l` on the same file. Results go to stdout; docs/benchmarks.md records them.
#
# Usage: scripts/bench-dataset.sh [DIR] [DatasetBench flags...]
#   DIR                 where the file and the manifest cache go (default bench-data, git-ignored)
#   BENCH_SIZE_MB=512   minimum file size in MiB
#   BENCH_ONLINE=1      let Maven download what is missing (default: offline)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dir="${1:-bench-data}"
if [ $# -gt 0 ]; then shift; fi
size_mb="${BENCH_SIZE_MB:-512}"
offline=(-o)
if [ "${BENCH_ONLINE:-0}" = 1 ]; then offline=(); fi

# Build the bench module and its dependencies without compiling tests, and list its classpath.
mvn -B -q "${offline[@]}" -pl core,tracker,trainer-gpu,bench package -Dmaven.test.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"

echo "== machine"
echo "cores: $(nproc)"
echo "load: $(cut -d" " -f1-3 /proc/loadavg) (1, 5, 15 min averages; other work skews the numbers)"
free -h | head -2
java -version 2>&1 | head -1

echo "== DatasetBench"
java -Xmx1g -Dslf4j.internal.verbosity=WARN -cp "$classpath" io.hrmtrainer.bench.DatasetBench \
  --dir "$dir" --size-mb "$size_mb" "$@"

file="$dir/bench-text-${size_mb}mb.txt"
bytes="$(stat -c %s "$file")"
echo
echo "== wc -l on the same file, 3 runs (page cache warm)"
for run in 1 2 3; do
  start="$(date +%s%N)"
  lines="$(wc -l < "$file")"
  end="$(date +%s%N)"
  awk -v ns="$((end - start))" -v bytes="$bytes" -v lines="$lines" -v run="$run" 'BEGIN {
    s = ns / 1e9
    printf "wc -l run %d: %d lines in %.3f s: %.0f MB/s, %.2f M lines/s\n", run, lines, s, bytes / 1e6 / s, lines / 1e6 / s
  }'
done
