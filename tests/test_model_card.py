"""Model card front matter written from `yxsumm eval --json` results."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

RESULT = {
    "file": "../shared/data/test/xwlb_items.jsonl.gz",
    "pairs": 400,
    "system": {"rouge1": 52.598, "rouge2": 41.159, "rougeL": 49.368},
    "lead1": {"rouge1": 47.2, "rouge2": 33.7, "rougeL": 43.944},
    "faithfulness": {"invented": 0.0, "invented_number_or_latin": 0.0, "unattested": 5.8},
}


def _front_matter(readme: Path) -> dict:
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)])


def test_card_command_writes_hub_front_matter_and_keeps_the_card(tmp_path: Path) -> None:
    folder = tmp_path / "my-model"
    folder.mkdir()
    (folder / "README.md").write_text("# my-model\n\nHand-written card.\n", encoding="utf-8")
    results = tmp_path / "eval.json"
    results.write_text(json.dumps([RESULT]), encoding="utf-8")
    command = [sys.executable, "-m", "yxsumm.cli", "card", str(folder), "--eval-json", str(results)]
    for _ in range(2):  # written twice: the second run replaces the first block, not adds one
        subprocess.run(command, check=True, capture_output=True)
    meta = _front_matter(folder / "README.md")
    assert meta["language"] == ["zh"] and meta["pipeline_tag"] == "summarization" and meta["license"]
    (entry,) = meta["model-index"][0]["results"]
    assert entry["dataset"]["type"] == "xwlb_items" and entry["dataset"]["split"] == "test"
    values = {m["name"]: m["value"] for m in entry["metrics"]}
    assert values["ROUGE-L (character)"] == 49.37 and values["ROUGE-L of lead-1 (character)"] == 43.94
    assert values["lines with an invented fact (%)"] == 0.0
    text = (folder / "README.md").read_text(encoding="utf-8")
    assert text.count("---\n") == 2 and text.endswith("# my-model\n\nHand-written card.\n")


def test_the_shipped_card_has_front_matter() -> None:
    meta = _front_matter(Path(__file__).resolve().parents[1] / "models" / "yxsumm-copybart-small" / "README.md")
    assert meta["model-index"][0]["name"] == "yxsumm-copybart-small" and meta["model-index"][0]["results"]
