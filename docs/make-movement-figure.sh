#!/usr/bin/env bash
# Regenerates docs/pacing-movement.svg: the per-frame movement (plan --json displacementPx over the animated
# frames) of every behaviour example, before (the commit given, default eb9cfeb: visual pacing before the
# truthful-motion work) and after (the working tree). Needs git and the .NET SDK; builds both into a temp folder.
# Usage: docs/make-movement-figure.sh [BEFORE_COMMIT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="${1:-eb9cfeb}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/before" "$before" >/dev/null
dotnet build -c Release "$work/before/src/RegressionRender.Cli" -o "$work/bin-before" >/dev/null
dotnet build -c Release "$root/src/RegressionRender.Cli" -o "$work/bin-after" >/dev/null
configs=(examples/minibatch-shuffled.json examples/huge-first-step.json examples/momentum-ravine.json examples/off-view-start.json
  examples/learning-rate-too-high.json examples/race-converge-diverge.json
  examples/sgd-noise.json examples/adam-spikes.json examples/seed.json examples/seed-race.json)
for config in "${configs[@]}"; do
  name="$(basename "$config" .json)"
  dotnet "$work/bin-before/regrender.dll" plan "$root/$config" --json > "$work/$name.before.json" 2>/dev/null
  dotnet "$work/bin-after/regrender.dll" plan "$root/$config" --json > "$work/$name.after.json" 2>/dev/null
done
python3 "$root/docs/movement_figure.py" "$work" "$root/docs/pacing-movement.svg" "${configs[@]}"
echo "wrote docs/pacing-movement.svg"
