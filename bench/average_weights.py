"""Average the weights of several checkpoints of one model ("model soup") into a new model folder.

    python bench/average_weights.py runs/soup models/yxsumm-copybart-small runs/cpu25/best runs/cpu27/best

The first folder gives everything but the weights (config, tokenizer, generation config); every folder
must hold a ``model.safetensors`` with the same tensors.  Floating-point tensors are averaged in fp32 and
saved in the first folder's dtype; other tensors are taken from the first folder.  The twenty-seventh
session measured such averages of the shipped generator and its CPU continuations (generator card,
*Training*): better raw lines on dev, the same with the guard.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

WEIGHTS = "model.safetensors"


def average_state(folders: list[Path]) -> dict[str, torch.Tensor]:
    """The element-wise mean of the weights in ``folders`` (the first folder's dtype and non-float tensors)."""
    states = [load_file(str(folder / WEIGHTS)) for folder in folders]
    first = states[0]
    for folder, state in zip(folders[1:], states[1:], strict=True):
        if state.keys() != first.keys():
            raise SystemExit(f"{folder} holds other tensors than {folders[0]}")
    averaged: dict[str, torch.Tensor] = {}
    for name, tensor in first.items():
        if tensor.is_floating_point():
            mean = sum(state[name].float() for state in states) / len(states)
            averaged[name] = mean.to(tensor.dtype).contiguous()
        else:
            averaged[name] = tensor
    return averaged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path, help="new model folder (replaced if it exists)")
    parser.add_argument("folders", type=Path, nargs="+", help="model folders; the first gives config and tokenizer")
    args = parser.parse_args()
    averaged = average_state(args.folders)
    shutil.rmtree(args.output, ignore_errors=True)
    shutil.copytree(args.folders[0], args.output, ignore=shutil.ignore_patterns(WEIGHTS, "optimizer.pt"))
    save_file(averaged, str(args.output / WEIGHTS), metadata={"format": "pt"})
    print(f"{args.output}: mean of {len(args.folders)} checkpoints, {len(averaged)} tensors")


if __name__ == "__main__":
    main()
