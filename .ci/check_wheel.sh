#!/usr/bin/env bash
# Install yxsumm the way a user does (a wheel into a fresh virtual environment) and summarise the example
# from a folder outside the clone: the bundled model must travel inside the wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
work=$(mktemp -d /tmp/yxsumm-wheel-XXXXXX)
trap 'rm -rf "$work"' EXIT

"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip wheel --quiet --no-deps . -w "$work/dist"
wheel=$(ls "$work"/dist/yxsumm-*.whl)
size=$(stat -c %s "$wheel")
echo "wheel: $(basename "$wheel"), $((size / 1024 / 1024)) MB"
if [ "$size" -gt $((60 * 1024 * 1024)) ]; then echo "wheel larger than 60 MB" >&2; exit 1; fi
python3 -m zipfile -l "$wheel" > "$work/listing.txt"
grep -q "yxsumm/bundled/yxsumm-copybart-small/model.safetensors" "$work/listing.txt"
grep -q "yxsumm/bundled/yxsumm-guard/span_ranker_trees.safetensors" "$work/listing.txt"
grep -q "yxsumm/bundled/yxsumm-guard/span_encoder/model.safetensors" "$work/listing.txt"
grep -q "yxsumm/bundled/yxsumm-structure/heading_detector_trees.safetensors" "$work/listing.txt"

"$work/venv/bin/python" -m pip install --quiet -c constraints.txt torch
"$work/venv/bin/python" -m pip install --quiet -c constraints.txt "$wheel"
cp examples/yangxi.txt "$work/article.txt"
cd "$work"
./venv/bin/yxsumm --version
./venv/bin/yxsumm summarize article.txt --format json > out.json 2> err.txt
if grep -q "no guard files\|no heading detector" err.txt; then cat err.txt >&2; exit 1; fi
./venv/bin/python - <<'PY'
import json
result = json.load(open("out.json", encoding="utf-8"))
assert result["headline"] and len(result["sections"]) == 5, result
assert all(s["summary"] for s in result["sections"]), result
print("installed wheel summarised the example:", result["headline"])
PY
