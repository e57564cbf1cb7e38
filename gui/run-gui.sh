#!/usr/bin/env bash
# Starts the hrm-trainer desktop app, building the gui module with Maven first when the build is
# missing or older than the sources. Arguments prefill the setup form, for example
#   gui/run-gui.sh --dataset-file samples/tinyshakespeare.txt --save-dir brains/tiny
# Set HRM_GUI_JAVA_OPTS for extra JVM options (for example -Xmx8g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/gui/target/gui-0.1.0-SNAPSHOT.jar"
classpath_file="$root/gui/target/classpath.txt"

needs_build() {
  [[ ! -f "$jar" || ! -f "$classpath_file" ]] && return 0
  # Rebuild when any source, resource or POM is newer than the gui jar.
  [[ -n "$(find "$root" -path "$root/.git" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/resources/*' \) -newer "$jar" -print -quit)" ]]
}

if needs_build; then
  echo "run-gui: building the desktop app (first use or sources changed)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never install -DskipTests -pl gui -am) >&2
fi

if [[ "${GUI_PRINT_CLASSPATH:-0}" == 1 ]]; then
  # For scripts that start other main classes of the gui module (scripts/gui-screenshots.sh).
  echo "$jar:$(cat "$classpath_file")"
  exit 0
fi

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "run-gui: no display found (DISPLAY is not set): run it in a desktop session, or under" \
    "Xvfb with 'xvfb-run -a ./hrm-hf gui'; scripts/gui-screenshots.sh shows the screens headless" >&2
  exit 2
fi

# PyTorch's OpenMP threads spin-wait after every operator by default, which made a tiny-model
# step 137 ms instead of 22 ms when two other processes shared the cores; GOMP_SPINCOUNT=1000
# gave 55 ms there and no loss on a quiet machine (docs/benchmarks.md). GNU OpenMP reads the
# variable only when it loads, so Java cannot set it.
export GOMP_SPINCOUNT="${GOMP_SPINCOUNT:-1000}"

# shellcheck disable=SC2086
exec java -Dai.djl.offline=true ${HRM_GUI_JAVA_OPTS:-} \
  -cp "$jar:$(cat "$classpath_file")" io.hrmtrainer.gui.GuiMain "$@"
