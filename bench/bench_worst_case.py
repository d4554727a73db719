"""Seconds per stage for hostile inputs at the accepted size limit (200,000 characters).

Stages: decoding bytes, HTML reduction, normalisation, structure, and summarising end to end with the
model (``--method model``, the default) or an extractive method.

    python bench/bench_worst_case.py [--method model|lead] [--chars 200000]
"""

from __future__ import annotations

import argparse

from common import timed
from yxsumm import Summarizer
from yxsumm.normalize import html_to_text, looks_like_html, normalize_text
from yxsumm.structure import parse_article
from yxsumm.textio import decode_bytes


def hostile_inputs(chars: int) -> dict[str, str]:
    """Inputs that once hit a slow path, each about ``chars`` characters long."""
    line = "本市今天召开会议，部署重点工作。"
    return {
        "unclosed tags (<p × n)": "<p " * (chars // 3),
        "deeply nested <div>": "<div>" * (chars // 11) + "正文。" + "</div>" * (chars // 11),
        "huge attribute": "<p title='" + "x" * (chars - 40) + "'>正文。</p>",
        "one line, no punctuation": "字" * chars,
        "only punctuation": "。，！" * (chars // 3),
        "10,000 one-line headings": "\n".join(f"第{i}节 标题\n内容。" for i in range(10_000))[:chars],
        "ordinary HTML": ("<p>" + line + "</p>") * (chars // (len(line) + 7)),
        "ordinary text": (line * 20 + "\n") * (chars // (len(line) * 20 + 1)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--method", default="model")
    parser.add_argument("--chars", type=int, default=200_000)
    args = parser.parse_args()
    summarizer = Summarizer(method=args.method)
    print("| input | chars | decode | HTML | normalise | structure | end to end | headline |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, text in hostile_inputs(args.chars).items():
        decode_s, _ = timed(decode_bytes, text.encode("utf-8"), "input")
        html_s, reduced = timed(html_to_text, text) if looks_like_html(text) else (0.0, (text, []))
        plain = reduced[0] if isinstance(reduced, tuple) else text
        normalise_s, _ = timed(normalize_text, plain)
        structure_s, _ = timed(parse_article, text)
        total_s, result = timed(summarizer.summarize, text)
        headline = result.headline[:20] if hasattr(result, "headline") else type(result).__name__
        print(
            f"| {name} | {len(text):,} | {decode_s:.2f} | {html_s:.2f} | {normalise_s:.2f} | {structure_s:.2f} "
            f"| {total_s:.2f} | {headline} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
