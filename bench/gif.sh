#!/usr/bin/env bash
# Our GIF against gifski (the best-known quality anchor) and ffmpeg alone, on the seed (640×640, 20 fps) and on
# the three-panel scene (its configured GIF, 640×360 at 15 fps): bytes, PSNR against the frames the GIF is made
# from (the GIF resampled by its own frame delays), and wall time. Our time is a whole `./regrender render -f gif`;
# "ffmpeg alone" encodes the identical frames (dumped with the raw format) with the previous GIF settings
# (palettegen stats_mode=diff, paletteuse bayer), the bench/run.sh baseline.
# gifski is installed from npm into bench/gif/node_modules (pinned in bench/gif/package.json; not a project dependency).
# Usage: bench/gif.sh [RUNS]   (default 3; needs ffmpeg, npm, /usr/bin/time, python3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/regrender-gif-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
gifski="$root/bench/gif/node_modules/gifski/bin/debian/gifski"
if [[ ! -x "$gifski" ]]; then
  (cd bench/gif && npm install --no-audit --no-fund --silent >/dev/null)
fi
./regrender validate examples/seed.json >/dev/null   # builds the CLI first if needed

wall() { # seconds a command takes (median of RUNS)
  local times=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e" -o "$work/t" "$@" >/dev/null 2>&1
    times+=("$(cat "$work/t")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}
psnr() { # GIF, raw frames, size, fps
  ffmpeg -v info -i "$1" -f rawvideo -pix_fmt bgra -s "$3" -r "$4" -i "$2" \
    -lavfi "[0:v]fps=$4,format=rgb24,setpts=N[a];[1:v]format=rgb24,setpts=N[b];[a][b]psnr" -f null - 2>&1 |
    grep -o "average:[0-9.inf]*" | tail -1 | cut -d: -f2
}
row() { printf '| %s | %s | %s | %s | %s s |\n' "$1" "$2" "$(printf "%'d" "$(stat -c %s "$3")")" "$(psnr "$3" "$4" "$5" "$6")" "$7"; }

echo "| scene | encoder | bytes | PSNR (dB) | time |"
echo "| --- | --- | --- | --- | --- |"
for config in examples/seed.json bench/bench-1080p-three-panels.json; do
  name="$(basename "$config" .json)"
  # The GIF's frame rate from the render's own line ("wrote …gif (210 frames, 10.5 s, …)"): the file holds fewer
  # frames than that, as held frames are merged.
  wrote="$(./regrender render "$config" -f gif -o "$work/ours" --force 2>&1 | grep -o '([0-9]* frames, [0-9.]* s')"
  gif="$work/ours/$name.gif"
  size="$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=s=x:p=0 "$gif")"
  fps="$(tr -d '(,s' <<<"$wrote" | awk '{ printf "%d", $1 / $3 + 0.5 }')"
  ./regrender render "$config" -f raw --size "$size" --fps "$fps" -o "$work/raw" --force >/dev/null 2>&1
  raw="$work/raw/$name.raw"
  mkdir -p "$work/png-$name"
  ffmpeg -v error -f rawvideo -pix_fmt bgra -s "$size" -r "$fps" -i "$raw" "$work/png-$name/%05d.png"
  row "$name $size@$fps" "regrender (whole render)" "$gif" "$raw" "$size" "$fps" \
    "$(wall ./regrender render "$config" -f gif -o "$work/ours" --force)"
  t="$(wall ffmpeg -y -f rawvideo -pix_fmt bgra -s "$size" -framerate "$fps" -i "$raw" \
    -filter_complex "split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle" \
    -loop 0 -f gif "$work/alone.gif")"
  row "$name $size@$fps" "ffmpeg alone, previous settings (encode only)" "$work/alone.gif" "$raw" "$size" "$fps" "$t"
  for quality in 90 70; do
    t="$(wall "$gifski" --quiet --quality "$quality" --fps "$fps" -o "$work/gifski$quality.gif" "$work/png-$name"/*.png)"
    row "$name $size@$fps" "gifski 1.7.1 --quality $quality (encode only)" "$work/gifski$quality.gif" "$raw" "$size" "$fps" "$t"
  done
  if [[ "$name" == seed ]]; then
    t="$(wall ./regrender render "$config" -f gif --gif-max-bytes 1000000 -o "$work/budget" --force)"
    row "$name $size@$fps" "regrender --gif-max-bytes 1000000 ($(./regrender render "$config" -f gif --gif-max-bytes 1000000 -o "$work/budget" --force 2>&1 | grep -o '[0-9]* colours at [^ ]* fps, [^ ]*'))" "$work/budget/$name.gif" "$raw" "$size" "$fps" "$t"
  fi
done
