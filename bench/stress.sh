#!/usr/bin/env bash
# Stress and determinism: renders every example N times (default 20) — the final frame as PNG for all of them
# with `batch -j 2`, and every frame of the seed as a PNG folder plus its GIF — and checks that each run's files
# are byte-identical to the first run's. Prints one line per run and exits 1 on the first difference.
# Usage: bench/stress.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
work="$(mktemp -d "${TMPDIR:-/tmp}/regrender-stress.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
./regrender validate examples/seed.json >/dev/null   # builds the CLI first if needed

# The examples as PNG-only configs (the same scenes; only output.formats differs).
mkdir -p "$work/configs"
for config in examples/*.json; do
  python3 - "$config" "$work/configs/$(basename "$config")" "$root/examples" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
# Strip // comments outside strings, then trailing commas: the configs are JSON with comments.
text = re.sub(r'("(?:\\.|[^"\\])*")|//[^\n]*', lambda m: m.group(1) or "", text)
text = re.sub(r",(\s*[}\]])", r"\1", text)
scene = json.loads(text)
scene.pop("$schema", None)
scene.setdefault("output", {})["formats"] = ["png"]
if "csv" in scene.get("data", {}):
    scene["data"]["csv"] = sys.argv[3] + "/" + scene["data"]["csv"]
json.dump(scene, open(sys.argv[2], "w"))
PY
done

fingerprint() { (cd "$1" && find . -type f -not -path './.regrender/*' -print0 | sort -z | xargs -0 sha256sum) }
for run in $(seq "$runs"); do
  out="$work/run$run"
  ./regrender batch "$work/configs" -o "$out" -j 2 --force >/dev/null 2>&1
  ./regrender render examples/seed.json -f frames -f gif -o "$out" --force >/dev/null 2>&1
  fingerprint "$out" > "$work/run$run.sums"
  files=$(wc -l < "$work/run$run.sums")
  if [ "$run" -gt 1 ] && ! cmp -s "$work/run1.sums" "$work/run$run.sums"; then
    echo "run $run: DIFFERENT from run 1:"; diff "$work/run1.sums" "$work/run$run.sums" | head; exit 1
  fi
  echo "run $run: $files files, identical to run 1"
  [ "$run" -gt 1 ] && rm -rf "$out"
done
echo "all $runs runs byte-identical"
