#!/usr/bin/env bash
# Starts the desktop app under Xvfb, walks through the setup form, the checkpoint screen and a
# short tiny-model run on samples/tinyshakespeare.txt, and writes a PNG of each screen.
#
# Usage: scripts/gui-screenshots.sh OUTPUT_DIR
# Installs xvfb (and GTK 3, which JavaFX's Linux windows need) with apt-get when missing; that
# needs root. The brain it trains lives in a temporary directory that is deleted afterwards.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: scripts/gui-screenshots.sh OUTPUT_DIR" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$1"
output="$(cd "$1" && pwd)"

packages=()
command -v xvfb-run >/dev/null 2>&1 || packages+=(xvfb xauth)
ldconfig -p | grep -q 'libgtk-3.so.0' || packages+=(libgtk-3-0)
if [[ ${#packages[@]} -gt 0 ]]; then
  echo "gui-screenshots: installing ${packages[*]}..." >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" >&2
fi

classpath="$(GUI_PRINT_CLASSPATH=1 "$root/gui/run-gui.sh")"
export TORCH_CPP_LOG_LEVEL="${TORCH_CPP_LOG_LEVEL:-ERROR}"

# The software renderer needs no GPU or OpenGL, which Xvfb does not offer.
xvfb-run -a -s "-screen 0 1600x1200x24" \
  java -Dai.djl.offline=true -Dprism.order=sw -cp "$classpath" \
  io.hrmtrainer.gui.tour.ScreenshotTour "$output" "$root/samples/tinyshakespeare.txt"

ls -1 "$output"/*.png
