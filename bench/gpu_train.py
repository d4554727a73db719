"""Run ``yxsumm``'s training loop on a machine that has only torch and transformers (a GPU machine).

The package's ``__init__`` pulls in what inference needs (jieba, OpenCC, charset detection); the
training loop needs none of it. This launcher registers ``src/yxsumm`` as a bare package, so that
``yxsumm.training`` imports without those libraries, runs :func:`yxsumm.training.loop.train` with the
settings given, and exports the run's best weights in float16 for shipping.

    python bench/gpu_train.py --export OUT/model --set data_dir=/tmp/data --set device=cuda \\
        --set bf16=true --set batch_size=256 --set init_from=models/yxsumm-copybart-small
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
import types
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def import_training_without_package_init() -> types.ModuleType:
    """``yxsumm.training`` imported from ``src/`` without running ``yxsumm/__init__.py``."""
    if "yxsumm" not in sys.modules:
        package = types.ModuleType("yxsumm")
        package.__path__ = [str(SRC / "yxsumm")]
        sys.modules["yxsumm"] = package
    import yxsumm.training.loop as loop

    return loop


def parse_value(field: dataclasses.Field, text: str) -> object:
    """``text`` converted to the type of the :class:`TrainConfig` field it sets."""
    kind = field.type if isinstance(field.type, str) else field.type.__name__
    if kind == "bool":
        if text.lower() not in {"true", "false", "1", "0"}:
            raise SystemExit(f"{field.name}: expected true or false, got {text!r}")
        return text.lower() in {"true", "1"}
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind.startswith("list"):
        return [part for part in text.split(",") if part]
    return text


def build_config(settings: list[str]) -> object:
    """A :class:`TrainConfig` with each ``name=value`` of ``settings`` applied."""
    from yxsumm.training.config import TrainConfig

    fields = {f.name: f for f in dataclasses.fields(TrainConfig)}
    values: dict[str, object] = {}
    for setting in settings:
        name, sep, text = setting.partition("=")
        if not sep or name not in fields:
            raise SystemExit(f"unknown setting {setting!r}; known: {', '.join(fields)}")
        values[name] = parse_value(fields[name], text)
    return TrainConfig(**values)


def main() -> None:
    """Train (unless ``--export-only``), then export the best checkpoint (or the last) as float16."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a TrainConfig field")
    parser.add_argument("--export", help="write the best weights here as float16 (config and tokenizer too)")
    parser.add_argument("--export-only", action="store_true", help="export OUTPUT_DIR's checkpoint, do not train")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stdout)
    loop = import_training_without_package_init()
    import torch

    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
    config = build_config(args.set)
    if not args.export_only:
        loop.train(config)
    if args.export:
        from yxsumm.training.modeling import export_model

        output = Path(config.output_dir)
        best = output / "best" if (output / "best" / "config.json").exists() else output / "last"
        export_model(best, args.export, dtype="float16")
        logging.info("exported %s to %s", best, args.export)


if __name__ == "__main__":
    main()
