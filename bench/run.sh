#!/usr/bin/env bash
# Benchmarks a whole `regrender render` (process start to exit, through ./regrender) against ffmpeg alone
# encoding the identical frames with identical settings, alternating the two RUNS times, and reports median wall
# times, their ratio and peak RSS. Then prints the median per-frame draw time of the two bench scenes.
# Usage: bench/run.sh [RUNS]   (default 5; needs ffmpeg and /usr/bin/time)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/regrender-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
config=bench/bench.json
./regrender validate "$config" >/dev/null   # builds the CLI first if needed

# The frames both sides encode: the video's, and the GIF's (drawn at the GIF's own size and rate).
./regrender render "$config" -f raw -o "$work/raw" >/dev/null 2>&1
./regrender render "$config" -f raw --size 640x360 --fps 15 -o "$work/rawgif" >/dev/null 2>&1

# The same frames converted to yuv420p, as our MP4 pipeline sends them (informative: ffmpeg without its own conversion).
ffmpeg -v error -y -f rawvideo -pix_fmt bgra -s 1280x720 -i "$work/raw/bench.raw" \
  -vf scale=out_color_matrix=bt709:out_range=tv:flags=area,format=yuv420p -f rawvideo "$work/raw/bench.yuv"

mp4_args=(-vf scale=out_color_matrix=bt709:out_range=tv,format=yuv420p -c:v libx264 -preset medium -crf 23
  -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv -movflags +faststart -f mp4)
# The GIF baseline keeps the settings regrender used before its own palette (diff palette, bayer dithering): the
# bench rule compares against that; bench/gif.sh compares sizes and fidelity.
gif_args=(-filter_complex "split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle" -loop 0 -f gif)

measure() { # label, command...: appends "label wall_s peak_kb" to the results
  local label=$1; shift
  /usr/bin/time -f "$label %e %M" -o "$work/time" "$@" >/dev/null 2>&1
  cat "$work/time" >> "$work/results"
}
for _ in $(seq "$runs"); do
  measure regrender-mp4 ./regrender render "$config" -f mp4 -o "$work/out" --force
  measure ffmpeg-mp4 ffmpeg -y -f rawvideo -pix_fmt bgra -s 1280x720 -framerate 30 -i "$work/raw/bench.raw" "${mp4_args[@]}" "$work/alone.mp4"
  measure ffmpeg-yuv-mp4 ffmpeg -y -f rawvideo -pix_fmt yuv420p -s 1280x720 -framerate 30 -i "$work/raw/bench.yuv" "${mp4_args[@]:2}" "$work/alone-yuv.mp4"
  measure regrender-gif ./regrender render "$config" -f gif -o "$work/out" --force
  measure ffmpeg-gif ffmpeg -y -f rawvideo -pix_fmt bgra -s 640x360 -framerate 15 -i "$work/rawgif/bench.raw" "${gif_args[@]}" "$work/alone.gif"
  # The matplotlib peer on the same workload (bench/peers/seed_matplotlib.py), when matplotlib is installed.
  if /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
    measure matplotlib-mp4 /usr/bin/python3 bench/peers/seed_matplotlib.py mp4 "$work/mpl.mp4"
    measure matplotlib-gif /usr/bin/python3 bench/peers/seed_matplotlib.py gif-ffmpeg "$work/mpl.gif"
  fi
done

python3 - "$work/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def stats(label):
    # median wall, and the peak RSS of the largest process (the command or a child it waited for)
    walls = [float(r[1]) for r in rows if r[0] == label]
    peaks = [int(r[2]) for r in rows if r[0] == label]
    return statistics.median(walls), max(peaks) / 1024
yuv, _ = stats("ffmpeg-yuv-mp4")
print(f"ffmpeg alone on the same frames as yuv420p (no conversion in ffmpeg): {yuv:.2f} s")
for fmt in ("mp4", "gif"):
    ours, ours_mb = stats(f"regrender-{fmt}")
    alone, alone_mb = stats(f"ffmpeg-{fmt}")
    print(f"{fmt}: regrender {ours:.2f} s (peak {ours_mb:.0f} MB, ffmpeg child included in wall) | ffmpeg alone {alone:.2f} s (peak {alone_mb:.0f} MB) | ratio {ours / alone:.2f}x")
    if any(r[0] == f"matplotlib-{fmt}" for r in rows):
        mpl, mpl_mb = stats(f"matplotlib-{fmt}")
        print(f"{fmt}: matplotlib {mpl:.2f} s (peak {mpl_mb:.0f} MB) = {mpl / alone:.2f}x ffmpeg alone; regrender is {mpl / ours:.1f}x faster")
PY
dotnet run -c Release --project bench/RegressionRender.Benchmarks -- quick 2>/dev/null | tail -4
