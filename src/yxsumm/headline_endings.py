"""Words a headline almost never ends with: the guard's test for a line that stops in mid-phrase.

The copy head often stops one word too early: ``贯彻党的十九大`` (the source says ``十九大精神``),
``…思想指引下`` (a prepositional frame with no clause), ``中国特色社会主义`` (of ``…社会主义思想``), and the
span selector cuts ``会见来华出席纪念中国人民抗日战争`` before ``…胜利80周年活动的``.  Each of these
ends with a word (or a pair of words) that the training headlines contain often but almost never end
with.  :class:`HeadlineEndings` holds those endings, counted on the training headlines and headings
(``yxsumm build-endings``), and :meth:`HeadlineEndings.dangling_end` looks a line's last words up.

The decision uses the last two words when the training headlines have that pair often enough
(``十九 大``: 296 headlines, 3 ending with it), else the last word (``社会主义``: 743, 6).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .corpus import TRAIN_FILES, read_jsonl
from .faithfulness import fact_normalise, text_segments
from .words import jieba

#: File name of the endings list in the guard folder.
ENDINGS_FILE = "headline_endings.json"


@dataclass(frozen=True)
class EndingThresholds:
    """When an ending counts as rare: seen often enough, and ending few enough of the lines it is in."""

    min_pair_count: int = 30
    max_pair_end_share: float = 0.02
    min_word_count: int = 50
    max_word_end_share: float = 0.01


def _last_words(line: str) -> list[str]:
    """The words of the last punctuation-free run of ``line`` (normalised, Simplified script)."""
    segments = text_segments(fact_normalise(line))
    return jieba().lcut(segments[-1]) if segments else []


def _pair(words: list[str]) -> str:
    return " ".join(words[-2:])


class HeadlineEndings:
    """The word pairs and words that rarely end a headline, and the pairs that override a rare word."""

    def __init__(self, rare: Iterable[str], fine_pairs: Iterable[str] = ()) -> None:
        self.rare = frozenset(rare)
        self.fine_pairs = frozenset(fine_pairs)

    def __len__(self) -> int:
        return len(self.rare)

    def dangling_end(self, line: str) -> str:
        """The ending of ``line`` that headlines rarely end with (``"十九大"``), or ``""`` when it reads as ended."""
        words = _last_words(line)
        if not words:
            return ""
        if len(words) >= 2:
            pair = _pair(words)
            if pair in self.rare:
                return "".join(words[-2:])
            if pair in self.fine_pairs:
                return ""
        return words[-1] if words[-1] in self.rare else ""

    @classmethod
    def build(cls, headlines: Iterable[str], thresholds: EndingThresholds | None = None) -> HeadlineEndings:
        """Count, over ``headlines``, how often each word and word pair occurs and how often it ends one."""
        limits = thresholds or EndingThresholds()
        seen: Counter[str] = Counter()
        ending: Counter[str] = Counter()
        for headline in headlines:
            runs = [jieba().lcut(segment) for segment in text_segments(fact_normalise(headline))]
            if not runs:
                continue
            for words in runs:
                seen.update(set(words))
                seen.update({" ".join(pair) for pair in itertools.pairwise(words)})
            last = runs[-1]
            ending[last[-1]] += 1
            if len(last) >= 2:
                ending[_pair(last)] += 1
        rare_words = {
            key
            for key, count in seen.items()
            if " " not in key and count >= limits.min_word_count and ending[key] < limits.max_word_end_share * count
        }
        rare_pairs, fine_pairs = set(), set()
        for key, count in seen.items():
            if " " not in key or count < limits.min_pair_count:
                continue
            if ending[key] < limits.max_pair_end_share * count:
                rare_pairs.add(key)
            elif key.rsplit(" ", 1)[1] in rare_words:
                fine_pairs.add(key)
        return cls(rare_words | rare_pairs, fine_pairs)

    def save(self, path: str | Path) -> Path:
        """Write the lists as JSON (sorted, one file of a few hundred KB)."""
        path = Path(path)
        record = {"rare": sorted(self.rare), "fine_pairs": sorted(self.fine_pairs)}
        path.write_text(json.dumps(record, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> HeadlineEndings:
        """Read a file written by :meth:`save`."""
        record = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(record["rare"], record.get("fine_pairs", ()))


def build_headline_endings(data_dir: str | Path, thresholds: EndingThresholds | None = None) -> HeadlineEndings:
    """The endings list of the headlines/headings of every training corpus in ``data_dir``."""
    summaries = (
        record.get("summary", "")
        for name in TRAIN_FILES
        if (Path(data_dir) / "train" / f"{name}.jsonl.gz").exists()
        for record in read_jsonl(Path(data_dir) / "train" / f"{name}.jsonl.gz")
    )
    return HeadlineEndings.build(summaries, thresholds)
