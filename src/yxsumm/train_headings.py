"""Training and scoring the learnt heading detector (``yxsumm train-headings``).

Gold labels come from the ``headings`` field of the long-article corpora.  That field lists the bold
lines of the source page, so it also holds pull quotes and captions: only its *real* headings (at most
30 characters, no sentence-final punctuation) are positives, and a line the field marks otherwise is
neither rewarded nor punished by the score (in training it is a negative, like every other body line
of an article).  The field also marks every line of a bold block: song lyrics, the rows of a table, a chat
transcript quoted line by line (``- 无政府，强奸案会很多`` …).  Marked lines that stand in a run of
:data:`LIST_RUN` or more consecutive marked lines are such blocks, not section headings: they count as
"other" too (``list_runs_as_other=False`` keeps the field as it is).

``xwlb_items`` (mainland television news) has no such field, but its long items carry sub-headings as
lines of their own, and ``xwlb_sections`` of the same split lists them as the headings of its sections:
an item line that is one of those headings is a positive.  Items with sub-headings are all kept, and
as many items without any (negatives only) as there are items with them.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .chinese import SENTENCE_END
from .corpus import read_jsonl
from .heading_detector import HeadingDetector, select_headings
from .heading_features import FEATURE_NAMES, candidate_features
from .normalize import normalize_text
from .structure import Article, HeadingMode, heading_candidates, is_tail_marker, parse_article
from .tree_ensemble import train_forest

logger = logging.getLogger(__name__)

#: The corpora with heading labels, under ``DATA_DIR/{split}/`` (``xwlb_items`` through ``xwlb_sections``).
HEADING_SOURCES = ("hkcnews_articles", "oped2_articles", "xwlb_items")
#: Marked lines in a run of at least this many consecutive marked lines form a block (lyrics, table rows).
LIST_RUN = 3
#: The kinds of detector ``yxsumm train-headings`` can fit.
DETECTOR_KINDS = ("trees", "mlp")


def is_real_heading(text: str) -> bool:
    """The measure's notion of a real heading: at most 30 characters, no sentence-final punctuation.

    Page furniture that the corpora's ``headings`` field also lists (a blog's ``共享此文章：``, ``赞过：``,
    ``相关``: the share box and related posts, which the parser removes as the page's tail) is not one.
    """
    return 0 < len(text) <= 30 and text[-1] not in SENTENCE_END and not is_tail_marker(text)


@dataclass(frozen=True)
class GoldArticle:
    """An article's text and its gold headings: ``real`` ones and ``other`` marked lines (not scored)."""

    text: str
    real: frozenset[str]
    other: frozenset[str]


def marked_blocks(lines: Sequence[str], marked: set[str] | frozenset[str], min_run: int = LIST_RUN) -> set[str]:
    """The marked lines that stand in a run of at least ``min_run`` consecutive marked lines."""
    blocks: set[str] = set()
    run: list[str] = []
    for line in [*lines, None]:
        if line is not None and line in marked:
            run.append(line)
            continue
        if len(run) >= min_run:
            blocks.update(run)
        run = []
    return blocks


def read_gold(
    path: str | Path,
    limit: int | None = None,
    *,
    findable_only: bool = False,
    list_runs_as_other: bool = True,
) -> Iterator[GoldArticle]:
    """Articles of a corpus file with their gold headings.

    ``findable_only`` keeps only gold headings that stand in the text as a line of their own (corpus
    texts are cut at 6,000 characters, which drops the later headings of long articles).
    ``list_runs_as_other`` moves the marked lines of bold blocks (see the module docstring) to ``other``.
    """
    for count, record in enumerate(read_jsonl(path)):
        if limit is not None and count >= limit:
            return
        headings = [normalize_text(h) for h in record.get("headings") or []]
        real = {h for h in headings if is_real_heading(h)}
        other = {h for h in headings if not is_real_heading(h)}
        lines = normalize_text(record["text"]).split("\n")
        if list_runs_as_other:
            blocks = marked_blocks(lines, real | other) & real
            real -= blocks
            other |= blocks
        if findable_only:
            real &= set(lines)
        yield GoldArticle(record["text"], frozenset(real), frozenset(other))


def read_xwlb_gold(
    items_path: str | Path, sections_path: str | Path, limit: int | None = None
) -> Iterator[GoldArticle]:
    """``xwlb_items`` articles labelled through the section headings of ``xwlb_sections`` (see above)."""
    known = {normalize_text(record["summary"]) for record in read_jsonl(sections_path)}
    known = {heading for heading in known if is_real_heading(heading)}
    with_headings: list[GoldArticle] = []
    without: list[GoldArticle] = []
    for record in read_jsonl(items_path):
        lines = set(normalize_text(record["text"]).split("\n"))
        article = GoldArticle(record["text"], frozenset(lines & known), frozenset())
        (with_headings if article.real else without).append(article)
    chosen = with_headings + without[: len(with_headings)]
    random.Random(0).shuffle(chosen)
    yield from chosen[:limit]


