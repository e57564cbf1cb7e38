#!/usr/bin/env bash
# The chunk ledger at scale (LedgerBench): claim, complete and commit costs for 1,000 to
# 1,000,000 chunks, writing and reading chunk_tracker_state.json with 1,000,000 completed chunks,
# and planning a run over 1,000,000 chunks. Results go to stdout; docs/benchmarks.md records them.
#
# Usage: scripts/bench-ledger.sh [LedgerBench flags...]   (e.g. --repeats 7)
set -euo pipefail

source "$(dirname "$0")/bench-lib.sh"
cd "$bench_root"
bench_build
echo "== machine"
bench_machine
echo
java -Xmx2g -Dslf4j.internal.verbosity=WARN -cp "$BENCH_CP" io.hrmtrainer.bench.LedgerBench \
  --dir bench-data/ledger "$@" 2>&1 | grep -v '^SLF4J'
rm -f bench-data/ledger/chunk_tracker_state.json
