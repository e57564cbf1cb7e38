#!/usr/bin/env bash
# Parallel-independent training: the distributor alone with 1 to 8 threads (DistributorBench),
# then end-to-end training throughput with 1 and 2 CPU workers (ParallelTrainingBench).
# Results go to stdout; docs/benchmarks.md records them.
#
# Usage: scripts/bench-parallel.sh
#   BENCH_CHUNKS=200000      chunks in the distributor pass
#   BENCH_REPEATS=3          distributor repeats; the median is reported
#   BENCH_TRAIN_CHUNKS=24    chunks trained per worker count
set -euo pipefail

source "$(dirname "$0")/bench-lib.sh"
cd "$bench_root"
bench_build
echo "== machine"
bench_machine

run_java() {
  java -Dai.djl.offline=true -Dslf4j.internal.verbosity=WARN -cp "$BENCH_CP" "$@" 2>&1 \
    | grep -v -e '^SLF4J' -e 'AutoNonVariableTypeMode' -e 'CudaUtils' -e ' INFO '
}

echo
echo "== distributor (load $(cut -d' ' -f1 /proc/loadavg))"
run_java io.hrmtrainer.bench.DistributorBench "${BENCH_CHUNKS:-200000}" "${BENCH_REPEATS:-3}"
echo
echo "== training, tiny preset (load $(cut -d' ' -f1 /proc/loadavg))"
rm -rf bench-data/parallel
run_java io.hrmtrainer.bench.ParallelTrainingBench bench-data/parallel \
  "${BENCH_TRAIN_CHUNKS:-24}" 1 2
echo "== done (load $(cut -d' ' -f1 /proc/loadavg))"
