#!/usr/bin/env bash
# Planning time against the frame count: `regrender plan` of bench/race-10-fits-27000-steps.json (ten fits on the
# seed points, per-sample SGD among them: up to 27,000 steps per fit) at 3,600 frames (120 s at 30 fps) as the
# baseline, then at 4× and 16× the frames. Prints median wall times of RUNS runs and each one's time per frame
# as a ratio to the baseline's: near 1 means planning grows in proportion to the frames.
# Usage: bench/plan.sh [RUNS]   (default 3; needs /usr/bin/time)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/regrender-plan-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
config=bench/race-10-fits-27000-steps.json
./regrender validate "$config" >/dev/null   # builds the CLI first if needed

cases=("3600 --duration 120 --fps 30" "14400 --duration 120 --fps 120" "57600 --duration 480 --fps 120")
for _ in $(seq "$runs"); do
  for case in "${cases[@]}"; do
    read -r frames options <<<"$case"
    # shellcheck disable=SC2086 # the options are words
    /usr/bin/time -f "$frames %e %M" -o "$work/time" ./regrender plan "$config" $options >/dev/null 2>&1
    cat "$work/time" >> "$work/results"
  done
done

python3 - "$work/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
frames = sorted({int(r[0]) for r in rows})
median = {f: statistics.median(float(r[1]) for r in rows if int(r[0]) == f) for f in frames}
peak = {f: max(int(r[2]) for r in rows if int(r[0]) == f) / 1024 for f in frames}
base = median[frames[0]] / frames[0]
for f in frames:
    print(f"{f:>6} frames: {median[f]:6.1f} s (peak {peak[f]:.0f} MB), time per frame {median[f] / f / base:.2f}x the {frames[0]}-frame plan's")
PY
