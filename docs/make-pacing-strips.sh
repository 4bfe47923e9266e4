#!/usr/bin/env bash
# Regenerates docs/pacing-*.png: the seed example at the same five moments under each pacing mode, side by side.
# Usage: docs/make-pacing-strips.sh   (from anywhere; needs ffmpeg for the side-by-side)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for pacing in visual log iterations; do
  sed "s/\"holdStart\": 0.5/\"pacing\": \"$pacing\", \"holdStart\": 0.5/; s/\"title\": \"[^\"]*\"/\"title\": \"$pacing\"/; /\"subtitle\"/d" \
    "$root/examples/seed.json" > "$work/seed-$pacing.json"
  inputs=()
  # 15 hold frames, then 240 animated frames: 5%, 15%, 30%, 50% and 80% of the animation.
  for frame in 27 51 87 135 207; do
    "$root/regrender" still "$work/seed-$pacing.json" --frame "$frame" --size 240x240 -o "$work/$pacing-$frame.png" >/dev/null 2>&1
    inputs+=(-i "$work/$pacing-$frame.png")
  done
  ffmpeg -v error -y "${inputs[@]}" -filter_complex "hstack=inputs=5" "$root/docs/pacing-$pacing.png"
  echo "wrote docs/pacing-$pacing.png"
done