def read_source(
    data_dir: str | Path,
    split: str,
    source: str,
    limit: int | None = None,
    *,
    findable_only: bool = False,
    list_runs_as_other: bool = True,
) -> Iterator[GoldArticle]:
    """The labelled articles of one source and split (``xwlb_items`` is labelled via ``xwlb_sections``)."""
    folder = Path(data_dir) / split
    if source == "xwlb_items":  # its gold headings are lines of the text by construction
        return read_xwlb_gold(folder / "xwlb_items.jsonl.gz", folder / "xwlb_sections.jsonl.gz", limit)
    return read_gold(
        folder / f"{source}.jsonl.gz", limit, findable_only=findable_only, list_runs_as_other=list_runs_as_other
    )


@dataclass
class HeadingScore:
    """Counts of a heading evaluation and the precision, recall and F1 they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[str], article: GoldArticle) -> None:
        """Count one article: predicted headings that the gold field marks as non-headings are ignored."""
        predicted = predicted - article.other
        self.tp += len(predicted & article.real)
        self.fp += len(predicted - article.real)
        self.fn += len(article.real - predicted)

    @property
    def precision(self) -> float:
        """Share of predicted headings that are gold headings."""
        return self.tp / max(self.tp + self.fp, 1)

    @property
    def recall(self) -> float:
        """Share of gold headings that were found."""
        return self.tp / max(self.tp + self.fn, 1)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return 2 * self.precision * self.recall / max(self.precision + self.recall, 1e-9)

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} (tp {self.tp} fp {self.fp} fn {self.fn})"


def predicted_headings(article: Article) -> set[str]:
    """The headings a reader sees in a parsed article: its section headings and its title."""
    predicted = {section.heading for section in article.sections if section.heading}
    if article.title:
        predicted.add(article.title)
    return predicted


def score_parser(
    articles: Iterable[GoldArticle], headings: HeadingMode = "auto", *, count_title: bool = True
) -> HeadingScore:
    """Score ``parse_article`` (the title counts as a predicted heading, as a reader would see it).

    ``count_title=False`` leaves a title that is not a gold heading unscored (section headings only:
    oped2 texts begin with the article's dek, which the parser shows as the title).
    """
    score = HeadingScore()
    for article in articles:
        parsed = parse_article(article.text, headings=headings)
        if not count_title and parsed.title and parsed.title not in article.real:
            article = GoldArticle(article.text, article.real, article.other | {parsed.title})
        score.add(predicted_headings(parsed), article)
    return score


@dataclass
class LabelledArticle:
    """The candidates of one article: their texts, feature rows and 0/1 labels."""

    gold: GoldArticle
    texts: list[str]
    features: np.ndarray
    labels: np.ndarray


def label_articles(articles: Iterable[GoldArticle]) -> list[LabelledArticle]:
    """Candidates, features and labels for each article (articles without candidates are skipped).

    Lines the gold marks as ``other`` (pull quotes, the lines of bold blocks) are negatives: whatever the
    page made bold, a reader does not want a section cut there.
    """
    labelled = []
    for article in articles:
        candidates = heading_candidates(article.text)
        if not candidates:
            continue
        texts = [c.text for c in candidates]
        labels = np.array([t in article.real for t in texts], dtype=np.float32)
        labelled.append(LabelledArticle(article, texts, candidate_features(candidates), labels))
    return labelled


def candidate_score(articles: Sequence[LabelledArticle], detector: HeadingDetector, threshold: float) -> HeadingScore:
    """Score the detector's choice of headings among the candidates (title detection left out)."""
    score = HeadingScore()
    for article in articles:
        chosen = select_headings(detector.probabilities(article.features), threshold)
        score.add({article.texts[i] for i in chosen}, article.gold)
    return score


def fit_detector(
    train: Sequence[LabelledArticle],
    *,
    hidden: int = 32,
    epochs: int = 30,
    learning_rate: float = 3e-3,
    seed: int = 0,
) -> HeadingDetector:
    """Fit a detector on labelled candidates: an MLP with ``hidden`` units, logistic regression if 0.

    Batches of 2,048 candidates; small training sets get more epochs, so that at least 500 steps run.
    """
    import torch
    from torch import nn

    torch.manual_seed(seed)
    features = torch.from_numpy(np.concatenate([a.features for a in train]))
    labels = torch.from_numpy(np.concatenate([a.labels for a in train]))
    mean = features.mean(0)
    scale = features.std(0).clamp_min(1e-3)
    inputs = (features - mean) / scale
    width = len(FEATURE_NAMES)
    network: nn.Module = (
        nn.Sequential(nn.Linear(width, hidden), nn.ReLU(), nn.Linear(hidden, 1)) if hidden else nn.Linear(width, 1)
    )
    optimizer = torch.optim.AdamW(network.parameters(), lr=learning_rate, weight_decay=1e-4)
    loss_function = nn.BCEWithLogitsLoss()
    generator = torch.Generator().manual_seed(seed)
    batches = math.ceil(len(inputs) / 2048)
    for _epoch in range(max(epochs, math.ceil(500 / batches))):
        order = torch.randperm(len(inputs), generator=generator)
        for batch in order.split(2048):
            optimizer.zero_grad()
            loss = loss_function(network(inputs[batch]).squeeze(-1), labels[batch])
            loss.backward()
            optimizer.step()
    linears = [m for m in network.modules() if isinstance(m, nn.Linear)]
    layers = tuple((m.weight.detach().numpy().copy(), m.bias.detach().numpy().copy()) for m in linears)
    return HeadingDetector(mean.numpy(), scale.numpy(), layers)


def fit_tree_detector(
    train: Sequence[LabelledArticle],
    *,
    trees: int = 800,
    leaves: int = 31,
    learning_rate: float = 0.05,
    seed: int = 0,
) -> HeadingDetector:
    """Fit a detector on labelled candidates: ``trees`` LightGBM trees on the raw features (log loss)."""
    features = np.concatenate([a.features for a in train]).astype(np.float64)
    labels = np.concatenate([a.labels for a in train])
    params = {"objective": "binary", "num_leaves": leaves, "learning_rate": learning_rate, "seed": seed}
    return HeadingDetector.from_trees(train_forest(features, labels, trees, params))


def choose_threshold(detector: HeadingDetector, dev: Sequence[LabelledArticle]) -> tuple[float, HeadingScore]:
    """The threshold with the best candidate-level F1 on ``dev`` (ties go to the higher, surer one)."""
    best: tuple[float, HeadingScore] | None = None
    for threshold in np.arange(0.2, 0.91, 0.05):
        score = candidate_score(dev, detector, float(threshold))
        if best is None or score.f1 >= best[1].f1:
            best = (round(float(threshold), 2), score)
    assert best is not None
    return best


def train_heading_detector(
    data_dir: str | Path,
    output_dir: str | Path | None,
    *,
    sources: Sequence[str] = HEADING_SOURCES,
    kind: str = "trees",
    trees: int = 800,
    hidden: int = 32,
    epochs: int = 30,
    limit: int | None = None,
    seed: int = 0,
) -> HeadingDetector:
    """Train on ``train/`` of ``sources``, pick the threshold on their ``dev/``, save to ``output_dir``.

    ``kind`` is ``"trees"`` (``trees`` boosted trees, the default) or ``"mlp"`` (``hidden`` units, trained
    for ``epochs``; 0 units: logistic regression).
    """
    if kind not in DETECTOR_KINDS:
        raise ValueError(f"unknown detector kind {kind!r}: choose one of {', '.join(DETECTOR_KINDS)}")
    started = time.monotonic()
    train = [a for source in sources for a in label_articles(read_source(data_dir, "train", source, limit))]
    dev = [a for source in sources for a in label_articles(read_source(data_dir, "dev", source))]
    random.Random(seed).shuffle(train)
    positives = int(sum(a.labels.sum() for a in train))
    logger.info(
        "%d training articles, %d candidates, %d headings (%.0f s)",
        len(train),
        sum(len(a.texts) for a in train),
        positives,
        time.monotonic() - started,
    )
    if kind == "trees":
        detector = fit_tree_detector(train, trees=trees, seed=seed)
        shape: dict[str, object] = {"trees": trees}
    else:
        detector = fit_detector(train, hidden=hidden, epochs=epochs, seed=seed)
        shape = {"hidden": hidden, "epochs": epochs}
    threshold, score = choose_threshold(detector, dev)
    detector = detector.with_threshold(threshold)
    logger.info("threshold %.2f: dev candidates %s (%.0f s)", threshold, score, time.monotonic() - started)
    if output_dir is not None:
        detector.save(
            output_dir,
            trained_on=list(sources),
            **shape,
            training_articles=len(train),
            training_headings=positives,
            dev_candidate_f1=round(score.f1, 4),
        )
    return detector
