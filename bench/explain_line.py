"""Why the guard printed what it printed: every candidate of one input with its score and its faults.

    python bench/explain_line.py examples/yangxi.txt                 # the article headline
    python bench/explain_line.py examples/yangxi.txt --section 2     # the summary of section 2
    python bench/explain_line.py --text "新华社北京3月5日电…" --task heading

For each n-best line and the span selector's span: the guard's score (higher wins), whether the hard rule
lets it through and, if not, what refused it, and the penalties that lowered it; then the selector's best
spans with their ranker scores.
"""

from __future__ import annotations

import argparse
import dataclasses
import math

from yxsumm.article_inputs import fact_context, headline_source, section_input, simplified_article
from yxsumm.generation import finished_lines, generate_candidates, score_candidates
from yxsumm.guard import Assessment, Candidate, assess_candidate, guard_score
from yxsumm.guard_assets import load_guard_assets
from yxsumm.guarded_generation import selected_spans, span_hints
from yxsumm.model_loading import default_model_path, load_model, quantize_dynamic_int8
from yxsumm.postprocess import finish_line
from yxsumm.structure import parse_article
from yxsumm.textio import read_text_file

_FAULTS = (
    "unsupported",
    "markup",
    "unpaired",
    "cut",
    "spliced",
    "foreign",
    "refuted",
    "reversed_changes",
    "changed_scopes",
    "misquoted",
)
_PENALTIES = (
    "dangling",
    "scattered",
    "mistitled",
    "cut_word",
    "transplanted",
    "repeated",
    "stopped_clause",
    "curtain",
    "word_gaps",
    "verbless",
    "broken",
    "unattested",
)


def faults(assessment: Assessment) -> str:
    """What the hard rule refuses in a candidate and what lowers its score, in a few words."""
    words = [f"REFUSED {name}={getattr(assessment, name)!r}" for name in _FAULTS if getattr(assessment, name)]
    if assessment.support < 0.5:
        words.append(f"support={assessment.support:.2f}")
    words += [f"{name}={getattr(assessment, name)!r}" for name in _PENALTIES if getattr(assessment, name)]
    return "; ".join(words)


def job(args: argparse.Namespace) -> tuple[str, str, str]:
    """The (task, model input, fact context) of what is explained."""
    if args.text:
        return args.task, args.text, args.text
    article = simplified_article(parse_article(read_text_file(args.file)))
    if args.section is None:
        return "headline", headline_source(article), fact_context(article)
    text = section_input(article, args.section - 1)
    return "heading", text, text  # a section's line is checked against its own text, as Summarizer checks it


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", help="an article file")
    parser.add_argument("--text", help="explain this text instead of a file")
    parser.add_argument("--task", default="headline", choices=["headline", "heading"], help="with --text")
    parser.add_argument("--section", type=int, help="explain this section's summary (1 = first) of the file")
    parser.add_argument("--model", default=None, help="generator folder (default: the bundled one)")
    parser.add_argument("--guard", default=None, help="guard folder (default: models/yxsumm-guard)")
    parser.add_argument("--spans", type=int, default=8, help="how many of the selector's best spans to list")
    parser.add_argument("--backend", default="torch", choices=["torch", "torch-int8"], help="as Summarizer's")
    args = parser.parse_args()
    if not args.text and not args.file:
        parser.error("give a file or --text")
    model, tokenizer, _ = load_model(args.model or str(default_model_path()))
    if args.backend == "torch-int8":
        model = quantize_dynamic_int8(model)
    assets = load_guard_assets(args.guard)
    task, text, context = job(args)
    weights = assets.weights.for_task(task)
    print(f"task {task}; input ({len(text)} characters): {text[:120]}…\n")
    capped: list[set[str]] = []
    nbest = generate_candidates(model, tokenizer, [text], task=task, capped_out=capped)[0]
    span = selected_spans(assets, [text], task, span_hints([nbest], [context]))[0]
    span_score = score_candidates(model, tokenizer, [text], [[span] if span else []], task=task)[0]
    finished = finished_lines(nbest, capped[0], text)  # as the guard has them
    candidates = [
        Candidate(finish_line(line, context), "model", score, rank) for rank, (line, score) in enumerate(finished)
    ]
    if span:
        candidates.append(Candidate(finish_line(span, context), "span", span_score[0]))
    rows = []
    for candidate in candidates:
        assessment = assess_candidate(candidate, context, assets.background, weights, assets.endings)
        rows.append((guard_score(candidate, assessment, weights), candidate, assessment))
    for score, candidate, assessment in sorted(rows, key=lambda row: -row[0]):
        mark = "ok " if assessment.acceptable else "NO "
        log_prob = f"{candidate.log_prob:.2f}" if math.isfinite(candidate.log_prob) else "nan"
        print(f"{mark}{score:6.2f} {candidate.kind:<5} lp {log_prob:>6} {candidate.text}")
        if faults(assessment):
            print(f"             {faults(assessment)}")
    if assets.selector is not None:
        window, spans, features = assets.selector.feature_matrices([text], [task])[0]
        scores = assets.selector.scores(features) if spans else []
        print(f"\nthe ranker's best {args.spans} spans (before the readability rules):")
        for index in sorted(range(len(spans)), key=lambda i: -scores[i])[: args.spans]:
            begin, end = spans[index]
            print(f"  {scores[index]:6.2f} {window[begin:end]}")
    print(f"\nweights for {task}: " + ", ".join(f"{k}={v}" for k, v in dataclasses.asdict(weights).items()))


if __name__ == "__main__":
    main()
