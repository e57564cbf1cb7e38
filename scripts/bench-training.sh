#!/usr/bin/env bash
# Training throughput of hrm-trainer (TrainingBench: HrmModel, AdamW and TrainingStep as a worker
# runs them) against the same model written in PyTorch (bench/pytorch/hrm_reference.py), with the
# same preset, batch, sequence length and intra-op thread count. Results go to stdout;
# docs/benchmarks.md records them.
#
# Usage: scripts/bench-training.sh [PRESET...]      (default: tiny small)
#   BENCH_THREADS=2     intra-op threads on both sides
#   BENCH_REPEATS=7     timed repeats per run; the median, min and max are reported
#   BENCH_PROFILE=0     1 adds the Java per-phase profile and a native operator trace
#   BENCH_REFBLAS=1     0 skips the PyTorch run on Debian's reference BLAS (slow; see below)
#   BENCH_OMP_POLICIES="default PASSIVE"   OpenMP wait policies to run under (OMP_WAIT_POLICY;
#                       "default" leaves it unset). Both sides use GNU OpenMP, whose default
#                       spins at barriers: with 2 threads on 2 busy cores that costs much time.
#   BENCH_TIMEOUT=600   seconds after which one run is abandoned (a loaded machine can make a
#                       spinning run 20 times slower)
#
# Debian's python3-torch links the generic libblas.so.3 (the netlib reference BLAS unless an
# optimised one is selected with update-alternatives). The reference also runs with OpenBLAS
# (package libopenblas0-openmp) through LD_LIBRARY_PATH, when that package is installed.
set -euo pipefail

source "$(dirname "$0")/bench-lib.sh"
cd "$bench_root"
presets=("$@")
if [ ${#presets[@]} -eq 0 ]; then presets=(tiny small); fi
threads="${BENCH_THREADS:-2}"
repeats="${BENCH_REPEATS:-7}"
python=/usr/bin/python3
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp

bench_build
echo "== machine"
bench_machine
echo "python: $($python --version 2>&1), torch $($python -c 'import torch; print(torch.__version__)')"
echo "python BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
export OMP_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
export TORCH_CPP_LOG_LEVEL=ERROR

java_bench() {
  timeout "${BENCH_TIMEOUT:-600}" java -Dai.djl.offline=true -Dslf4j.internal.verbosity=WARN -cp "$BENCH_CP" \
    io.hrmtrainer.bench.TrainingBench --threads "$threads" --repeats "$repeats" "$@" 2>&1 \
    | grep -v -e '^SLF4J' -e 'AutoNonVariableTypeMode'
}

policies=(${BENCH_OMP_POLICIES:-default PASSIVE})
for preset in "${presets[@]}"; do
  echo
  echo "== preset $preset: parameter counts"
  java_count="$(java_bench --preset "$preset" --warmup-steps 0 --steps 1 --repeats 1 \
    | awk '/^parameters:/ {print $2}')"
  python_count="$($python bench/pytorch/hrm_reference.py --preset "$preset" --param-count)"
  echo "hrm-trainer (HrmModel.parameterCount): $java_count, PyTorch reference: $python_count"
  if [ "$java_count" != "$python_count" ]; then
    echo "parameter counts differ: the reference no longer matches HrmModel" >&2
    exit 1
  fi
done

run_python() {
  timeout "${BENCH_TIMEOUT:-600}" $python bench/pytorch/hrm_reference.py "$@" \
    --threads "$threads" --repeats "$repeats" || echo "(the run failed or timed out)"
}

for policy in "${policies[@]}"; do
  if [ "$policy" = default ]; then unset OMP_WAIT_POLICY; else export OMP_WAIT_POLICY="$policy"; fi
  for preset in "${presets[@]}"; do
    case "$preset" in
      tiny) common=(--preset "$preset" --warmup-steps 30 --steps 50) ;;
      *) common=(--preset "$preset" --warmup-steps 5 --steps 10) ;;
    esac
    echo
    echo "== preset $preset, OMP_WAIT_POLICY $policy: hrm-trainer (load $(cut -d' ' -f1 /proc/loadavg))"
    java_bench "${common[@]}" \
      --profile "$([ "${BENCH_PROFILE:-0}" = 1 ] && echo true || echo false)" \
      || echo "(the run failed or timed out)"
    if [ -d "$openblas" ]; then
      echo "== preset $preset, OMP_WAIT_POLICY $policy: PyTorch, OpenBLAS (load $(cut -d' ' -f1 /proc/loadavg))"
      LD_LIBRARY_PATH="$openblas" run_python "${common[@]}"
    fi
    if [ "${BENCH_REFBLAS:-1}" = 1 ] && [ "$policy" = "${policies[0]}" ]; then
      echo "== preset $preset, OMP_WAIT_POLICY $policy: PyTorch, Debian default BLAS (load $(cut -d' ' -f1 /proc/loadavg))"
      run_python "${common[@]}"
    fi
  done
done
