"""Model card front matter in the Hugging Face format, generated from ``yxsumm eval --json`` output.

The YAML block at the top of a model folder's ``README.md`` (``language``, ``license``,
``pipeline_tag``, ``tags``, ``model-index`` with one result per evaluated corpus file) is written by
:func:`write_front_matter`; the hand-written card below it is kept as it is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

TAGS = ["summarization", "headline-generation", "chinese", "yxsumm"]


def _dataset_name(file: str) -> tuple[str, str]:
    """(corpus name, split) of an evaluated file such as ``…/test/xwlb_items.jsonl.gz``."""
    path = Path(file)
    name = path.name.removesuffix(".gz").removesuffix(".jsonl")
    return name, path.parent.name or "test"


def card_metadata(name: str, results: Sequence[dict[str, Any]], license_id: str = "apache-2.0") -> dict[str, Any]:
    """The front matter of model ``name`` with one ``model-index`` result per ``yxsumm eval`` result.

    Each result reports character ROUGE-1/2/L of the model, ROUGE-L of lead-1 on the same pairs, and,
    when measured, the share of lines with an invented fact.
    """
    entries = []
    for result in results:
        corpus, split = _dataset_name(result["file"])
        metrics = [
            {"type": "rouge", "name": f"ROUGE-{key[5:]} (character)", "value": round(result["system"][key], 2)}
            for key in ("rouge1", "rouge2", "rougeL")
        ]
        metrics.append(
            {"type": "rouge", "name": "ROUGE-L of lead-1 (character)", "value": round(result["lead1"]["rougeL"], 2)}
        )
        if result.get("faithfulness"):
            metrics.append(
                {
                    "type": "invented_fact_rate",
                    "name": "lines with an invented fact (%)",
                    "value": result["faithfulness"]["invented"],
                }
            )
        entries.append(
            {
                "task": {"type": "summarization", "name": "Headline generation"},
                "dataset": {"name": f"{corpus} ({split}, {result['pairs']} pairs)", "type": corpus, "split": split},
                "metrics": metrics,
            }
        )
    return {
        "language": ["zh"],
        "license": license_id,
        "library_name": "transformers",
        "pipeline_tag": "summarization",
        "tags": TAGS,
        "model-index": [{"name": name, "results": entries}],
    }


def read_eval_results(paths: Sequence[str | Path]) -> list[dict[str, Any]]:
    """The results in ``yxsumm eval --json`` files (each a list of results, or one result)."""
    results: list[dict[str, Any]] = []
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        results.extend(data if isinstance(data, list) else [data])
    return results


def write_front_matter(folder: str | Path, metadata: dict[str, Any]) -> Path:
    """Put ``metadata`` as the YAML front matter of ``folder/README.md`` (replacing an old one).

    A folder without a card gets one with just the front matter and a title.
    """
    readme = Path(folder) / "README.md"
    body = readme.read_text(encoding="utf-8") if readme.exists() else f"# {Path(folder).name}\n"
    if body.startswith("---\n"):
        end = body.find("\n---\n", 4)
        if end >= 0:
            body = body[end + len("\n---\n") :].lstrip("\n")
    front = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=1000)
    readme.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return readme
