"""The training loop's greedy dev probe, for model folders already trained (a GPU run's exports, weight averages).

``yxsumm train`` scores greedy lines on 150 pairs of xwlb_items, hkcnews_articles and hkcnews_sections every few
minutes; this prints the same numbers for finished folders, so that a weight average (``bench/average_weights.py``)
can be compared with the runs it averages before the slower dev protocol (``bench/tune_guard.py``):

    python bench/probe_model.py models/yxsumm-copybart-small runs/gpu50/c8_s70
    python bench/probe_model.py --data-dir /tmp/packed runs/gpu47/soup4

Each line: the folder, the mean, ROUGE-L per set, and the share (%) of greedy lines with a number or Latin word
the model's input lacks.
"""

from __future__ import annotations

import argparse

import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

import yxsumm  # noqa: F401  (registers the copy_bart model type)
from yxsumm.training.checkpoints import evaluate_dev
from yxsumm.training.config import TrainConfig
from yxsumm.training.data import read_dev_pairs


def main() -> None:
    """Probe each folder given and print one line for it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", help="model folders")
    parser.add_argument("--data-dir", default="../shared/data", help="the corpora (or a bench/pack_corpora.py copy)")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    config = TrainConfig(data_dir=args.data_dir)
    dev_pairs = read_dev_pairs(config)
    for folder in args.models:
        model = AutoModelForSeq2SeqLM.from_pretrained(folder, dtype=torch.float32)
        tokenizer = AutoTokenizer.from_pretrained(folder)
        scores, invented = evaluate_dev(model, tokenizer, dev_pairs, config)
        mean = sum(scores.values()) / max(len(scores), 1)
        print(f"{folder}\t{mean:.2f}\t{scores}\tinvented % {invented}", flush=True)


if __name__ == "__main__":
    main()
