#!/usr/bin/env bash
# Planning time, as ratios to a baseline planned in the same run:
# - against the frame count: `regrender plan` of bench/race-10-fits-27000-steps.json (ten fits on the seed points,
#   per-sample SGD among them: up to 27,000 steps per fit) at 3,600 frames (120 s at 30 fps) as the baseline, then
#   at 4× and 16× the frames; each plan's time per frame as a ratio to the baseline's (near 1: planning grows in
#   proportion to the frames);
# - against the pacing: bench/logistic-raw-x.json (logistic GD on raw flipper lengths, 3,000 swinging steps, 1,800
#   frames: every tween is raised off the valley, the costliest to sample) with visual pacing, as a ratio to the same
#   scene paced by iterations (bench/logistic-raw-x-iterations.json), which samples no tween.
# Prints median wall times of RUNS runs.
# Usage: bench/plan.sh [RUNS]   (default 3; needs /usr/bin/time)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/regrender-plan-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
race=bench/race-10-fits-27000-steps.json
./regrender validate "$race" >/dev/null   # builds the CLI first if needed

# name, frames, config, options
cases=("race 3600 $race --duration 120 --fps 30" "race 14400 $race --duration 120 --fps 120" "race 57600 $race --duration 480 --fps 120"
  "visual 1800 bench/logistic-raw-x.json" "iterations 1800 bench/logistic-raw-x-iterations.json")
for _ in $(seq "$runs"); do
  for case in "${cases[@]}"; do
    read -r name frames config options <<<"$case"
    # shellcheck disable=SC2086 # the options are words
    /usr/bin/time -f "$name $frames %e %M" -o "$work/time" ./regrender plan "$config" $options >/dev/null 2>&1
    cat "$work/time" >> "$work/results"
  done
done

python3 - "$work/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
cases = list(dict.fromkeys((r[0], int(r[1])) for r in rows))
median = {c: statistics.median(float(r[2]) for r in rows if (r[0], int(r[1])) == c) for c in cases}
peak = {c: max(int(r[3]) for r in rows if (r[0], int(r[1])) == c) / 1024 for c in cases}
race = [c for c in cases if c[0] == "race"]
base = median[race[0]] / race[0][1]
print("ten-fit race (bench/race-10-fits-27000-steps.json):")
for c in race:
    print(f"{c[1]:>8} frames: {median[c]:6.1f} s (peak {peak[c]:.0f} MB), time per frame {median[c] / c[1] / base:.2f}x the {race[0][1]}-frame plan's")
visual, iterations = ("visual", 1800), ("iterations", 1800)
print("logistic GD on raw x (bench/logistic-raw-x.json), 1800 frames:")
print(f"  visual pacing {median[visual]:.1f} s (peak {peak[visual]:.0f} MB), {median[visual] / median[iterations]:.1f}x the {median[iterations]:.1f} s of pacing by iterations")
PY
