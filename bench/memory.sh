#!/usr/bin/env bash
# Peak memory of a render, ours and ffmpeg's apart, for short and long videos: the three-panel 1080p scene as MP4
# for 10 s and 60 s, and the seed as GIF for 10 s and 60 s. Prints wall time, our process's peak RSS (VmHWM,
# sampled every 20 ms) and the largest ffmpeg run's peak RSS (through a wrapper measured by /usr/bin/time).
# With --long, also the ceiling: bench/race-7-fits-600s.json (600 s at 120 fps, trail 60, 7 fits) as PNG (about a
# minute and a half: the 72,300 frames are planned) and as MP4 (x264 ultrafast; about 20 minutes on 2 cores).
# Usage: bench/memory.sh [--long]   (needs ffmpeg and /usr/bin/time; the 60 s 1080p render takes a few minutes)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/regrender-memory.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
./regrender validate bench/bench.json >/dev/null   # builds the CLI first if needed

mkdir -p "$work/bin"
cat > "$work/bin/ffmpeg" <<WRAP
#!/bin/sh
exec /usr/bin/time -a -o "$work/ffmpeg.time" -f "%M" "$(command -v ffmpeg)" "\$@"
WRAP
chmod +x "$work/bin/ffmpeg"

run() { # label, config, format, duration
  rm -f "$work/ffmpeg.time"
  local start peak=0 hwm
  start=$(date +%s.%N)
  REGRENDER_FFMPEG_DIR="$work/bin" .build/cli/regrender render "$2" -f "$3" ${4:+--duration "$4"} -o "$work/out" --force >/dev/null 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
    sleep 0.02
  done
  wait "$pid"
  local wall ff frames
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  ff=$(sort -n "$work/ffmpeg.time" 2>/dev/null | tail -1)
  ff=${ff:-0}
  if [ "$3" = png ]; then
    frames=1
  else
    frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$work/out/"*."$3")
  fi
  printf '%-34s %4d frames  %6.1f s  regrender peak %4d MB  ffmpeg peak %4d MB\n' "$1" "$frames" "$wall" $((peak / 1024)) $((ff / 1024))
  rm -rf "$work/out"
}
run "three panels 1080p30 MP4, 10 s" bench/bench-1080p-three-panels.json mp4 10
run "three panels 1080p30 MP4, 60 s" bench/bench-1080p-three-panels.json mp4 60
run "seed GIF 640x640@20, 10 s" examples/seed.json gif 10
run "seed GIF 640x640@20, 60 s" examples/seed.json gif 60
if [ "${1:-}" = "--long" ]; then
  run "7-fit race 600 s @120, trail 60, PNG" bench/race-7-fits-600s.json png ""
  run "7-fit race 600 s @120, trail 60, MP4" bench/race-7-fits-600s.json mp4 ""
fi
