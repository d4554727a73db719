"""Time ``parse_article`` on large texts (1 MB of news, one long line without punctuation, HTML).

Each input is timed with the learnt heading detector (the default) and with the hand-written rules.

python bench/bench_structure.py
"""

from __future__ import annotations

import functools

from common import best_of, example_text
from yxsumm import parse_article


def bench(name: str, text: str, repeat: int = 3) -> None:
    """Print the best time of ``repeat`` runs with the learnt heading detector and with the rules."""
    size = len(text.encode("utf-8")) / 1e6
    for mode in ("auto", "rules"):
        best, article = best_of(repeat, functools.partial(parse_article, text, headings=mode))
        label = "detector" if mode == "auto" else "rules"
        print(f"{name} ({label}): {size:.2f} MB, {len(article.sections)} sections, best of {repeat}: {best:.3f} s")


def main() -> None:
    example = example_text()
    body = "\n".join(example.splitlines()[8:-6])
    bench("example article", example, repeat=20)
    bench("1 MB of article text", body * (1_000_000 // len(body.encode()) + 1))
    bench("1 MB, no headings", "\n".join(line for line in body.splitlines() if len(line) > 60) * 110)
    bench("1 MB single line, no punctuation", "阳西县党建工作" * 50_000)
    bench("1 MB HTML", "<html><body>" + "".join(f"<p>{line}</p>" for line in body.splitlines()) * 100 + "</body>")


if __name__ == "__main__":
    main()
