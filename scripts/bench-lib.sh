#!/usr/bin/env bash
# Shared steps of the benchmark scripts; source it, do not run it.
#
# bench_build: builds cli and bench with the modules they need, without tests, then copies the
#   project jars to bench-data/app so that a rebuild by someone else during a long benchmark
#   does not change the code under measurement. Sets APP_CP (what hrm-hf runs) and BENCH_CP
#   (the bench classes). BENCH_ONLINE=1 lets Maven download what is missing.
# bench_machine: prints cores, memory, load and versions.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bench_build() {
  local offline=(-o)
  if [ "${BENCH_ONLINE:-0}" = 1 ]; then offline=(); fi
  (cd "$bench_root" && mvn -B -q "${offline[@]}" -pl cli,bench -am package \
    -Dmaven.test.skip=true dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -DincludeScope=runtime)
  local app="$bench_root/bench-data/app"
  rm -rf "$app" && mkdir -p "$app"
  cp -r "$bench_root/bench/target/classes" "$app/bench-classes"
  APP_CP="$(snapshot_classpath "$bench_root/cli/target/cli-0.1.0-SNAPSHOT.jar" \
    "$bench_root/cli/target/classpath.txt" "$app")"
  BENCH_CP="$app/bench-classes:$APP_CP"
  export APP_CP BENCH_CP
}

# Copies the project's own entries of a classpath (jars under the repository) to DIR and prints
# the classpath with them replaced; library jars from ~/.m2 stay where they are.
snapshot_classpath() {
  local main_jar="$1" classpath_file="$2" dir="$3" entry out
  cp "$main_jar" "$dir/" && out="$dir/$(basename "$main_jar")"
  for entry in $(tr ':' ' ' < "$classpath_file"); do
    if [[ "$entry" == "$bench_root"/* ]]; then
      cp "$entry" "$dir/" && entry="$dir/$(basename "$entry")"
    fi
    out="$out:$entry"
  done
  echo "$out"
}

bench_machine() {
  echo "cores: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}') total"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min averages)"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "djl pytorch native: $(ls "$HOME/.djl.ai/pytorch" 2>/dev/null | head -1)"
}
