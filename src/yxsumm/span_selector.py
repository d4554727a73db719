"""A learnt extractive headline: rank the allowed spans of the source and keep the best.

Every allowed span (clause boundaries, 4–40 characters, no sentence end inside:
:func:`yxsumm.spans.allowed_spans`) is described by the features of :mod:`yxsumm.span_ranker` and
scored by a ranker trained on the spans' ROUGE-L F1 against the gold headlines (each span of a training
text is a graded example, not only the oracle's argmax): a small MLP trained listwise, or a forest of
LightGBM LambdaRank trees run with numpy (:mod:`yxsumm.tree_ensemble`).  No decoding, and the chosen
span never invents anything.  It lives in the guard folder (``models/yxsumm-guard``), so it serves as
the fallback for any generator.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import pickle
import random
import re
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from torch import nn

from .chinese import CLOSING, HAN
from .corpus import read_pairs
from .deadline import check_time
from .english_lead import english_lead, is_english
from .errors import ModelLoadError
from .faithfulness import DIGIT_GROUP_COMMA
from .headline_endings import HeadlineEndings
from .hearsay import CONDITION_OPENER, READERS, passes_on_a_refuted_claim
from .postprocess import AND_OTHERS, MAX_HEADLINE_CHARS, QUESTION_MARKS, headline_style
from .rouge import rouge_corpus
from .span_encoder import (
    ENCODER_FEATURE_NAMES,
    ENCODER_INPUT_CHARS,
    SpanEncoder,
    cross_fitted_features,
    standardised,
)
from .span_ranker import FEATURE_NAMES, span_features
from .spans import (
    BACK_REFERENCE,
    CAUSE_FRAME,
    CLAUSE_ENDS,
    CLAUSE_MARKS,
    CLAUSE_SPLIT,
    CONSEQUENCE_OPENERS,
    COPULA_WORDS,
    CURTAIN_ENDING,
    EFFECT_OF_WHAT_CAME_BEFORE,
    MAX_SPAN_CHARS,
    MIN_HAN_CHARS,
    MIN_SHORT_SPAN_CHARS,
    MIN_SPAN_CHARS,
    MODIFIER_OPENERS,
    OWN_COMPANY_REFERENCE,
    PARTIAL_LIST_MARK,
    PRONOUN_REFERENCE,
    PURPOSE_OF_WHAT_CAME_BEFORE,
    SPEECH_OPENING,
    STRETCH_END,
    STRETCH_START,
    Span,
    allowed_spans,
    announced_article,
    asks_in_an_interview,
    clause_end,
    clause_start,
    closes_its_marks,
    company_clause_doer,
    company_of_its_report,
    cuts_a_list_of_places,
    cuts_its_setting,
    described_doer,
    doer_before_its_verb,
    doer_of_the_next_clause,
    doer_two_clauses_back,
    drop_latin_glosses,
    drop_leading_connective,
    drop_leading_done_verb,
    drop_trailing_lead_in,
    drops_its_past,
    drops_its_question,
    ends_as_a_body,
    ends_before_what_is_said,
    ends_in_a_setting,
    ends_on_a_cause,
    ends_on_a_comparison_without_its_result,
    ends_on_a_concession_or_condition,
    ends_on_a_dependent_clause,
    ends_on_a_disposal_without_its_verb,
    ends_on_a_linking_word,
    ends_on_a_listed_office,
    ends_on_a_name,
    ends_on_a_person_introduced,
    ends_on_a_purpose,
    ends_on_a_quantifier,
    ends_on_a_simile,
    ends_on_a_verb_waiting_for_its_object,
    ends_on_a_when_clause,
    ends_on_an_adverb,
    ends_on_an_exception,
    ends_on_the_first_half_of_a_pair,
    frames_what_follows,
    goes_on_as_its_noun,
    guides_named_doers,
    has_only_dependent_clauses,
    is_only_a_frame,
    is_research_group,
    lacks_a_predicate,
    leads_up_to_a_clause,
    leaves_a_phrase_open,
    leaves_its_from_open,
    leaves_its_means_open,
    list_start,
    lists_titles_before,
    match_result_headline,
    means_verb_at,
    meeting_headline,
    meeting_parts,
    mentions_a_person,
    named_after_an_office,
    named_referent,
    names_only_a_case,
    names_only_a_person,
    names_only_a_placed_topic,
    names_only_a_subject,
    names_only_its_subjects,
    names_only_the_doer,
    opens_a_dependent_clause,
    opens_with_the_copula,
    placed_doer,
    pronoun_referent,
    quoted_speaker,
    result_told_after,
    says_only_a_range,
    says_only_the_means,
    says_only_when,
    says_what_was_done,
    sentence_end_in,
    sentence_start,
    sentence_subject,
    sets_time_and_reason,
    span_f1,
    span_window,
    speaker_of_clause,
    speaker_of_subjectless,
    stops_before_its_but_also,
    stops_before_its_speech,
    stops_before_its_time_word,
    tells_a_finding,
    tells_whom_not_what,
    trim_span,
    unfit_for_headline,
    without_inner_place,
    without_its_aliases,
    without_its_channel,
    without_its_company,
    without_its_place,
    without_tables,
    word_characters,
)
from .structure import prepare_text
from .tree_ensemble import TreeEnsemble, train_forest
from .words import has_a_verb, jieba, posseg

logger = logging.getLogger(__name__)

WEIGHTS_FILE = "span_ranker.safetensors"
TREES_FILE = "span_ranker_trees.safetensors"
CONFIG_FILE = "span_ranker.json"
#: One text's span window, its allowed spans and their feature matrix (:meth:`SpanSelector.feature_matrices`).
TextSpanFeatures = tuple[str, list[tuple[int, int]], np.ndarray]
#: Subfolder of a ranker that reads the pretrained encoder's features (:mod:`yxsumm.span_encoder`).
ENCODER_FOLDER = "span_encoder"
#: Every column a ranker can read: the hand-made features, then the encoder's.
ALL_FEATURE_NAMES = FEATURE_NAMES + ENCODER_FEATURE_NAMES
#: How many of the highest-scoring spans are looked at for one that does not end in mid-phrase.
ENDING_CHOICES = 8
#: How many of the next best spans are looked at when the span taken stops short once told with its whole list.
LIST_CHOICES = 4
#: How many of the highest-scoring spans are looked at for a whole clause of headline length, when the
#: best one stays a fragment or is whole only as a clause too long for a headline.
WHOLE_CLAUSE_CHOICES = 24


class SpanRankerModel(nn.Module):
    """Feature vector of a span → score (an MLP with one hidden layer)."""

    def __init__(self, features: int, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(features, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        """One score per row of ``features``."""
        return self.net(features).squeeze(-1)


class SpanSelector:
    """Picks one headline span per text with a trained ranker (:class:`SpanRankerModel` or trees)."""

    def __init__(
        self,
        model: SpanRankerModel | TreeEnsemble,
        features: Sequence[str] = FEATURE_NAMES,
        encoder: SpanEncoder | None = None,
    ) -> None:
        """``model`` reads the columns ``features`` (names of :data:`ALL_FEATURE_NAMES`, in its order);
        the encoder's columns need ``encoder``."""
        unknown = [name for name in features if name not in ALL_FEATURE_NAMES]
        if unknown:
            raise ValueError(f"features this version does not compute: {', '.join(unknown)}")
        if encoder is None and any(name in ENCODER_FEATURE_NAMES for name in features):
            raise ValueError("a ranker that reads the encoder's features needs its encoder")
        self.model = model.eval() if isinstance(model, SpanRankerModel) else model
        self.features = tuple(features)
        self.encoder = encoder
        self._columns = np.array([ALL_FEATURE_NAMES.index(name) for name in self.features])

    @classmethod
    def load(cls, folder: str | Path) -> SpanSelector:
        """Load the ranker described by ``span_ranker.json`` in ``folder`` (MLP or trees).

        The config names the features the ranker was trained on; a ranker trained before later features
        were added reads only its own columns.
        """
        folder = Path(folder)
        try:
            config = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
            features = tuple(config["features"])
            encoder = SpanEncoder.load(folder / config["encoder"]) if config.get("encoder") else None
            if config.get("ranker", "mlp") == "trees":
                trees = TreeEnsemble.load(folder / TREES_FILE)
                if trees.features > len(features):
                    raise ValueError("its trees read more features than its config names")
                return cls(trees, features, encoder)
            model = SpanRankerModel(len(features), config["hidden"])
            selector = cls(model, features, encoder)  # refuses features this version does not compute
            model.load_state_dict(load_file(str(folder / WEIGHTS_FILE)))
            return selector
        except (OSError, KeyError, ValueError, RuntimeError) as error:
            raise ModelLoadError(f"could not load the span ranker in {folder}: {error}") from error

    def save(self, folder: str | Path) -> None:
        """Write the ranker (safetensors) and its config into ``folder``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        config: dict[str, object] = {"features": self.features}
        if self.encoder is not None:
            target = folder / ENCODER_FOLDER
            if self.encoder.folder.resolve() != target.resolve():
                shutil.copytree(self.encoder.folder, target, dirs_exist_ok=True)
            config["encoder"] = ENCODER_FOLDER
        if isinstance(self.model, TreeEnsemble):
            self.model.save(folder / TREES_FILE)
            config["ranker"] = "trees"
        else:
            save_file({k: v.contiguous() for k, v in self.model.state_dict().items()}, str(folder / WEIGHTS_FILE))
            config["hidden"] = self.model.net[0].out_features
        (folder / CONFIG_FILE).write_text(json.dumps(config, indent=1))

    def feature_matrices(self, texts: Sequence[str], tasks: Sequence[str]) -> list[TextSpanFeatures]:
        """Each text's span window, allowed spans and their :data:`ALL_FEATURE_NAMES` matrix (the
        encoder's columns are zeros without an encoder; texts are encoded in batches)."""
        found = []
        for text, task in zip(texts, tasks, strict=True):
            check_time()
            window = span_window(text)
            spans = allowed_spans(window)
            found.append(
                (window, spans, span_features(text, spans, task) if spans else np.zeros((0, len(FEATURE_NAMES))))
            )
        encoded = [np.zeros((len(spans), len(ENCODER_FEATURE_NAMES)), np.float32) for _, spans, _ in found]
        if self.encoder is not None:
            todo = [i for i, (_, spans, _) in enumerate(found) if spans]
            inputs = [encoder_input(texts[i], found[i][0]) for i in todo]
            vectors = self.encoder.vectors(inputs, [len(found[i][0]) for i in todo], [found[i][1] for i in todo])
            for i, one in zip(todo, vectors, strict=True):
                encoded[i] = self.encoder.features(one)
        return [
            (window, spans, np.concatenate([x, extra], axis=1).astype(np.float32))
            for (window, spans, x), extra in zip(found, encoded, strict=True)
        ]

    def features_and_scores(
        self, texts: Sequence[str], tasks: Sequence[str]
    ) -> tuple[list[TextSpanFeatures], list[np.ndarray | None]]:
        """:meth:`feature_matrices` and the ranker's :meth:`scores` of each text's spans (None: no spans),
        the part of :meth:`select` that does not depend on the hints."""
        matrices = self.feature_matrices(texts, tasks)
        return matrices, [self.scores(features) if spans else None for _, spans, features in matrices]

    def scores(self, features: np.ndarray) -> np.ndarray:
        """The ranker's score of each row of a span feature matrix (all of :data:`ALL_FEATURE_NAMES`)."""
        features = np.ascontiguousarray(features[:, self._columns])
        if isinstance(self.model, TreeEnsemble):
            return self.model.predict(features)
        with torch.inference_mode():
            return self.model(torch.from_numpy(features)).numpy().astype(np.float64)

    def select(
        self,
        texts: Sequence[str],
        task: str | Sequence[str] = "headline",
        endings: HeadlineEndings | None = None,
        hints: Sequence[str | None] | None = None,
        hint_weight: float | Sequence[float] = 0.0,
        matrices: Sequence[TextSpanFeatures] | None = None,
        ranker_scores: Sequence[np.ndarray | None] | None = None,
    ) -> list[Span | None]:
        """The best span of each text's first :data:`~yxsumm.spans.SPAN_WINDOW_CHARS` characters.

        Given ``endings``, the best of the :data:`ENDING_CHOICES` highest-scoring spans that does not
        end in mid-phrase (:meth:`HeadlineEndings.dangling_end`) is taken, when there is one.  Given
        ``hints`` (one line per text, such as the generator's first line) and a ``hint_weight`` above 0
        (one for all texts or one per text), a span's score is the ranker's score standardised over the
        text's spans plus ``hint_weight`` × its character ROUGE-L F1 with the hint: the span that says
        what the generator says, in the text's own words.  ``matrices``: the texts' :meth:`feature_matrices`
        when they were computed already, and ``ranker_scores`` their :meth:`scores` (neither depends on the
        hints; see :meth:`features_and_scores`).
        """
        tasks = [task] * len(texts) if isinstance(task, str) else list(task)
        hint_list = list(hints) if hints is not None else [None] * len(texts)
        weights = [hint_weight] * len(texts) if isinstance(hint_weight, int | float) else list(hint_weight)
        results: list[Span | None] = []
        if matrices is None:
            matrices = self.feature_matrices(texts, tasks)
        known = list(ranker_scores) if ranker_scores is not None else [None] * len(texts)
        rows = zip(matrices, tasks, hint_list, weights, known, strict=True)
        for (window, spans, features), one_task, hint, weight, ranked in rows:
            if is_english(window) and (lead := english_lead(window)) is not None:
                # spans of 40 characters are pieces of English sentences; a title alone has none at all
                results.append(lead)
                continue
            if not spans:
                results.append(None)
                continue
            scores = ranked if ranked is not None else self.scores(features)
            if hint and weight > 0:
                scores = standardised(scores) + weight * span_f1(window, hint, spans)
            within = MAX_HEADLINE_CHARS if one_task == "heading" else None  # headings: short, whole clauses
            chosen = _with_its_term(
                window,
                _best_readable(window, spans, scores.tolist(), endings, within, keep_subject=one_task == "headline"),
            )
            if one_task == "heading":
                # a section's line too says whose claim it prints (``以色列总理内塔尼亚胡：巴勒斯坦国不会被建立``)
                chosen = _as_said_by(window, _as_quoted(window, chosen))
            named = _named_for_its_speaker(
                window,
                _named_for_its_pronoun(
                    window,
                    _named_for_its_referent(
                        window,
                        _named_for_its_company(
                            window, _asked_as_the_text_asks(window, _marked_as_partial(window, chosen))
                        ),
                    ),
                ),
            )
            best = _with_its_result(window, named)
            results.append(_as_meeting_headline(window, best))
        return results


def encoder_input(text: str, window: str) -> str:
    """What the span encoder reads of ``text``: its span window, then the prose that follows, up to
    :data:`~yxsumm.span_encoder.ENCODER_INPUT_CHARS` characters (a heading sums up more than the window)."""
    return window + without_tables(text)[len(window) : ENCODER_INPUT_CHARS]


def _best_readable(
    window: str,
    spans: Sequence[tuple[int, int]],
    scores: Sequence[float],
    endings: HeadlineEndings | None,
    whole_clause_within: int | None = None,
    *,
    keep_subject: bool = False,
) -> Span:
    """The highest-scoring span that can read as a headline (not one that only says who reported, stops
    at a time word, is a bracketed aside or a table row: :func:`~yxsumm.spans.unfit_for_headline`; not one that
    only names a person, :func:`_names_only_a_person`; not one too short for the guard to print,
    :data:`~yxsumm.spans.MIN_SHORT_SPAN_CHARS` word characters, ``享年86岁``) and,
    given ``endings``, the best such span of the next :data:`ENDING_CHOICES` that does not end in
    mid-phrase.  A span that opens a dependent clause (``如果…``, ``当…时``) is carried on to the end of
    the next clause when it can be; one that still stops short of what it leads up to
    (:func:`_stops_short`) gives way to the best of the next spans that ends a clause and does not.
    Given ``whole_clause_within`` (section headings), a span that stays a fragment, or is whole only as
    a clause longer than that and than the ranker's first choice, gives way to the best whole clause of
    that length among the next :data:`WHOLE_CLAUSE_CHOICES`.  Spans are
    trimmed and looked at best first, only until one fits (usually the first); if none can read as a
    headline, the best span is kept.
    """
    order = sorted(range(len(spans)), key=lambda i: -scores[i])
    if order and (announced := announced_article(window)) is not None:
        # ``明天…出版的《人民日报》将发表社论，题目是《…》``: the paper's editorial and its title, as its headlines read
        return replace(announced, score=float(scores[order[0]]))

    def span_at(i: int) -> Span:
        text = drop_trailing_lead_in(
            drop_leading_connective(drop_leading_done_verb(trim_span(window[slice(*spans[i])])))
        )
        return Span(*spans[i], text, float(scores[i]))

    readable = _Seen(
        told
        for span in map(span_at, order)
        if (not unfit_for_headline(span.text) or _stands_for_what_follows(window, span))
        and not asks_in_an_interview(window, span.start, span.end)
        and not drops_its_question(window, span.start, span.end)
        and not drops_its_past(window, span.start, span.end)
        and not passes_on_a_refuted_claim(window, span.start, span.end)
        and not _labels_what_follows(window, span)
        and not _opens_inside_a_setting(window, span)
        and not _only_what_it_is_likened_to(window, span)
        and not _leaves_out_its_condition(window, span)
        and not _names_only_a_person(window, span)
        and not _speaks_for_no_one(window, span)
        and not _foreign_span(window, span)
        and not _cut_from_its_list(window, spans, span)
        and not _cut_from_a_prepositions_list(window, spans, span)
        and not _cut_from_a_verbs_list(window, spans, span)
        and not _cut_from_a_numbers_list(window, span)
        and not _cut_from_a_list_of_to_phrases(window, span)
        and not _ends_a_stretch_told_before(window, span)
        and not _names_a_listed_item_alone(window, span)
        and not _stops_on_a_listed_ordinal(window, span)
        and not (keep_subject and _opens_with_an_unnamed_person(window, span))
        and word_characters(span.text) >= MIN_SHORT_SPAN_CHARS
        and (told := _with_its_condition(window, span)) is not None
    )
    best = readable.next()
    if best is None:
        return span_at(order[0])
    if (meeting := _as_meeting_headline(window, best)) is not best:
        return meeting  # a meeting told whole: host, verb, guest
    if keep_subject:
        best = _with_its_subject(window, best, readable)
    top = best
    if leads_up_to_a_clause(best.text):
        carried = _with_main_clause(window, spans, best, span_at)
        best = carried if carried is not best else _its_consequence(window, spans, best)
    elif ends_on_a_concession_or_condition(best.text) or ends_on_the_first_half_of_a_pair(best.text):
        # ``公路隧道内一旦发生火灾事故`` + ``，其后果…``
        best = _with_main_clause(window, spans, best, span_at, needs_next_clause=True)
    elif (means_at := means_verb_at(best.text, window[best.end :])) >= 0:
        carried = _with_main_clause(window, spans, best, span_at, needs_next_clause=True)
        whole = carried is not best and _ends_a_clause(window, carried.end)
        best = carried if whole else _doer_and_deed(window, best, best.text[:means_at])
    elif names_only_the_doer(best.text, window[best.end :]):
        # a doer too long to tell with the deed is told by name (``王丙乾同志因病…在广东逝世``)
        best = _doer_and_deed(window, best, best.text, named_after_an_office(best.text))
    elif (named := _last_clause_naming_only_the_doer(window, best)) is not None:
        # ``福建省委组织部发布任前公示，出生于…的团省委副书记（主持工作）李腾`` before ``，拟任…``
        best = _doer_and_deed(window, named, named.text, named_after_an_office(named.text))
    elif doer := placed_doer(best.text, window[best.end :]):
        best = _doer_and_deed(window, best, best.text, doer)
    best = _topic_after_its_frame(window, best)
    if (
        names_only_a_case(best.text, window[best.end :])
        or _names_only_a_topic(window, best)
        or _stands_for_what_follows(window, best)
        or _is_the_subject_of_what_follows(window, best)
        or _only_sets_the_scope(window, best)
    ):
        best = _with_what_it_says_of_it(window, best)
    if _cuts_a_list(window, best):
        whole = _with_main_clause(window, spans, best, span_at)
        best = whole if whole is not best else (readable.next() or best)
    if endings is not None and endings.dangling_end(best.text):
        best = next(
            (span for span in readable.next_ones(ENDING_CHOICES - 1) if not endings.dangling_end(span.text)), best
        )
    purpose_alone = _for_a_deed_left_out(window, spans, best, span_at)
    deed = _clause_before_as_span(window, spans, best, span_at) if purpose_alone else None
    if deed is not None and not _stops_short(window, deed):
        best = deed  # ``巴瑞替尼片（商品名：艾乐明）正式获国家药监局（NMPA）批准``, not ``用于…治疗`` alone
    elif EFFECT_OF_WHAT_CAME_BEFORE.match(best.text) or purpose_alone:
        # ``引发巴勒斯坦等多国谴责`` leaves out what caused it: the next best span that reads whole, if there is one,
        # or is whole told to its clause's end (``…本-格维尔…进入耶路撒冷老城`` + ``的圣殿山``)
        told = (
            span if _ends_a_clause(window, span.end) else _told_to_clause_end(window, span, endings)
            for span in readable.next_ones(ENDING_CHOICES - 1)
            if not EFFECT_OF_WHAT_CAME_BEFORE.match(span.text) and not span.text.startswith(PURPOSE_OF_WHAT_CAME_BEFORE)
        )
        whole = (span for span in told if _ends_a_clause(window, span.end) and not _stops_short(window, span))
        best = next(whole, best)
    finished = _to_clause_end(window, spans, best, span_at, endings)
    if not _ends_a_clause(window, finished.end):
        finished = _told_to_clause_end(window, finished, endings)
    if ends_on_a_dependent_clause(finished.text):
        carried = _with_main_clause(window, spans, finished, span_at, needs_next_clause=True)
        if _ends_a_clause(window, carried.end) and not _stops_short(window, carried):
            finished = carried
    if _stops_short(window, finished):
        # ``佩斯科夫表示，针对美国总统特朗普近期宣布计划恢复核试验一事`` stops before what he said: the next best
        # span that ends a clause and says what it leads up to (``俄总统普京并未下令直接开始准备核试验``).  One whose
        # last word waits for the next (an adverb, a verb before its object, a linking word) is looked for among as
        # many as a whole clause is: the best spans may all be cuts of one sentence too long to print whole
        # (``由政府成立的…工作小组终于``, ``…终于在上月尾``…); other stops read as a headline more often than not
        # (``…开枪导致一名女子死亡`` of ``…的事件``), and a span far down the ranking less often; so does one cut
        # from the object of a verb that comes later in its clause (:func:`_cut_from_an_object_before_its_verb`).
        # (Looking as far for every span cut before the 的 of its noun also took the whole clause for
        # ``…开枪导致一名女子死亡`` and ``补肾活血汤治疗…患者``, which read as headlines: measured, not kept.)
        waits = _last_word_waits(finished.text) or _cut_from_an_object_before_its_verb(window, finished)
        choices = WHOLE_CLAUSE_CHOICES if waits else ENDING_CHOICES
        closed = (
            _to_clause_end(window, spans, span, span_at, endings)
            for span in readable.next_ones(choices - 1)
            if not (endings is not None and endings.dangling_end(span.text))
        )
        stopped = finished
        whole = (span for span in closed if _ends_a_clause(window, span.end) and not _stops_short(window, span))
        finished = _first_with_its_cause(whole) or finished
        if keep_subject and finished is not stopped:
            # the span given way to said who (``某汽车公司根据…的要求``); the one taken says it from the clause before
            finished = _with_whose_it_is(window, finished)
    widened = _with_frame_and_list(window, spans, finished, span_at)
    if widened is not finished and _stops_short(window, widened) and not _stops_short(window, finished):
        # ``发言代表或前线执法的警员`` told with its whole list opens ``无论…``: the next best span that stays whole
        others = (
            _with_frame_and_list(window, spans, _to_clause_end(window, spans, span, span_at, endings), span_at)
            for span in readable.next_ones(LIST_CHOICES)
        )
        widened = next(
            (other for other in others if _ends_a_clause(window, other.end) and not _stops_short(window, other)),
            widened,
        )
    finished = widened
    if whole_clause_within is None:
        if keep_subject and finished is not top and window.startswith(finished.text, finished.start):
            # carried on or given way to after the subject was looked for: whose statement it is, again
            # (``已与美国方面就释放…协商完毕`` of ``韩国总统办公室…通报说，``)
            finished = _as_quoted(window, finished)
        return finished
    longest = max(whole_clause_within, len(top.text))
    if _ends_a_clause(window, finished.end) and len(finished.text) <= longest:
        return finished
    # ``习近平总书记视察广东重要讲话精神以及在庆祝`` is whole only as a clause of 39 characters; the section
    # then gets ``阳西县委始终把政治建设放在加强党组织建设的首位``.
    whole_clauses = (
        span
        for span in map(
            partial(_from_its_list_start, window, spans, span_at, longest),
            map(partial(_with_its_cause, window, spans, span_at), readable.next_ones(WHOLE_CLAUSE_CHOICES - 1)),
        )
        if _ends_a_clause(window, span.end)
        and len(span.text) <= longest
        and not leads_up_to_a_clause(span.text)
        and not _says_only_the_means(window, span)
        and not ends_on_a_dependent_clause(span.text)
        and not (endings is not None and endings.dangling_end(span.text))
        and not _stops_short(window, span)
        # a topic the next clause says something of (``林唯麒的堕楼位置`` before ``，相信是…的平台``)
        and not _names_only_a_topic(window, span)
        # a doer whose deed the next clause tells (``卷入抢手机风波的民主党立法会议员许智峰`` before ``，今天向…``)
        and not names_only_the_doer(span.text, window[span.end :])
        and not EFFECT_OF_WHAT_CAME_BEFORE.match(span.text)
    )
    return next(whole_clauses, finished)


def _from_its_list_start(
    window: str, spans: Sequence[tuple[int, int]], span_at: Callable[[int], Span], longest: int, span: Span
) -> Span:
    """``span`` from the start of the list it starts inside (:func:`_with_whole_list`) when that still ends a clause
    within ``longest`` characters, else ``span`` itself: a section's whole clause ``赵乐际、王沪宁、蔡奇、丁薛祥、李希、
    韩正出席招待会``, not ``韩正出席招待会`` (a dev xwlb section of the eighty-second session), which names the last of
    six guests as if alone."""
    whole = _with_whole_list(window, spans, span, span_at)
    return whole if len(whole.text) <= longest and _ends_a_clause(window, whole.end) else span


def _with_its_cause(window: str, spans: Sequence[tuple[int, int]], span_at: Callable[[int], Span], span: Span) -> Span:
    """``span`` told with the clause before it when it only says what that clause caused
    (:data:`~yxsumm.spans.EFFECT_OF_WHAT_CAME_BEFORE`: ``大部分国家混入内乱，引发欧洲的难民危机`` for
    ``引发欧洲的难民危机``, a dev section line; since the seventy-second session), ``span`` itself otherwise."""
    if not EFFECT_OF_WHAT_CAME_BEFORE.match(span.text):
        return span
    return _with_its_frame(window, spans, span, span_at)


#: Word classes a doer told before a clause is made of: nouns and names (``研究/人员``: jieba tags 研究 a verbal
#: noun) and time words; of the pronouns only ``我国`` (``本文``, ``我们`` are no doer a headline names).
_DOER_FLAGS = ("n", "j", "t", "vn")
_DOER_PRONOUNS = frozenset(["我国"])
#: How many of the next best spans are looked at for one that keeps the subject the best span leaves behind.
SUBJECT_CHOICES = 4


def _last_word_waits(text: str) -> bool:
    """Whether ``text`` ends on a word that waits for the next: an adverb before its verb (``…工作小组终于``), a
    verb before its object or a linking word; or is only a frame that waits for its clause (``从 Twitter 和
    Instagram 等``, :func:`~yxsumm.spans.is_only_a_frame`), or ends on a quantifier before its noun
    (:func:`~yxsumm.spans.ends_on_a_quantifier`: ``…等一系列``)."""
    if ends_on_an_adverb(text) or ends_on_a_verb_waiting_for_its_object(text) or ends_on_a_linking_word(text):
        return True
    return is_only_a_frame(text) or ends_on_a_quantifier(text)


def _cut_from_an_object_before_its_verb(window: str, span: Span) -> bool:
    """Whether ``span`` stops before the 的 of a noun (:func:`_modifies_what_follows`) that is the object of a verb
    later in its clause, put first with 对 or 把 in the span's last clause: ``美国商务部周四宣布，将对英伟达（NVIDIA）
    和超威半导体（AMD）向中国出口`` before ``的部分人工智能芯片实施新的许可证要求``.  Not a cut whose noun ends the
    clause (``…开枪导致一名女子死亡`` before ``的事件``) or is the subject of what follows (``…的事件持续发酵``): such
    a cut reads as a headline more often than not."""
    if not window.startswith("的", span.end):
        return False
    opened = posseg().lcut(_last_clause(span.text), HMM=False)
    if not any(word.word in ("对", "把") and word.flag == "p" for word in opened):
        return False  # the noun is the subject of what follows (``…一名女子死亡的事件持续发酵``)
    rest = window[span.end + 1 : clause_end(window, span.end)]
    words = posseg().lcut(rest, HMM=False)
    noun_at = next((index for index, word in enumerate(words) if word.flag.startswith("n")), None)
    return noun_at is not None and any(word.flag == "v" for word in words[noun_at + 1 :])


def _first_with_its_cause(spans: Iterable[Span]) -> Span | None:
    """The first of ``spans`` that does not open with what the clause before caused (``引发多国谴责``,
    :data:`~yxsumm.spans.EFFECT_OF_WHAT_CAME_BEFORE`), else the first of them; looked at lazily."""
    fallback = None
    for span in spans:
        if not EFFECT_OF_WHAT_CAME_BEFORE.match(span.text):
            return span
        fallback = fallback or span
    return fallback


def _with_its_subject(window: str, span: Span, readable: _Seen) -> Span:
    """``span``, or when it is a predicate whose sentence names its doer before it
    (:func:`~yxsumm.spans.sentence_subject`), the best of the next :data:`SUBJECT_CHOICES` spans that names
    that doer: an article headline says who did it (``阳西县全面贯彻党的十九大精神``, not
    ``深入贯彻习近平总书记重要讲话精神``).  A research group (:func:`~yxsumm.spans.is_research_group`) is put
    before a span that says what it found (:func:`~yxsumm.spans.tells_a_finding`) when both fit in
    :data:`~yxsumm.spans.MAX_SPAN_CHARS`, and the span is kept as it is otherwise: the clause naming the
    group says how or where it published (``…在《自然》杂志发表论文``), the span what it found.  A doer too long to
    tell with the span is told by name (:func:`~yxsumm.spans.named_after_an_office`).  A titled document
    that opens the clause before the span is put before it (``《简朴房规管条例草案》将于明年3月1日起分阶段实施``);
    without a subject in the sentence, see :func:`_with_whose_it_is`."""
    subject = sentence_subject(window, span.start)
    if not subject:
        return _with_whose_it_is(window, span)
    if is_research_group(subject):
        # ``中国科学院国家天文台研究团队利用“中国天眼”FAST，首次在银河系外探测到…``: the group and what it found,
        # the means or the journal between them left out.
        told_whole = window.startswith(span.text, span.start) and tells_a_finding(span.text)
        return _prefixed(span, subject) if told_whole else span
    clause_before = window[clause_start(window, span.start - 1) : span.start]
    next_clause = (
        doer_of_the_next_clause(window, span.start) == subject
        or doer_two_clauses_back(window, span.start) == subject
        or (
            (subject.startswith("《") or _TITLED_BEFORE_NAME.search(clause_before.split(subject, 1)[0]) is not None)
            and subject in clause_before
        )
        or described_doer(clause_before.rstrip(CLAUSE_MARKS)) == subject  # ``…的…众议员约翰逊…获得…支持，``
        # ``乌克兰总统泽连斯基在与…举行记者会时，`` before ``公开承认…``: who it was then does what follows
        or (clause_before.startswith(subject) and clause_before.rstrip(CLAUSE_MARKS).endswith("时"))
    )
    if next_clause and (told := _prefixed(span, subject)) is not span:
        # ``日本央行12月3日结束…会议，宣布将短期政策利率维持在0.5%不变``: the doer and what it did.
        return told
    if next_clause and (name := named_after_an_office(subject)) and (told := _prefixed(span, name)) is not span:
        # ``许智峰今天向私隐专员发公开信「…」``: a doer too long to tell with the deed, by name
        return told
    # a span that names the doer and says something of them (not ``卷入抢手机风波的民主党立法会议员许智峰`` alone)
    return next(
        (one for one in readable.next_ones(SUBJECT_CHOICES) if subject in one.text and one.text.strip() != subject),
        span,
    )


#: An office right before a person's name in the clause before a span (``…中央军委主席`` of ``中共中央总书记、…中央军委
#: 主席习近平27日上午前往故宫博物院，``): the person named so does what the span says.
_TITLED_BEFORE_NAME = re.compile(r"(?:主席|总理|总统|总书记|部长|书记|委员长|首相|国王|省长|市长)$")


def _with_whose_it_is(window: str, span: Span) -> Span:
    """``span``, whose sentence names no doer before it, told with whose plan, deed or word it is, from the clause
    right before it: the company whose ``公司拟…`` it goes on (:func:`~yxsumm.spans.company_clause_doer`:
    ``宁德时代拟投资73.4亿欧元建设…``), the doer of a means (:func:`_with_its_means_doer`) or of the rules it acts on
    (:func:`_with_its_grounded_doer`), the speaker whose
    statement a subjectless span is (:func:`_as_quoted`) or one with its own subject (:func:`_as_said_by`);
    ``span`` itself when none is named or the line would not fit in :data:`~yxsumm.spans.MAX_SPAN_CHARS`."""
    for tell in (_with_its_company, _with_its_means_doer, _with_its_grounded_doer, _as_quoted, _as_said_by):
        told = tell(window, span)
        if told is not span:
            return told
    return span


def _clause_before(window: str, span: Span) -> str | None:
    """The clause right before ``span`` (:func:`_previous_clause`), when the span is also told as the window has it
    (not trimmed); ``None`` otherwise.  Only such a span is told with a doer or speaker from it."""
    return _previous_clause(window, span) if window.startswith(span.text, span.start) else None


def _previous_clause(window: str, span: Span) -> str | None:
    """The clause right before the place ``span`` starts at (:func:`_clause_ending_before`)."""
    return _clause_ending_before(window, span.start)


def _clause_ending_before(window: str, start: int) -> str | None:
    """The clause right before position ``start``, when a clause mark ends it there; ``None`` otherwise."""
    if start == 0 or window[start - 1] not in CLAUSE_MARKS:
        return None
    return window[clause_start(window, start - 1) : start - 1]


#: The adverb of a main clause that holds only under what the clause before it says: 才 after a condition
#: (``北约才会…``), 便 after a time (``…便一直麻烦不断`` of ``自从…之后，…``).  Not 都 after "whatever"
#: (``不论是否…，我觉得你们都可以…``): a main clause that holds whatever the case reads true alone.
_ONLY_THEN = re.compile(r"才(?:会|能|可以|可|有|得以|肯|愿意?)|便")
#: What opens or closes a condition in the clause before (``当成员国同意且条件满足时``, ``只有…``, ``…之后``).
_CONDITION = re.compile(r"只有|只要|除非|等到|直到|如果|一旦|唯有|惟有|(?:^|[“「])当|时[”」]?$|后[”」]?$")
#: What opens or closes a time after which a main clause with 便 holds.
_SINCE = re.compile(r"^(?:自从|自|从|一)|(?:后|之后|以后|以来)[”」]?$")


def _leaves_out_its_condition(window: str, span: Span) -> bool:
    """Whether ``span`` is a main clause that holds only under what the clause right before it says, left out:
    ``北约才会向乌克兰发出入约邀请`` of ``峰会公报强调“当成员国同意且条件满足时”，北约才会…`` reads as a promise."""
    found = _ONLY_THEN.search(span.text)
    if found is None or _CONDITION.search(span.text, 0, found.start()):
        return False
    before = (_previous_clause(window, span) or "").strip()
    if not before:
        return False
    if found.group().startswith("才"):
        return _CONDITION.search(before) is not None
    return _SINCE.search(before) is not None


def _with_its_condition(window: str, span: Span) -> Span | None:
    """``span`` told with the condition the clause right before it sets (``如果…``, ``若…``, ``一旦…``:
    :data:`~yxsumm.hearsay.CONDITION_OPENER`), when both fit in :data:`~yxsumm.spans.MAX_SPAN_CHARS`; ``None``
    when they do not or when the condition is set after other words of its clause (``但同意一旦大陆先成功加入``,
    :func:`_condition_start`); ``span`` itself when no condition comes right before it, when the span
    keeps itself open (:data:`_HEDGED`: ``该局可能被迫考虑暂时关闭部分机场``) or when the condition is the
    reader's (``如果你想编程，可以试用…``: advice, not a claim).  Alone, the main clause of ``如果伊朗不打开
    霍尔木兹海峡，美军将于7日猛烈轰炸伊朗的发电厂和大桥`` states a threat as a plan: 10 of the spans printed on the
    dev and test caches before this rule (fifty-eighth session) did so."""
    before = _previous_clause(window, span)
    if before is None or _HEDGED.search(span.text):
        return span
    clause = before.strip()
    at = _condition_start(clause)
    if at is None:
        return span
    if at < 0:
        return None  # ``但同意一旦大陆先成功加入``, before ``对台湾的申请有风险``: told with it, it opens mid-sentence
    condition = clause[at:]
    if READERS.match(condition, CONDITION_OPENER.match(condition).end()):
        return span
    inside = window.find(span.text, span.start, span.end)  # the span as told: maybe trimmed (``也…``)
    if inside < 0:
        return span
    start = span.start - 1 - len(before.lstrip()) + at  # the clause's mark is right before the span
    told = window[start : inside + len(span.text)].strip()
    return Span(start, span.end, told, span.score) if len(told) <= MAX_SPAN_CHARS else None


#: Words that set a condition after the first words of a clause (``但同意一旦…``), as jieba words of their own.
_INNER_CONDITION_WORDS = frozenset(["如果", "假如", "倘若", "假若", "假使", "一旦"])
#: Word classes of what may come before a clause's condition and be left out with it: conjunctions and time words
#: (``当时如果要传递复杂信息``, ``但倘若只准…``); not adverbs, as jieba tags 同意 one (``但同意一旦…``).
_BEFORE_CONDITION_FLAGS = ("c", "t")


def _condition_start(clause: str) -> int | None:
    """Where the condition ``clause`` sets starts: 0 when it opens with one (:data:`~yxsumm.hearsay.CONDITION_OPENER`),
    after the conjunctions and time words it opens with (``当时如果要传递复杂信息`` → 2); -1 when other
    words come first (``但同意一旦大陆先成功加入``: one of :data:`_INNER_CONDITION_WORDS`, as a jieba word of its own);
    ``None`` when it sets none."""
    if CONDITION_OPENER.match(clause):
        return 0
    if not any(word in clause for word in _INNER_CONDITION_WORDS):
        return None  # jieba only for a clause that may set one
    words = posseg().lcut(clause, HMM=False)
    at = next((index for index, word in enumerate(words) if word.word in _INNER_CONDITION_WORDS), None)
    if at is None:
        return None
    if all(word.flag.startswith(_BEFORE_CONDITION_FLAGS) for word in words[:at]):
        return sum(len(word.word) for word in words[:at])
    return -1


#: Words with which a main clause keeps itself open, true whatever the condition: ``可能``, ``或将``, ``考虑``.
_HEDGED = re.compile(r"可能|或将|或许|也许|考虑|恐怕|恐将|拟")


def _prefixed(span: Span, words: str) -> Span:
    """``span`` told with ``words`` before it, or ``span`` itself when the line would not fit in
    :data:`~yxsumm.spans.MAX_SPAN_CHARS`."""
    line = words + span.text
    return Span(span.start, span.end, line, span.score) if len(line) <= MAX_SPAN_CHARS else span


def _is_doer(text: str, pronouns: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` is a doer a headline can name: nouns and names (:data:`_DOER_FLAGS`) or ``pronouns``, not
    ending on a time word (``近日``)."""
    words = posseg().lcut(text, HMM=False)
    if not words or words[-1].flag == "t":
        return False
    return all(word.flag.startswith(_DOER_FLAGS) or word.word in pronouns for word in words)


def _with_its_company(window: str, span: Span) -> Span:
    """``span`` told with the company of the ``公司拟…`` clause before it and its word of intent
    (:func:`~yxsumm.spans.company_clause_doer`: ``宁德时代拟投资73.4亿欧元建设…``)."""
    company = company_clause_doer(window, span.start)
    return _prefixed(span, company) if company and _clause_before(window, span) is not None else span


def _with_its_means_doer(window: str, span: Span) -> Span:
    """``span`` with the doer of the clause before it put first, when that clause only names a doer and the
    means it uses (:func:`~yxsumm.spans.means_verb_at`) and ``span`` says what the doer did:
    ``我国成功将卫星互联网低轨18组卫星发射升空`` of ``我国在海南商业航天发射场使用长征八号甲运载火箭，成功将…``, the
    place left out when the doer can be told without it (:func:`~yxsumm.spans.placed_doer`).  The doer is
    nouns and names (:data:`_DOER_FLAGS`, not ``近日`` nor ``本文``); ``span`` itself otherwise, or when both do
    not fit."""
    before = _clause_before(window, span)
    if before is None:
        return span
    rest = window[span.start - 1 :]
    at = means_verb_at(before, rest)
    told = (placed_doer(before[:at], rest) or before[:at]) if at > 0 else ""
    return _prefixed(span, told) if _is_doer(told, _DOER_PRONOUNS) else span


#: A clause that is a doer and the rules it acts on, and nothing more: ``某汽车公司根据《…条例》…的要求``.
_GROUNDED_DOER = re.compile(
    r"(?P<doer>[^，,。；;：:《》]{2,12}?)(?:根据|按照|依据|依照)[^，,。；;：:]*(?:要求|规定|规则|办法|条例|》)"
)


def _with_its_grounded_doer(window: str, span: Span) -> Span:
    """``span`` with the doer of the clause before it put first, when that clause only names the doer and the
    rules it acts on (``某汽车公司根据《缺陷汽车产品召回管理条例》…的要求，`` before ``向国家市场监督管理总局备案了召回
    计划``): ``某汽车公司向国家市场监督管理总局备案了召回计划``.  The doer is nouns and names (:data:`_DOER_FLAGS`, and
    ``某`` before them); ``span`` itself otherwise, or when both do not fit."""
    before = _clause_before(window, span)
    grounded = _GROUNDED_DOER.fullmatch(before) if before is not None else None
    if grounded is None or not says_what_was_done(span.text) or not _is_doer(grounded["doer"].removeprefix("某")):
        return span
    return _prefixed(span, grounded["doer"])


def _as_quoted(window: str, span: Span) -> Span:
    """``span`` told as what its speaker says (:func:`~yxsumm.spans.quoted_speaker`) when the clause before it
    names one and both fit in :data:`~yxsumm.spans.MAX_SPAN_CHARS`: ``委内瑞拉代总统罗德里格斯称将努力促成…``
    for ``将努力促成…`` after ``委内瑞拉代总统罗德里格斯10日发表讲话称，``, which says neither who will nor that
    it was said.  The text's own word of speech is kept (``习近平总书记指出希望…``), ``说`` told as ``称``."""
    quoted = quoted_speaker(window, span.start)
    if quoted is None or _acts_in_its_name(quoted[0]):
        return span  # ``包河公安分局接群众报警称，在…有人跳河``: the police relay a report, they do not say it
    speaker, word = quoted
    if word == "呼吁" and span.text.startswith(_DEMANDS):
        return _prefixed(span, speaker)  # ``…段崇智要求所有外来人士即时离开中大``, not ``…呼吁要求…``
    return _prefixed(span, speaker + ("称" if word == "说" else word))


#: Verbs of demanding that say an appeal themselves: told after whoever appealed, without the 呼吁.
_DEMANDS = ("要求", "促请", "敦促", "吁请", "呼吁", "请求")


#: Word classes a speaker's name ends with: nouns, names, Latin words (``RT``).
_SPEAKER_END_FLAGS = ("n", "j", "eng")
#: Short names of media that jieba does not tag as nouns (``韩媒``).
_MEDIA_SPEAKERS = frozenset(["韩媒", "日媒", "美媒", "外媒", "俄媒", "法媒", "英媒", "德媒", "港媒", "台媒"])
#: The most characters between a speaker's name and the word of speech (``当地时间11日在耶路撒冷发表讲话时``):
#: more, and the name was cut inside a longer one.
MAX_SAYING_CHARS = 20
#: Documents that say something but are no one a headline quotes: ``报告：…``, ``公告：公司…``.
_NOT_SPEAKERS = frozenset(
    ["文章", "报告", "公告", "通知", "声明", "数据", "消息", "调查", "研究", "资料", "文件", "通报"]
)
#: A clause that only says on what grounds or on what occasion the claim after it is made (``根据…达成的共识``,
#: ``在接受采访时``): whose claim it is, the clause before it tells.
_FRAMES_A_CLAIM = re.compile(r"^(?:根据|按照|依照|依据|基于|鉴于)|^在[^，,]{1,20}(?:时|上)$")
#: A statement that quotes someone else in turn (``普京说，…``): whose claim it is, it says itself.
_NESTED_SPEECH = re.compile(r"(?:说|表示|称|指出)[，,：:]")


def _as_said_by(window: str, span: Span) -> Span:
    """``span``, a statement with its own subject, told as its speaker's (``中文大学校长沈祖尧：学生关心社会、争取公平
    公义是应该的`` of ``…，中文大学校长沈祖尧表示，学生关心社会…``) when the clause right before it names the speaker
    (:func:`~yxsumm.spans.speaker_of_clause`; or the clause before a frame of the claim, :data:`_FRAMES_A_CLAIM`:
    ``拉夫罗夫11日表示，根据俄美领导人会晤达成的共识，…``) and both fit in :data:`~yxsumm.spans.MAX_SPAN_CHARS`: a
    headline says whose claim it prints.  Not for a would-be speaker that names no one, a document, a name cut inside a
    longer one, a statement that quotes someone in turn or a noun phrase, nor a span not yet a whole clause."""
    before = _clause_before(window, span)
    if before is None or not _ends_a_clause(window, span.end):
        return span  # not whole yet: carried on to its clause's end later, where the speaker would no longer fit
    if _FRAMES_A_CLAIM.search(before) or is_only_a_frame(before):
        # ``拉夫罗夫11日表示，根据俄美领导人会晤达成的共识，乌克兰必须…``: the speaker is named before the frame
        before = _clause_ending_before(window, span.start - len(before) - 1)
        if before is None:
            return span
    if _NESTED_SPEECH.search(span.text) or (lacks_a_predicate(span.text) and not says_what_was_done(span.text)):
        return span  # ``普京说，…`` says whose it is; a noun phrase is no claim (``日本首相高市早苗的错误言论``)
    speaker = _named_speaker(before)
    if speaker and before.endswith("呼吁"):
        return _prefixed(span, f"{speaker}呼吁")  # an appeal is told as one: ``…秘书长呼吁各方保持克制``
    return _prefixed(span, f"{speaker}：") if speaker else span


def _named_speaker(clause: str) -> str:
    """The speaker ``clause`` names before its word of speech (:func:`~yxsumm.spans.speaker_of_clause`), or ``""``
    when it names no one (``简单地说``, ``广东人常说``, ``…分局接群众报警称``: the would-be name does not end in a noun,
    or has a verb), names a document (``报告``), or the name was cut inside a longer one (at ``被``, or more than
    :data:`MAX_SAYING_CHARS` before the word of speech)."""
    said = speaker_of_clause(clause)
    if said is None or said[0] in _NOT_SPEAKERS:
        return ""
    between = clause[len(said[0]) : len(clause) - len(said[1])]
    if between.startswith("被") or len(between) > MAX_SAYING_CHARS:
        return ""  # ``联合国巴勒斯坦被占领土…委员会发布报告指出``
    words = posseg().lcut(said[0], HMM=True)  # unknown names as one word (``格齐``, not ``格/齐``)
    named = words[-1].flag.startswith(_SPEAKER_END_FLAGS) or words[-1].word in _MEDIA_SPEAKERS
    return said[0] if named and not _acts_in_its_name(said[0]) else ""


def _acts_in_its_name(speaker: str) -> bool:
    """Whether the would-be name ``speaker`` has a verb of its own (``包河公安分局接群众报警``): what it says is
    what it was told, or the name was cut at a verb.  Not a name that ends as a body's (``丹麦自治领地格陵兰岛自治
    政府``: :func:`~yxsumm.spans.ends_as_a_body`), whose verbs are part of it.  Unknown names are read as one word
    (``格齐``, not ``格/齐``)."""
    if ends_as_a_body(speaker):
        return False
    return any(word.flag == "v" for word in posseg().lcut(speaker, HMM=True))


class _Seen:
    """The spans of a best-first stream, each made (trimmed, checked) once however often it is looked at."""

    def __init__(self, stream: Iterator[Span]) -> None:
        self._stream = stream
        self._taken: list[Span] = []
        self._first = 0  # spans before this index were handed out by next()

    def next(self) -> Span | None:
        """The span after those handed out so far (``None`` when none is left)."""
        ones = self.next_ones(1)
        self._first += len(ones)
        return ones[0] if ones else None

    def next_ones(self, count: int) -> list[Span]:
        """The ``count`` spans after those handed out by :meth:`next` (fewer when the stream ends)."""
        wanted = self._first + count
        self._taken.extend(itertools.islice(self._stream, max(0, wanted - len(self._taken))))
        return self._taken[self._first : wanted]


def _to_clause_end(
    window: str,
    spans: Sequence[tuple[int, int]],
    span: Span,
    span_at: Callable[[int], Span],
    endings: HeadlineEndings | None,
) -> Span:
    """``span`` carried on to where its clause ends when it stops at a word end inside the clause
    (``随着科技不断赋能我国邮政快递业，一张高效`` before ``智慧的寄递网络…``) and the clause's end is within an
    allowed span from the same start that can read as a headline and, given ``endings``, does not end in
    mid-phrase; ``span`` itself otherwise.  A span that stops inside a list of places is told with what happened
    there (:func:`_with_the_first_of_its_places`: ``…在美国纽约、洛杉矶`` + ``等地上映``)."""
    if cuts_a_list_of_places(span.text, window[span.end :]):
        return _with_the_first_of_its_places(window, span)
    if _ends_a_clause(window, span.end):
        return span
    end_of_clause = next((i for i in _longer_spans(spans, span) if _ends_a_clause(window, spans[i][1])), None)
    if end_of_clause is None:
        return span
    whole = span_at(end_of_clause)
    if unfit_for_headline(whole.text) or ends_in_a_setting(whole.text):
        return span
    return span if endings is not None and endings.dangling_end(whole.text) else whole


def _told_to_clause_end(window: str, span: Span, endings: HeadlineEndings | None) -> Span:
    """``span``, which stops inside a clause too long to take whole, told to the clause's end in headline
    style when that fits in :data:`~yxsumm.spans.MAX_SPAN_CHARS`: the clause with its time words, 了 and
    Latin glosses left out (:func:`~yxsumm.postprocess.headline_style`,
    :func:`~yxsumm.spans.drop_latin_glosses`).  ``美国太空探索技术公司（SpaceX）当地时间周四在得克萨斯州
    博卡奇卡基地`` (52 characters to its clause's end) becomes
    ``美国太空探索技术公司在得克萨斯州博卡奇卡基地进行了“星舰”第十二次综合飞行测试`` (a 了 before a quote mark stays);
    when that is still too long, the ``在…`` place the rest of the clause opens with goes too
    (:func:`~yxsumm.spans.without_its_place`), and then the channel a report was made through
    (:func:`~yxsumm.spans.without_its_channel`), and then who went along and a closing aside
    (:func:`~yxsumm.spans.without_its_company`), and the short names it gives
    (:func:`~yxsumm.spans.without_its_aliases`).  Deletions only; ``span`` itself when the clause ends outside
    the window, does not fit, would leave a quotation or title open (``…贺词中说"中国愿意在尊重网络主权``),
    cannot read as a headline, stops short of what its sentence goes on to say (:func:`_stops_short`:
    ``…取消对澳大利亚大麦的惩罚性关税后``) or, given ``endings``, ends in mid-phrase."""
    end = clause_end(window, span.end)
    if end >= len(window) or end == span.end:
        return span
    # a text trimmed at its end goes on from where it stops, not from the span's end (``…三地的比赛`` of ``…的比赛——
    # 公路自行车男子个人赛昨天``, whose dash aside was dropped, is not told as ``…的比赛（11月8日）举行``)
    at = window.find(span.text, span.start, span.end)
    goes_on_at = at + len(span.text) if at >= 0 and span.text else span.end
    rest = window[goes_on_at:end]
    told = drop_latin_glosses(headline_style(span.text + rest)).strip()
    if len(told) > MAX_SPAN_CHARS:  # ``…货船“海丰7号”进水沉没``, where it sank left out
        told = drop_latin_glosses(headline_style(span.text + without_its_place(rest))).strip()
    for shortened in _TOLD_SHORTER:  # each only while the line is still too long
        if len(told) > MAX_SPAN_CHARS:
            told = shortened(told)
    # what the clause goes on with, not the told line's length, says whether it says more: headline style may
    # make the whole clause no longer than the span (``…当地时间周四…基地进行了`` of 39 characters, told whole in 39)
    if not window[span.end : end].strip() or len(told) > MAX_SPAN_CHARS or not closes_its_marks(told):
        return span  # nothing but spaces to the clause's end, too long, or a quotation or title cut in half
    whole = Span(span.start, end, told, span.score)
    if unfit_for_headline(told) or _stops_short(window, whole):
        return span
    return span if endings is not None and endings.dangling_end(told) else whole


#: What a clause too long for a headline is told without, in turn (:func:`_told_to_clause_end`): the channel it
#: went out on (``西宁市文明办发布…《倡议书》``, 通过微信公众号… left out), who went along and a closing aside
#: (``…本-格维尔进入…圣殿山``, 在警方陪同下 and （穆斯林称…） left out), the short names it gives
#: (``…《食品召回管理办法（征求意见稿）》…``, （以下简称《办法》） left out).
_TOLD_SHORTER: tuple[Callable[[str], str], ...] = (without_its_channel, without_its_company, without_its_aliases)


def _with_its_frame(window: str, spans: Sequence[tuple[int, int]], span: Span, span_at: Callable[[int], Span]) -> Span:
    """``span`` with the clause before it when that clause frames it (:func:`~yxsumm.spans.frames_what_follows`:
    ``过去，``, ``有家长担心，``) or names who will do what ``span`` says (``…发表声明说，`` before ``将暂停…``,
    :func:`~yxsumm.spans.speaker_of_subjectless`), or what ``span`` says follows if that clause fails (``否则…``,
    :data:`~yxsumm.spans.CONSEQUENCE_OPENERS`), and an allowed span runs from that clause to ``span``'s end; ``span``
    itself otherwise (a span never leaves its sentence, and the frame may be too long to take along).  So too for
    what the clause before was done for (:data:`~yxsumm.spans.PURPOSE_OF_WHAT_CAME_BEFORE`: ``为的是…``) and what it
    caused (:data:`~yxsumm.spans.EFFECT_OF_WHAT_CAME_BEFORE`: ``引发多国谴责``)."""
    mark_at = len(window[: span.start].rstrip()) - 1
    if mark_at < 0 or window[mark_at] not in CLAUSE_MARKS:
        return span
    begin = clause_start(window, mark_at)
    while begin < mark_at and (window[begin] in CLOSING or window[begin].isspace()):
        begin += 1  # ``…社会？！」 香港移民潮…``: the quotation the sentence before closed
    clause = window[begin:mark_at]
    # ``否则将吹大房地产泡沫``, ``为的是下一代在公义国家长大``, ``引发多国谴责``
    consequence = span.text.startswith(CONSEQUENCE_OPENERS + PURPOSE_OF_WHAT_CAME_BEFORE) or bool(
        EFFECT_OF_WHAT_CAME_BEFORE.match(span.text)
    )
    if frames_what_follows(clause) or speaker_of_subjectless(clause, span.text) or consequence:
        return _reaching_back(spans, span, begin, span_at)
    return span


def _for_a_deed_left_out(
    window: str, spans: Sequence[tuple[int, int]], span: Span, span_at: Callable[[int], Span]
) -> bool:
    """Whether ``span`` opens a clause with what the clause before was done or made for
    (:data:`~yxsumm.spans.PURPOSE_OF_WHAT_CAME_BEFORE`) and that clause is too long to tell with it
    (:func:`_with_its_frame`): ``用于成人重度斑秃的系统性治疗`` of ``巴瑞替尼片（商品名：艾乐明）正式获国家药监局
    （NMPA）批准，用于…`` says neither what is used nor that it was approved."""
    before = window[: span.start].rstrip()
    if not span.text.startswith(PURPOSE_OF_WHAT_CAME_BEFORE) or not before or before[-1] not in CLAUSE_MARKS:
        return False
    return _with_its_frame(window, spans, span, span_at) is span


def _clause_before_as_span(
    window: str, spans: Sequence[tuple[int, int]], span: Span, span_at: Callable[[int], Span]
) -> Span | None:
    """The clause before ``span`` as an allowed span: the shortest that ends at the mark before ``span`` and closes
    the brackets it opens (a colon inside them parts no clause); ``None`` when there is none.  Printed in place of
    a span that only says what that clause was done for (:func:`_for_a_deed_left_out`)."""
    end = len(window[: span.start].rstrip()) - 1
    before = [(end - start, i) for i, (start, stop) in enumerate(spans) if stop == end]
    return next((told for _, i in sorted(before) if closes_its_marks((told := span_at(i)).text)), None)


def _with_frame_and_list(
    window: str, spans: Sequence[tuple[int, int]], span: Span, span_at: Callable[[int], Span]
) -> Span:
    """``span`` told with its frame (:func:`_with_its_frame`) and from the start of its list
    (:func:`_with_whole_list`)."""
    return _with_whole_list(window, spans, _with_its_frame(window, spans, span, span_at), span_at)


def _with_whole_list(window: str, spans: Sequence[tuple[int, int]], span: Span, span_at: Callable[[int], Span]) -> Span:
    """``span`` from the start of the list it starts inside (:func:`~yxsumm.spans.list_start`:
    ``我国西北地区东部、西南地区雨雪频繁`` for ``西南地区雨雪频繁``) when an allowed span runs from there to its end;
    else, a list of doers too long to tell whole, with the first of them (:func:`_with_the_first_of_its_doers`);
    ``span`` itself otherwise."""
    begin = list_start(window, span.start)
    if begin is None:
        return span
    told = _reaching_back(spans, span, begin, span_at)
    return _with_the_first_of_its_doers(window, span, begin) if told is span else told


#: The longest item of a list of doers :func:`_with_the_first_of_its_doers` reads as a name.
MAX_DOER_ITEM_CHARS = 20


def _first_word_class(text: str) -> str:
    """jieba's tag of the first word of ``text`` (``""`` for an empty text)."""
    words = posseg().lcut(text, HMM=False)
    return words[0].flag if words else ""


def _with_the_first_of_its_doers(window: str, span: Span, begin: int) -> Span:
    """``span``, which opens with the last of a list of doers that starts at ``begin`` and is too long to tell
    whole, told with the first of them and 等 in its place: ``工业和信息化部等日前发布《…行动方案》`` for
    ``市场监督管理总局日前发布《…》`` of ``工业和信息化部、市场监督管理总局日前发布…`` (a dev xwlb item of the
    eightieth session): the last item alone reads as the only doer.  Every item before must be short and have no
    verb (:data:`MAX_DOER_ITEM_CHARS`: the list is the clause's subject) and the span must open with a named doer
    and its verb (:func:`~yxsumm.spans.doer_before_its_verb`); ``span`` itself otherwise, or when the line would
    not fit in :data:`~yxsumm.spans.MAX_SPAN_CHARS`."""
    items = window[begin : span.start - 1].split("、")
    if any(not item or len(item) > MAX_DOER_ITEM_CHARS or has_a_verb(item) for item in items):
        return span
    last = doer_before_its_verb(span.text)
    if _first_word_class(items[0]) == "p" or not last:
        return span  # ``向香港特别行政区同胞、…``: no doers; ``伊斯兰合作组织发表…``: jieba names 伊斯兰 alone
    text = items[0] + AND_OTHERS + span.text[len(last) :]
    if len(text) > MAX_SPAN_CHARS:
        return span
    return Span(begin, span.end, text, span.score)


#: Where a list of places ends before what happened there (``…，澳大利亚悉尼、墨尔本等地上映``).
_END_OF_PLACES = re.compile(r"等(?:多个)?(?:地|国|城市|地区|国家)")


def _with_the_first_of_its_places(window: str, span: Span) -> Span:
    """``span``, which stops inside the list of places after its 在 (:func:`~yxsumm.spans.cuts_a_list_of_places`),
    told with what happened there: the list's 等地 and the rest of its clause after the places told so far
    (``反映…的电影《731》在美国纽约、洛杉矶等地上映`` of ``…在美国纽约、洛杉矶，加拿大渥太华、…，澳大利亚悉尼、墨尔本
    等地上映``, a dev headline of the eighty-first session); ``span`` itself when the sentence closes no such list, the
    rest has no verb or the line would not fit in :data:`~yxsumm.spans.MAX_SPAN_CHARS`."""
    closer = _END_OF_PLACES.search(window, span.end, span.end + sentence_end_in(window[span.end :]))
    if closer is None:
        return span
    end = clause_end(window, closer.end())
    rest = window[closer.end() : end]
    text = span.text + closer.group() + rest
    if not rest or not has_a_verb(rest) or len(text) > MAX_SPAN_CHARS:
        return span
    return Span(span.start, end, text, span.score)


def _after_a_listed_item(window: str, span: Span) -> bool:
    """Whether ``span`` starts right after an item of a list, after its 、."""
    return span.start > 0 and window[span.start - 1] == "、"


#: Prepositions whose object may be a list (``对新西兰、澳大利亚进行…``, ``在北京、上海举行…``, ``与英国、法国签署…``).
#: Not 为 or 于, which close frames and follow verbs (``以东耶路撒冷为首都、享有…``, ``存在于大多数国家、生活在…``).
_LIST_PREPOSITIONS = frozenset(["对", "向", "与", "同", "跟", "在", "从", "给"])


def _start_of_a_cut_list(window: str, spans: Sequence[tuple[int, int]], span: Span) -> int | None:
    """Where the clause starts whose list ``span`` starts inside, after an item's 、, when no allowed span runs from
    there to ``span``'s end (the clause cannot be told whole); ``None`` otherwise."""
    if not _after_a_listed_item(window, span):
        return None
    begin = clause_start(window, span.start - 1)
    return None if (begin, span.end) in spans else begin


def _cut_from_a_prepositions_list(window: str, spans: Sequence[tuple[int, int]], span: Span) -> bool:
    """Whether ``span`` starts after an item of a list that is the object of a preposition of its clause
    (:data:`_LIST_PREPOSITIONS`, not after a verb, no verb between) and no allowed span runs from the clause's
    start to ``span``'s end: it would print a later item as the doer of what the clause's own subject does
    (``澳大利亚进行正式友好访问`` of ``…委员长赵乐际将于11月19日至25日对新西兰、澳大利亚进行正式友好访问``); one
    that can be told from its clause's start is (:func:`_with_whole_list`: ``美国总统特朗普称正从芝加哥、洛杉矶和
    波特兰撤走国民警卫队``)."""
    begin = _start_of_a_cut_list(window, spans, span)
    if begin is None:
        return False
    words = posseg().lcut(window[begin : span.start - 1], HMM=False)
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.flag == "p" and word.word in _LIST_PREPOSITIONS:
            return not (index and words[index - 1].flag.startswith("v"))
        if word.flag.startswith(("v", "a")):
            return False
    return False


def _cut_from_a_verbs_list(window: str, spans: Sequence[tuple[int, int]], span: Span) -> bool:
    """Whether ``span`` starts after an item of a list whose clause opens with a named doer and its verb
    (:func:`~yxsumm.spans.doer_before_its_verb`) before the list's first item, and no allowed span runs
    from the clause's start to ``span``'s end: the list is what that doer acts on, and the span would print its
    last items as the doers of the verb after them (``土耳其和巴基斯坦加入美方推动的所谓“亚伯拉罕协议”`` of ``特朗普
    25日还呼吁…的沙特、卡塔尔、埃及、约旦、土耳其和巴基斯坦加入…``, a test xwlb section line of the eightieth
    session: Trump called on them to join; they had not).  Not after a verb whose object does what follows
    (:data:`_CAUSED_TO_ACT`: ``…召集了以国防部长卡茨、以军总参谋长扎米尔等多名官员讨论伊朗局势``)."""
    begin = _start_of_a_cut_list(window, spans, span)
    if begin is None:
        return False
    first_item = window[begin : window.index("、", begin, span.start)]
    if any(word in _CAUSED_TO_ACT for word in jieba().lcut(first_item, HMM=False)):
        return False  # ``内塔尼亚胡召集了以国防部长卡茨、以军总参谋长扎米尔等多名官员讨论伊朗局势``: they did discuss
    return bool(doer_before_its_verb(first_item))


#: Verbs whose object does what follows (they convene, lead or send it to do it), unlike 呼吁 or 要求, which ask;
#: jieba's words, so that 使馆 or 率先 are none of them.
_CAUSED_TO_ACT = frozenset(
    ["召集", "组织", "带领", "率领", "率", "派遣", "派", "安排", "陪同", "会同", "联合", "协同", "让", "使", "令"]
)


def _cut_from_a_list_of_to_phrases(window: str, span: Span) -> bool:
    """Whether ``span`` opens with 对 right after the 、 of a list whose item before also holds a ``对…的…`` phrase:
    the items are what a verb before them acts on, and the span is one of its objects alone (``对新疆各族干部群众的
    亲切关怀`` of ``充分体现了党中央对新疆工作的高度重视、对新疆各族干部群众的亲切关怀``, a dev xwlb section line of
    the eighty-first session)."""
    if not _after_a_listed_item(window, span) or not _opens_with_dui(posseg().lcut(span.text, HMM=False)):
        return False
    item_before = window[clause_start(window, span.start - 1) : span.start - 1]
    return re.search(r"对[^、，,。；;]+的", item_before) is not None


def _opens_with_dui(words: Sequence[Any]) -> bool:
    """Whether jieba's ``words`` open with a preposition of 对 ("towards", "on": ``对``, ``对于``), not 对 of another
    word (``对方``)."""
    return bool(words) and words[0].word.startswith("对") and words[0].flag == "p"


def _leaves_a_to_phrase_open(window: str, span: Span) -> bool:
    """Whether ``span``'s last clause, before a comma, is a 对 phrase whose verb follows
    (:func:`_to_phrase_before_its_verb`) or ends on a verb's 对 phrase with only its object
    (:func:`_verbs_to_phrase_with_only_its_object`); the clause is tagged once for both."""
    if window[span.end : span.end + 1] not in "，,":
        return False
    words = posseg().lcut(_last_clause(span.text), HMM=False)
    return _to_phrase_before_its_verb(words) or _verbs_to_phrase_with_only_its_object(words)


def _to_phrase_before_its_verb(words: Sequence[Any]) -> bool:
    """Whether jieba's ``words`` of a last clause are a ``对…的…`` or ``对…之事`` phrase, only nouns after its 的 or 之:
    the verb it leads up to follows (``对美国司法部…宣布追捕两名中国籍毒品犯罪嫌疑人之事`` before ``，表示遗憾``, a dev
    oped2 section line of the eighty-first session, says towards what, not what was done; jieba tags 表示遗憾 a
    noun)."""
    if not _opens_with_dui(words):
        return False
    joint = max((index for index, word in enumerate(words) if word.word in ("的", "之")), default=-1)
    tail = words[joint + 1 :]
    return joint > 0 and bool(tail) and all(word.flag.startswith(("n", "m", "q", "r")) for word in tail)


#: Word classes of the object of a 对 phrase: nouns and names, numerals, measure words, pronouns, distinguishing words
#: (``整个``), locatives and 的.
_TO_OBJECT_FLAGS = ("n", "m", "q", "r", "b", "j", "f", "uj")
_TO_PREPOSITIONS = frozenset(["对", "对于", "针对"])


def _verbs_to_phrase_with_only_its_object(words: Sequence[Any]) -> bool:
    """Whether jieba's ``words`` of a last clause end on a 对 phrase (``对``, ``对于``, ``针对`` and its object, nothing
    else after it) right after a verb: ``现在想要涨物业费也不容易，这意味着对整个房地产行业`` before ``，从拿地开工
    到…都要有新的配套政策`` (a dev bedtime section of the eighty-second session) says towards what and not what
    follows for it.  After anything else the last word may be the verb jieba tags a noun
    (``用分散蓝79对聚乳酸纤维染色``, test csl_dev #53, lost in ``runs/*_82d.lines``)."""
    at = max((i for i, word in enumerate(words) if word.word in _TO_PREPOSITIONS and word.flag == "p"), default=-1)
    tail = words[at + 1 :]
    after_a_verb = at > 0 and words[at - 1].flag.startswith("v")
    return after_a_verb and bool(tail) and all(word.flag.startswith(_TO_OBJECT_FLAGS) for word in tail)


#: The last of numbers listed bare before a span, each written the same way (``一、二、`` before ``三季度…``, ``1、``
#: before ``2月份…``), and the span's own first number, of up to three characters, written alike.
_BARE_NUMBER_BEFORE = re.compile(r"(?:(?<![一二三四五六七八九十两\d])[一二三四五六七八九十两]{1,3}|(?<!\d)\d{1,3})、$")
_FIRST_NUMBER = re.compile(r"[一二三四五六七八九十两]{1,3}(?![一二三四五六七八九十两])|\d{1,3}(?!\d)")


def _cut_from_a_numbers_list(window: str, span: Span) -> bool:
    """Whether ``span`` opens with the last of a list of bare numbers that share the noun after it, so that it
    gives one of them all the figures: ``三季度全社会用电量同比分别增长2.5%、4.9%和6.1%`` of ``一、二、三季度…`` (a dev
    xwlb item).  A list marker before a year is no such list (``一、2025年…``: the numbers are written differently)."""
    before = _BARE_NUMBER_BEFORE.search(window[max(0, span.start - 8) : span.start])
    first = _FIRST_NUMBER.match(window, span.start)
    return before is not None and first is not None and before.group(0)[-2].isdigit() == first.group(0).isdigit()


def _ends_a_stretch_told_before(window: str, span: Span) -> bool:
    """Whether ``span`` opens with the end of a stretch (:data:`~yxsumm.spans.STRETCH_END`) whose start the clause
    before opens with (:data:`~yxsumm.spans.STRETCH_START`: 从 or 由): ``到 2 月 6 日武汉市中心医院医生李文亮去世`` of
    ``从 1 月 20 日疫情的消息正式放开，到…``, half of a time told as if it were the news (a dev section line of the
    seventy-ninth session)."""
    if not STRETCH_END.match(span.text) or (before := _clause_ending_before(window, span.start)) is None:
        return False
    return before.lstrip().startswith(STRETCH_START)


def _names_a_listed_item_alone(window: str, span: Span) -> bool:
    """Whether ``span`` starts after an item of a list (right after 、) and has no verb: a later item cut from its
    list and named alone, ``董事长徐和谊一案`` of ``因涉及北京汽车集团有限公司原党委书记、董事长徐和谊一案，…`` (printed
    for a test bedtime_daily article).  It says nothing of what happened.  A doer the next clause tells the deed of
    (:func:`~yxsumm.spans.names_only_the_doer`: ``房屋协会主席邬满海`` before ``，将在下月6日卸任``) is told with it."""
    if not _after_a_listed_item(window, span) or names_only_the_doer(span.text, window[span.end :]):
        return False
    return not any(word.flag.startswith(_PREDICATE_FLAGS) for word in posseg().lcut(span.text, HMM=False))


#: Word classes that can say what happened: verbs, idioms and set phrases (``持续上升``), adjectives.
_PREDICATE_FLAGS = ("v", "l", "i", "a")


def _cut_from_its_list(window: str, spans: Sequence[tuple[int, int]], span: Span) -> bool:
    """Whether ``span`` starts after an item of a list (:func:`~yxsumm.spans.list_start`), counts the list's items
    in its first clause and no allowed span runs from the list's start to the end of ``span``'s clause, so that it
    could only print the rest of the list with the whole list's count: ``苏纳克和阿尔巴尼斯3人在圣迭戈…一同露面`` of
    ``拜登、苏纳克和阿尔巴尼斯3人…`` (42 characters) names two of the three.  A cut list without a count may stand
    (``市场监督管理总局发布《…》`` of ``工业和信息化部、市场监督管理总局发布…``: measured, giving way to the next span
    lost more lines than it mended).  So does a ``分别`` (each) in its first clause:
    ``李某分别因涉嫌故意杀人罪和窝藏罪`` of ``犯罪嫌疑人韩某、李某分别…`` (test lcsts #61) gives one suspect both
    charges.  Or its first clause is only the last item (no verb, or the item before's last two characters), what
    follows said of the whole list: ``全球治理倡议，得到朝方积极支持和响应`` of
    ``…提出…全球文明倡议、全球治理倡议，得到朝方积极支持和响应``."""
    first_clause = span.text[: clause_end(span.text, 0)]
    if len(first_clause) < len(span.text) and _after_a_listed_item(window, span):
        item_before = window[: span.start - 1].rsplit("、", 1)[-1]
        if first_clause.endswith(item_before[-2:]) or not has_a_verb(first_clause):  # ``全球文明倡议、全球治理倡议``
            return list_start(window, span.start) is not None
    if _COUNT_OF_PARTIES.search(first_clause) is None and "分别" not in first_clause:
        return False
    begin = list_start(window, span.start)
    return begin is not None and (begin, clause_end(window, span.end)) not in spans


def _stops_on_a_listed_ordinal(window: str, span: Span) -> bool:
    """Whether ``span`` stops on the first of a list of ordinals whose noun comes after the list: ``…签署第五十一号``
    before ``、第五十二号…主席令`` (printed as ``习近平签署第五十一号等``).  The ordinal is no thing of its own."""
    return window.startswith("、", span.end) and _LISTED_ORDINAL.search(span.text) is not None


#: An ordinal that ends a span: ``第五十一号``, ``第3条``, ``第十四届``.
_LISTED_ORDINAL = re.compile(r"第[\d一二三四五六七八九十百千零〇两]+[号条款项届次批期章节]$")
#: A count of people, countries or parties (``3人``, ``三国``, ``两方``).
_COUNT_OF_PARTIES = re.compile(r"(?:\d+|[两三四五六七八九十]+)(?:人|国|方)")


def _reaching_back(spans: Sequence[tuple[int, int]], span: Span, begin: int, span_at: Callable[[int], Span]) -> Span:
    """The allowed span from ``begin`` to ``span``'s end, or ``span`` itself when there is none or it opens with the
    copula, its subject left behind (``也是进一步全面深化改革、推动…的关键一年`` read from its list's start opens
    with 是 once 也 is dropped, printed for a dev xwlb item of the seventy-eighth session).  Other openers unfit
    for a headline are kept: the list's items cut from it read worse (``儿童互联网保护中心、警察和立法部门`` of
    ``涉及电信、…``, ``婴儿汽车座椅里的和吸尘器中的监视摄像头`` of ``包括隐藏在墓碑内的、…``: ``runs/*_78h.lines``)."""
    longer = next((i for i, (start, end) in enumerate(spans) if start == begin and end == span.end), None)
    if longer is None:
        return span
    told = span_at(longer)
    return span if opens_with_the_copula(told.text) else told


def _names_only_a_person(window: str, span: Span) -> bool:
    """Whether ``span`` only names a person or people by office (:func:`~yxsumm.spans.names_only_a_person`:
    ``观察员国蒙古国总统呼日勒苏赫`` of a list of forty guests) and the next clause does not say what they did
    (``房屋协会主席邬满海`` before ``，将在下月6日卸任`` is told with it, :func:`~yxsumm.spans.names_only_the_doer`)."""
    return names_only_a_person(span.text) and not names_only_the_doer(span.text, window[span.end :])


def _speaks_for_no_one(window: str, span: Span) -> bool:
    """Whether ``span`` opens with a word of speech (:data:`~yxsumm.spans.SPEECH_OPENING`) and no speaker can be
    put before it (:func:`_named_for_its_speaker`): ``称“民警将李某雪入院治疗情况告知了家属”`` after
    ``李某雪所在地的警方发布通报，`` says neither who said it nor that it happened, and a reader takes it for a
    line cut short."""
    opening = SPEECH_OPENING.match(span.text)
    if opening is None or not _is_whole_word(span.text, opening.end()):
        return False
    term = _previous_clause(window, span) if opening.group() == "指" else None
    if term and len(term) <= MAX_TERM_CHARS and not has_a_verb(term):
        return False  # ``地方债，指地方政府…发行的债券``: what a term means, no one's word
    return _named_for_its_speaker(window, span) is span


#: The longest term a clause that opens with ``指`` says the meaning of (``地方债，指…``).
MAX_TERM_CHARS = 8


def _stops_short(window: str, span: Span) -> bool:
    """Whether ``span`` stops before what it leads up to.  It does when:

    * it is one dependent clause or only dependent clauses (``如果…的话；因为…``) or ends in a scene-setting phrase
      (:func:`~yxsumm.spans.leads_up_to_a_clause`),
      or is only a frame (:func:`~yxsumm.spans.is_only_a_frame`);
    * its last clause is a dependent one (:func:`~yxsumm.spans.ends_on_a_dependent_clause`,
      :func:`~yxsumm.spans.ends_on_a_concession_or_condition`), an exception frame
      (:func:`_ends_on_an_exception`), the first half of a "not only … but also" pair
      (:func:`~yxsumm.spans.ends_on_the_first_half_of_a_pair`) or a person introduced before what they said
      (:func:`~yxsumm.spans.ends_on_a_person_introduced`);
    * it ends on a verb waiting for its object (:func:`~yxsumm.spans.ends_on_a_verb_waiting_for_its_object`), on an
      adverb waiting for its verb (:func:`~yxsumm.spans.ends_on_an_adverb`: ``…工作小组终于``), on a time clause
      (:func:`~yxsumm.spans.ends_on_a_when_clause`: ``会见白俄罗斯总统卢卡申科时``), on
      a comparison's standard (:func:`~yxsumm.spans.ends_on_a_comparison_without_its_result`), on a simile that
      says how the deed after it is done (:func:`~yxsumm.spans.ends_on_a_simile`: ``…像坏了的人肉录音机般``) or on
      a linking word (:func:`~yxsumm.spans.ends_on_a_linking_word`: ``…（Amartya Sen）因``);
    * it is a modifier whose noun follows (:func:`_modifies_what_follows`), says only the means to what its
      sentence goes on to say (:func:`_says_only_the_means`), stops before the locative that closes its ``在…``
      phrase (:func:`~yxsumm.spans.cuts_its_setting`), or its last clause is only the ``在…的`` noun phrase its
      sentence goes on to comment on (:func:`~yxsumm.spans.names_only_a_placed_topic`), or it tells to whom and not
      what (:func:`~yxsumm.spans.tells_whom_not_what`), or it is the first half of a question between two
      (:func:`_asks_one_of_two`), a list cut at a comma (:func:`_cuts_a_list_at_its_comma`), a 在 before a list of
      places whose verb follows (:func:`~yxsumm.spans.cuts_a_list_of_places`), a 对 phrase left open
      (:func:`_leaves_a_to_phrase_open`) or the first half of
      "the more …, the more …" (``越沉迷于社交网络`` before ``，越…``), the inside of a ``在…上`` phrase
      (:func:`_inside_a_setting`), a last clause that only labels what its colon opens (:func:`_ends_on_a_label`) or
      an adjective cut from the list of modifiers it opens (:func:`_cuts_a_list_of_modifiers`), or, before a
      comma, an object put first with 将 or 把 whose verb follows
      (:func:`~yxsumm.spans.ends_on_a_disposal_without_its_verb`), or a last clause that only says when
      (:func:`~yxsumm.spans.says_only_when`: ``…的文章说，去年12月``);
    * it stops inside its clause with a prepositional phrase left open
      (:func:`~yxsumm.spans.leaves_a_phrase_open`; whole clauses are not tested, since jieba tags many verbs that
      end them as nouns) or names only the subject of what the rest of its clause says
      (:func:`_names_only_its_subject`);
    * where its sentence goes on, it sets the time and the reason of what the sentence says
      (:func:`~yxsumm.spans.sets_time_and_reason`), leaves the means its doer acts by open
      (:func:`~yxsumm.spans.leaves_its_means_open`: ``韩国瑜凭「…」的竞选主轴`` before ``，打赢对手…``), stops where
      what was said begins
      (:func:`~yxsumm.spans.ends_before_what_is_said`), ends on what was done for (``「萝卜」为庆祝阿儿生日``,
      :func:`~yxsumm.spans.ends_on_a_purpose`) or on what the next clause, opening with 就, 便 or 才, says follows
      from it (``仅用四个带有时间戳的数据点`` before ``，就可以…重新识别出人们的身份``) or leaves a ``从…`` phrase
      open for the next clause's verb (:func:`~yxsumm.spans.leaves_its_from_open`) or is a subject an aside about
      it or a copula follows (:func:`_subject_before_what_is_said_of_it`: ``…亚裔学生`` before ``，尤其是新移民…``)
      or holds a concession whose 但 comes after it (:func:`_concedes_before_its_but`) or names only the subjects of
      what follows (:func:`~yxsumm.spans.names_only_its_subjects`, :func:`_adds_a_subject_before_its_predicate`)
      or is only a range, "from … to …"
      (:func:`~yxsumm.spans.says_only_a_range`: ``他妈妈又指，由儿子堕楼到接到校方通知`` before ``，中间相差了…``);
    * since the seventy-sixth session, its last clause only names who speaks, the word of speech right after it
      (:func:`~yxsumm.spans.stops_before_its_speech`: ``…行长古尔斯比6日`` before ``表示，…``), or, where its
      sentence goes on, it only sets the scope of what follows (:func:`_only_sets_the_scope`: ``整个湖北``) or names
      a doer whose deed is too long to tell with it (``56岁的疑犯萨尤克`` before ``，被控…等5项联邦控罪``)."""
    if ends_on_a_dependent_clause(span.text) or ends_in_a_setting(span.text) or _modifies_what_follows(window, span):
        return True
    if ends_on_a_concession_or_condition(span.text) or ends_on_a_verb_waiting_for_its_object(span.text):
        return True
    if ends_on_a_comparison_without_its_result(span.text) or ends_on_the_first_half_of_a_pair(span.text):
        return True
    if ends_on_a_simile(span.text) or ends_on_a_quantifier(span.text):
        return True  # ``韩国瑜却像坏了的人肉录音机般（…）`` before ``，只是不断重复…``; ``…等一系列`` before its noun
    if ends_on_a_linking_word(span.text) or _ends_on_an_exception(window, span) or is_only_a_frame(span.text):
        return True
    if ends_on_a_person_introduced(span.text) or ends_on_an_adverb(span.text) or ends_on_a_when_clause(span.text):
        return True
    if has_only_dependent_clauses(span.text):
        return True  # one dependent clause, or only such clauses (``如果不是升级它的话；因为这是…``)
    if _says_only_the_means(window, span) or cuts_its_setting(span.text, window[span.end :]):
        return True
    if names_only_a_placed_topic(span.text) or tells_whom_not_what(span.text, window[span.end :]):
        return True
    if _asks_one_of_two(window, span) or _cuts_a_list_at_its_comma(window, span):
        return True
    if cuts_a_list_of_places(span.text, window[span.end :]):
        return True  # ``…的电影《731》在美国纽约、洛杉矶`` before ``，加拿大渥太华…等地上映``
    if _leaves_a_to_phrase_open(window, span):
        return True  # ``对…宣布追捕两名中国籍毒品犯罪嫌疑人之事`` before ``，表示遗憾``
    if _inside_a_setting(window, span) or _ends_on_a_label(window, span) or _cuts_a_list_of_modifiers(window, span):
        return True
    if _leaves_its_modifiers_noun(window, span):
        return True  # ``柳州市是全国少有的不做大规模核酸`` before ``，只在医院做核酸的城市``
    if _THE_MORE.match(_last_clause(span.text)) and _THE_MORE_AFTER.match(window, span.end):
        return True  # ``越沉迷于社交网络`` before ``，越…``
    if window[span.end : span.end + 1] in ("，", ",") and ends_on_a_disposal_without_its_verb(span.text):
        return True  # ``该团体将各区空气污染指数`` before ``，比对各区的生活水平``
    if _ends_on_a_clause_that_only_dates(span.text):
        return True  # ``艾利森在…的文章说，去年12月`` before ``，习近平和他的团队…``
    if stops_before_its_speech(span.text, window[span.end :]):
        return True  # ``…行长古尔斯比6日`` before ``表示，…``
    if _cuts_a_prepositions_listed_object(window, span):
        return True  # ``…，该组织以公开`` before ``、开放和透明的原则，…``
    if _cuts_a_clefts_focus(window, span):
        return True  # ``最直接了当承认了美国对中共误判的是美国国家`` before ``安全事务顾问奥布莱恩…``
    if _stops_before_an_aside(window, span):
        return True  # ``这种预测性维护技术是美国国防部联合人工智能中心`` before ``(…JAIC) 迄今最具体可见的成果``
    if stops_before_its_but_also(span.text, window[span.end :]):
        return True  # ``新的开始不仅是可取的和可能的`` before ``，而且与每个人呼吸的空气一样必要``
    if stops_before_its_time_word(span.text, window[span.end :]):
        return True  # ``…知道强制用「安心出行」`` before ``后，他和员工投票决定不用``
    if _ends_a_clause(window, span.end):
        goes_on = window[span.end : span.end + 1] in CLAUSE_MARKS
        return (
            goes_on
            and (
                sets_time_and_reason(span.text)
                or ends_before_what_is_said(span.text)
                or ends_on_a_purpose(span.text)
                or ends_on_a_cause(span.text, window[span.end :])
                or _THEN_AFTER.match(window, span.end) is not None
                or leaves_its_from_open(span.text, window[span.end :])
                or leaves_its_means_open(span.text)  # ``韩国瑜凭「…」的竞选主轴`` before ``，打赢对手…``
                or _subject_before_what_is_said_of_it(window, span)
                or _likens_before_what_is_alike(window, span)  # ``区议员跟很多市民一样`` before ``，都要等…``
                or says_only_a_range(span.text)
                or _concedes_before_its_but(window, span)  # ``…虽然没有关闭中转，号称…`` before ``，但…``
                or names_only_its_subjects(span.text, window[span.end :])  # ``…，中国以至香港特区政府`` + ``，是否…``
                or _adds_a_subject_before_its_predicate(span)  # ``…，而且网站的服务器…的方式`` + ``，也都是…``
                or _only_sets_the_scope(window, span)
                # ``美国的一项研究发现，有法定带薪病假政策的州`` before ``，可让流感疫情的传播减少 40%``
                or _names_only_a_topic(window, span)
                or _only_before_or_after_an_event(span.text)
                or guides_named_doers(_last_clause(span.text))  # ``天津、河北以…为抓手`` before ``，…``
                # a doer whose deed is too long to tell with it (``56岁的疑犯萨尤克`` before ``，被控…等5项联邦控罪``)
                or names_only_the_doer(span.text, window[span.end :])
            )
        )
    if window.startswith("、", span.end) and (
        ends_on_a_cause(span.text, window[span.end :])  # ``南韩前总统李明博因涉嫌贪污`` before ``、贿赂及逃税，…被捕``
        or ends_on_a_listed_office(span.text)  # ``…邀请，中共中央政治局常委`` before ``、中央纪委书记李希将于…``
    ):
        return True
    return leaves_a_phrase_open(span.text) or _names_only_its_subject(window, span)


#: A bracketed aside right after a span (spaces around it allowed), up to a clause's length: ``(Joint AI Centre，
#: 以下简称 JAIC)``.
_BRACKETED_ASIDE = re.compile(r"[ 　]*[（(][^（()）\n]{1,60}[)）][ 　]*")


def _cuts_a_prepositions_listed_object(window: str, span: Span) -> bool:
    """Whether ``span`` stops at the 、 of a list that is the object of a preposition in its last clause, with no verb
    after the preposition: ``印度及巴基斯坦均已加入…「上海合作组织」，该组织以公开`` before ``、开放和透明的原则，
    奉行…`` (a dev hkcnews section of the eighty-second session, printed with a 等 after ``以公开``) leaves the phrase
    open."""
    if not window.startswith("、", span.end):
        return False
    words = posseg().lcut(_last_clause(span.text), HMM=False)
    at = max((i for i, word in enumerate(words) if word.flag == "p"), default=-1)
    return 0 <= at < len(words) - 1 and not any(word.flag.startswith("v") for word in words[at + 1 :])


def _cuts_a_clefts_focus(window: str, span: Span) -> bool:
    """Whether ``span``'s last clause is a cleft, ``…的是…`` ("the one who … is …"), and ``span`` stops inside its
    clause, cutting the focus the cleft names: ``最直接了当承认了美国对中共误判的是美国国家`` before
    ``安全事务顾问奥布莱恩…发表的第一篇檄文`` (a dev hkcnews headline of the eighty-second session) names neither."""
    return "的是" in _last_clause(span.text) and not _ends_a_clause(window, span.end) and not span.text.endswith("的是")


def _stops_before_an_aside(window: str, span: Span) -> bool:
    """Whether ``span``'s last clause says with a copula what something is and stops before a bracketed aside after
    which its clause goes on: ``这种预测性维护技术是美国国防部联合人工智能中心`` before `` (Joint AI Centre，以下简称
    JAIC) 迄今最具体可见的成果`` (a dev oped2 headline of the eighty-second session) says the technique is the centre.
    An aside that closes the clause (``…《意见》（以下简称《意见》）``, then ``，``) does not; nor does a clause
    without a copula, cut but true (``TikTok收到欧盟方面开出的一笔3.45亿欧元`` before ``（折合…）的罚款``: giving way
    to the next span lost five test lines that read worse, ``runs/*_82c.lines``)."""
    aside = _BRACKETED_ASIDE.match(window, span.end)
    if aside is None or aside.end() >= len(window):
        return False
    if window[aside.end()] in CLAUSE_ENDS or window[aside.end()].isspace():
        return False
    return any(word.word in COPULA_WORDS for word in posseg().lcut(_last_clause(span.text), HMM=False))


#: A next clause that says what follows from the one before: ``，就可以…``, ``，便…``, ``，才…`` (not ``，就是…``, which
#: says what the clause before is).
_THEN_AFTER = re.compile(r"[，,]\s*(?:就|便|才)(?!是)")


def _ends_on_an_exception(window: str, span: Span) -> bool:
    """Whether ``span``'s last clause is an exception frame (:func:`~yxsumm.spans.ends_on_an_exception`), its
    ``除了`` read in the window when the span starts after it: ``时间和地点的信息外`` of ``除了通过…来证实有关某项
    内容的日期、时间和地点的信息外，您还可以…`` names only what is set apart."""
    return ends_on_an_exception(window[clause_start(window, span.start) : span.end])


def _inside_a_setting(window: str, span: Span) -> bool:
    """Whether ``span`` is the inside of a ``在…上/中`` phrase, 在 right before it and the locative right after
    (``正在马来西亚吉隆坡举行的…会议`` of ``在正在…举行的…会议上，我国…``): it names where, not what."""
    return span.start > 0 and window[span.start - 1] == "在" and _LOCATIVE_AFTER.match(window, span.end) is not None


#: A locative that closes a ``在…`` phrase right after a span.
_LOCATIVE_AFTER = re.compile(r"(?:上|中|里|内|期间|之际|时)")
#: The noun and locative that close a ``在…`` frame of conditions (``…等原则下``, ``…的前提下``, ``…的基础上``).
_SETTING_CLOSER = re.compile(r"(?:原则|前提|基础|情况|背景|条件|框架|形势|名义)(?:之)?(?:下|上|中)")


def _only_what_it_is_likened_to(window: str, span: Span) -> bool:
    """Whether ``span`` ends a clause that opens with "like" (``就像``, ``如同``…) and closes with ``那样`` or
    ``一样``: it is only what the clause before is likened to (``大流感病毒、埃博拉这些…的病毒那样`` of
    ``新型冠状病毒会销声匿迹，就像 SARS、鼠疫、…的病毒那样``, a dev section line of the seventy-sixth session)."""
    if _LIKENED_END.search(span.text) is None:
        return False
    return _LIKE_OPENING.match(window[clause_start(window, span.start) : span.end].strip()) is not None


#: A clause that opens with "like", and one that closes a comparison (``就像…那样``, ``如同…一般``).
_LIKE_OPENING = re.compile(r"(?:就|正|恰|好)?(?:像|如同|犹如|仿佛|好似)|正如")
_LIKENED_END = re.compile(r"(?:那样|一样|这样|似的|一般|般)$")


def _opens_inside_a_setting(window: str, span: Span) -> bool:
    """Whether ``span``'s first clause closes a ``在…下`` frame its sentence opened before it (``维护网络安全等原则下
    深化…国际合作`` of ``…愿意在尊重网络主权，维护网络安全等原则下深化…``): it starts in the middle of the frame,
    without its subject or its 在."""
    first = window[span.start : clause_end(window, span.start)]
    closer = _SETTING_CLOSER.search(first)
    if closer is None or "在" in first[: closer.start()]:
        return False
    before = window[sentence_start(window, span.start) : span.start]
    opened = before.rfind("在")
    return opened >= 0 and _SETTING_CLOSER.search(before, opened) is None


def _ends_on_a_label(window: str, span: Span) -> bool:
    """Whether ``span``'s last clause, with no verb of its own, stops right before a colon that opens a list or what
    it introduces (``市场基本面稳健，8个主要产油国`` before ``：沙特阿拉伯、俄罗斯…的代表决定…``).  A span of one clause
    is a label already (:func:`_labels_what_follows`)."""
    if window[span.end : span.end + 1] not in _COLONS or not any(mark in span.text for mark in CLAUSE_MARKS):
        return False
    return not says_what_was_done(_last_clause(span.text))


#: The first and the second half of "the more …, the more …" (``越沉迷于社交网络，越…``).
#: The first half of "the more …, the more …", after a subject of up to four characters (``自我越安静``; since the
#: seventy-fifth session), and the second half, up to sixteen characters into the next clause (``，你会越渴望…``,
#: ``，实际达到目标的可能性就越高``).
_THE_MORE = re.compile(r"[^，,。！？]{0,4}?(?:越|愈)(?!南|剧|野|狱|过|来|发)")
_THE_MORE_AFTER = re.compile(r"[，,]\s*[^，,。！？]{0,16}?(?:越|愈)(?!南|剧|野|狱|过|来|发)")


#: A word or character that dates (``去年``, ``12月``), as against an amount alone (``8,300亿元``).
_DATING = re.compile(r"[年月日号周]|去年|今年|明年|昨天|今天|明天|上午|下午|晚上|凌晨")


def _ends_on_a_clause_that_only_dates(text: str) -> bool:
    """Whether ``text`` has more than one clause and its last one only says when (:func:`~yxsumm.spans.says_only_when`
    and a dating word: ``艾利森在…的文章说，去年12月``); the comma of a number's digit groups parts no clauses
    (``…骗取银行贷款逾1,200万元``)."""
    clauses = CLAUSE_SPLIT.split(DIGIT_GROUP_COMMA.sub("", text))
    return len(clauses) > 1 and _DATING.search(clauses[-1]) is not None and says_only_when(clauses[-1].strip())


#: A short clause that only says before or after what (``大地震前``, ``疫情之后``).
_BEFORE_OR_AFTER = re.compile(r"^[^，,；;：:]{1,8}?(?:之前|以前|前|之后|以后|过后|后|期间)$")


def _only_before_or_after_an_event(text: str) -> bool:
    """Whether the last clause of ``text`` only says before or after which event, with no verb
    (:data:`_BEFORE_OR_AFTER`): ``大地震前`` before ``，日本东北原本就面临人口减少问题`` sets the time of what
    follows (a dev section line of the seventy-seventh session)."""
    last = _last_clause(text)
    return _BEFORE_OR_AFTER.match(last) is not None and not has_a_verb(last[:-1].rstrip("之以过"))


def _last_clause(text: str) -> str:
    """The last clause of ``text``."""
    return CLAUSE_SPLIT.split(text)[-1].strip()


#: The second half of a question between two (``，还是中国的国家安全大？``), up to its question mark.
_OTHER_OF_TWO = re.compile(r"[，,]\s*还是[^。！!？?\n]*[？?]")


def _asks_one_of_two(window: str, span: Span) -> bool:
    """Whether ``span`` is the first half of a question between two that its sentence goes on to ask:
    ``习近平的个人安全大`` of ``习近平的个人安全大， 还是中国的国家安全大？`` reads as a claim."""
    return _OTHER_OF_TWO.match(window, span.end) is not None


#: A comma and the word that adds the last item of a list (``，及著名航天学者…``).
_LIST_GOES_ON = re.compile(r"[，,]\s*(?=及|以及)")
#: Not 与 or 和, which after a comma more often open a phrase of their own (``，与普通包装材料相比``).
_LAST_ITEM_WORDS = frozenset(["及", "以及"])


#: What opens an aside about the clause before, a noun phrase whose predicate comes after the aside: ``，尤其是…``.
_ASIDE_AFTER = re.compile(r"[，,]\s*(?:尤其是|尤其|特别是|包括|其中)")


#: A copula after a comma, which says what the noun phrase before the comma is: ``，是短期内快速增长的规模``.  Not
#: 是否 (whether), nor 也是, 还是 (also is: ``中环爱丁堡广场造势大会，也是…拍板决定的事``, a noun phrase that names
#: its topic whole).
#: Adverbs of degree or manner may stand before the copula (``沽苏区的8宗`` before ``，干脆全部都是低密度宅地``; since
#: the eightieth session), and so may "in essence", "in fact" (``这个在美国建立起庞大分销网络的毒贩`` before
#: ``，本质上是一个中间商``; since the eighty-first), and "not only" (``余老师给我的感觉`` before
#: ``，不仅是谦谦君子，更是…``; since the eighty-second).
_COPULA_AFTER = re.compile(
    r"[，,]\s*(?:就|则|便|正|干脆|全部|全都|全|都|均|大多|大都|多|主要|其实|原来|竟然|几乎|本质上|实际上|事实上"
    r"|不仅|不但|不只|不单)*是(?!否)"
)


def _subject_before_what_is_said_of_it(window: str, span: Span) -> bool:
    """Whether ``span``'s last clause says nothing itself (:func:`_says_nothing_itself`) and its sentence goes on,
    after a comma, with an aside about it (:data:`_ASIDE_AFTER`) or a copula that says what it is
    (:data:`_COPULA_AFTER`): the clause is a subject whose predicate follows (``…表示，亚裔学生`` before ``，尤其是
    新移民一般擅长用笔来表达``, a dev section line of the seventy-second session; ``此类模式的隐患之二`` before
    ``，是短期内快速增长的规模``, one of the seventy-ninth).  A last clause that ends on 的 before the copula is
    the subject of a cleft however much it says (``堪与2012年薄熙来与令计划事件媲美的`` before ``，是…「丑闻炸弹」``,
    "what matches … is …"; since the eightieth session)."""
    copula_after = _COPULA_AFTER.match(window, span.end) is not None
    if _ASIDE_AFTER.match(window, span.end) is None and not copula_after:
        return False
    clause = _last_clause(span.text)
    if copula_after and (clause.rstrip().endswith("的") or _is_a_noun_phrase(clause)):
        return True  # a noun phrase with its verbs before its 的 (``这个在美国建立起庞大分销网络的毒贩``)
    return _says_nothing_itself(clause)


#: A last clause that likens its subject to something (``区议员跟很多市民一样``, ``如每年流感一样``).
_LIKENING_CLAUSE = re.compile(r"(?:跟|和|与|同|像|如|好像|就像|犹如)[^，,。；;！!？?]{1,20}(?:一样|一般|似的)$")
#: What the next clause says of both sides of the likeness: ``，都要…``, ``，也…``.
_ALIKE_AFTER = re.compile(r"[，,]\s*(?:都|也|亦|同样|一样|均)")


def _likens_before_what_is_alike(window: str, span: Span) -> bool:
    """Whether ``span``'s last clause likens its subject to something (:data:`_LIKENING_CLAUSE`) and the next clause of
    its sentence says what both do (:data:`_ALIKE_AFTER`): ``区议员跟很多市民一样`` before ``，都要等卫生署新闻稿…``
    (a dev section headline of the eightieth session) only says that they are alike, not in what.  ``香港与新加坡
    一样`` ending its sentence, or before a clause of its own, says something whole."""
    return (
        _LIKENING_CLAUSE.search(_last_clause(span.text).rstrip()) is not None
        and _ALIKE_AFTER.match(window, span.end) is not None
    )


#: A concession's opener inside a span (``日韩两国虽然没有关闭中转``).
_CONCEDING = re.compile(r"虽然|尽管|虽")
#: The main clause after a concession, opened after a comma (``，但对中国乘客转机有诸多具体限制``).
_BUT_AFTER = re.compile(r"[，,]\s*(?:但|却|可是|然而|不过)")


def _concedes_before_its_but(window: str, span: Span) -> bool:
    """Whether ``span`` holds a concession (:data:`_CONCEDING`) and what comes right after it opens the main clause
    with 但 or the like (:data:`_BUT_AFTER`): the span tells only what is conceded, its clauses after the opener
    included (``日韩两国虽然没有关闭中转，号称有 8 条到 9 条中国航线`` before ``，但对中国乘客转机有诸多具体
    限制``, a dev oped2 section line of the eighty-first session)."""
    return _CONCEDING.search(span.text) is not None and _BUT_AFTER.match(window, span.end) is not None


#: Conjunctions that add a second subject and its predicate to a sentence (``…不仅躲在日本，而且网站的服务器…``).
_ADDING_A_SUBJECT = frozenset(["而且", "并且"])


def _adds_a_subject_before_its_predicate(span: Span) -> bool:
    """Whether ``span``'s last clause opens with 而且 or 并且 and is only a noun phrase after it
    (:func:`_is_a_noun_phrase`), its sentence going on (checked by the caller): the noun phrase is the subject of
    the next clause (``这些网站的运营者不仅躲在日本，而且网站的服务器乃至这些运营者和偷拍者联络的方式`` before
    ``，也都是通过…``, a dev bedtime headline of the eighty-first session)."""
    last = _last_clause(span.text)
    words = posseg().lcut(last, HMM=False)
    if not words or words[0].word not in _ADDING_A_SUBJECT:
        return False
    return _is_a_noun_phrase(last[len(words[0].word) :].lstrip())


def _is_a_noun_phrase(clause: str) -> bool:
    """Whether ``clause`` is a noun phrase (:func:`~yxsumm.spans.lacks_a_predicate`) with no copula of its own: the
    copula of ``显微镜计数法是…最常用的经典方法`` (before ``，是…的基本方法``, a test csl line) says what it is."""
    return lacks_a_predicate(clause) and not any(word.word == "是" for word in posseg().lcut(clause, HMM=False))


def _says_nothing_itself(clause: str) -> bool:
    """Whether jieba finds no verb, adjective, idiom, preposition or adverb in ``clause``: a preposition or an adverb
    opens a predicate jieba may not tag (``美军方正向中东地区增派…``: 增派 a noun)."""
    words = posseg().lcut(clause, HMM=False)
    return not any(word.flag.startswith((*_PREDICATE_FLAGS, "p", "d")) for word in words)


def _only_sets_the_scope(window: str, span: Span) -> bool:
    """Whether ``span`` is one short clause (at most :data:`MAX_SCOPE_CHARS` characters) with no verb, adjective,
    preposition or adverb, before a comma and a clause that says what was done: it sets where or of what the
    sentence speaks (``整个湖北`` before ``，只有武汉是新一线城市``, a dev headline of the seventy-sixth session) and
    says nothing itself.  Not talks (``习近平会见苏林``: jieba tags 会见 a noun)."""
    text = span.text.strip()
    if len(text) > MAX_SCOPE_CHARS or any(mark in text for mark in CLAUSE_MARKS) or _MEETING_IN.search(text):
        return False
    if window[span.end : span.end + 1] not in ("，", ","):
        return False
    if not _says_nothing_itself(text):
        return False
    told = window[span.end + 1 : clause_end(window, span.end + 1)].strip()
    if not told or ends_in_a_setting(told) or is_only_a_frame(told):
        return False  # ``两则户口新闻`` before ``，在上海…论坛上``
    # ``狗狗的乐天`` before ``，或者不管怎么说，它们的巨大热情``: a list goes on, nothing is said of it yet
    return not told.startswith(_MORE_OF_THE_LIST) and says_what_was_done(told)


#: Words that open a clause going on with the list or the alternatives of the clause before.
_MORE_OF_THE_LIST = ("或者", "或是", "或", "还是", "以及", "及", "和", "与", "不管", "无论", "而且", "并且")


#: The longest clause :func:`_only_sets_the_scope` reads as the scope of its sentence.
MAX_SCOPE_CHARS = 6


def _cuts_a_list_at_its_comma(window: str, span: Span) -> bool:
    """Whether ``span`` ends on a noun or a name and its sentence goes on, after a comma, with the last item of
    the same list and then the verb the list leads up to: ``张翔获科技大学前校长朱经武`` of ``…朱经武，及著名
    航天学者…杨祖佑推荐``.  Not a list that is an object already told with its verb (``俄军打击了…燃料库`` before
    ``，以及…临时部署点等``), nor a comma before a word that only starts so (``及时``)."""
    after = _LIST_GOES_ON.match(window, span.end)
    if after is None:
        return False
    rest = posseg().lcut(window[after.end() : clause_end(window, after.end())], HMM=False)
    if not rest or rest[0].word not in _LAST_ITEM_WORDS or rest[-1].flag != "v":
        return False
    words = posseg().lcut(span.text, HMM=True)  # unknown names as one word
    return bool(words) and words[-1].flag.startswith(("n", "j"))


def _names_only_its_subject(window: str, span: Span) -> bool:
    """Whether ``span`` is only the noun phrase (:func:`~yxsumm.spans.lacks_a_predicate`) that the rest of its
    clause, with a verb of its own, says something of: ``一艘载有12名船员的巴拿马籍货船“海丰7号”`` before
    ``在福建平潭东北约18海里处海域进水沉没``, or a name of nouns only (:func:`_only_names_a_body`); not an item of
    a list that goes on (``…主席雷张慎佳等`` before ``、``).  A bracketed aside right after it is looked past: a noun
    before it names the subject still (``港台英文台长及烽烟节目Backchat的主持蔡浩然`` before ``（Hugh Chiverton，又名
    许卓图）超过两星期突然无再出现在Backchat``)."""
    aside = _ASIDE_AT.match(window, span.end)
    if aside is not None:
        rest = window[aside.end() : clause_end(window, aside.end())]
        return HAN.match(rest) is not None and ends_on_a_name(span.text) and says_what_was_done(rest)
    rest = window[span.end : clause_end(window, span.end)]
    if rest.startswith("、") or not (lacks_a_predicate(span.text) or _only_names_a_body(span.text, rest)):
        return False
    return says_what_was_done(rest)


#: A bracketed aside (an alias, a name in another script) of up to 40 characters.
_ASIDE_AT = re.compile(r"[（(][^（()）]{1,40}[）)]")


#: Word classes of a body's name: nouns, names, abbreviations, distinguishing words and nouns made of verbs
#: (``服务`` of ``香港药学服务基金``).
_NAME_OF_A_BODY_TAGS = ("n", "j", "b", "vn")


def _only_names_a_body(span: str, rest: str) -> bool:
    """Whether ``span``, cut inside its clause (``rest`` goes on at once), is only a name made of nouns:
    ``香港药学服务基金`` before ``联同善长及药厂推出「艾立布林资助计划」``."""
    if not rest or not HAN.match(rest) or any("A" <= ch <= "z" for ch in span):
        return False
    words = posseg().lcut(span, HMM=False)
    return (
        len(words) >= 2
        and words[-1].flag.startswith("n")
        and all(word.flag.startswith(_NAME_OF_A_BODY_TAGS) for word in words)
    )


def _says_only_the_means(window: str, span: Span) -> bool:
    """Whether ``span`` only says by what means its subject does what the next clause of its sentence says
    (:func:`~yxsumm.spans.says_only_the_means`); of a span of several clauses, its last one says it
    (``国家药品监督管理局12月3日发布消息，近日通过优先审评审批程序`` before ``，附条件批准…``)."""
    last = CLAUSE_SPLIT.split(span.text)[-1]
    return bool(last) and says_only_the_means(last, window[span.end :])


def _last_clause_naming_only_the_doer(window: str, span: Span) -> Span | None:
    """The last clause of ``span``, a span of several clauses, when it only names the person whose deed the next
    clause says (:func:`~yxsumm.spans.names_only_the_doer`): ``出生于1984年11月的团省委副书记（主持工作）李腾`` of
    ``福建省委组织部发布任前公示，…李腾`` before ``，拟任省级群团机关正厅长级职务`` (a dev headline; since the
    seventy-fifth session).  ``None`` otherwise."""
    cut = max(span.text.rfind(mark) for mark in CLAUSE_MARKS)
    if cut <= 0 or not window.startswith(span.text, span.start):
        return None
    last = span.text[cut + 1 :]
    if not last.strip() or not names_only_the_doer(last, window[span.end :]):
        return None
    return Span(span.end - len(last), span.end, last, span.score)


def _doer_and_deed(window: str, span: Span, doer: str, short_doer: str = "") -> Span:
    """``span``, which only names ``doer`` (:func:`~yxsumm.spans.names_only_the_doer`) or says by what means
    ``doer`` acts (:func:`_says_only_the_means`), told as ``doer`` and the next clause, which says what was
    done (``中国科学院国家天文台研究团队首次在银河系外探测到一例罕见的快速射电暴重复源``, the ``利用“中国天眼”FAST``
    between them left out), or as the next clause alone when the doer does not fit or is not named;
    ``span`` itself when the next clause is too short, too long or has no verb of its own.  ``short_doer``
    is told instead of ``doer`` when only it fits (``考古工作者新发现一处商代晚期大型夯土建筑基址``, the place
    between them left out)."""
    begin = span.end + 1
    end = clause_end(window, begin)
    deed = window[begin:end].strip()
    if _only_when_and_where(deed) and window[end : end + 1] in ("，", ","):
        # ``…会长方仲贤，昨晚在深水埗鸭寮街一带排档，购买…后被…截查及拘捕``: the deed is in the clause after
        begin = end + 1
        end = clause_end(window, begin)
        deed = window[begin:end].strip()
    if not MIN_SPAN_CHARS <= len(deed) <= MAX_SPAN_CHARS or not says_what_was_done(deed):
        return span
    told = next((d for d in (doer, short_doer) if len(d) >= 2 and len(d) + len(deed) <= MAX_SPAN_CHARS), "")
    if not told:
        return Span(begin, end, deed, span.score)
    return Span(span.start, end, told + deed, span.score)


def _only_when_and_where(clause: str) -> bool:
    """Whether ``clause`` opens with a time or 在 and has no verb of its own: it only says when and where
    (``昨晚在深水埗鸭寮街一带排档``)."""
    words = posseg().lcut(clause, HMM=False)
    opens = bool(words) and (words[0].flag.startswith("t") or words[0].word in ("在", "于"))
    return opens and not says_what_was_done(clause)


def _topic_after_its_frame(window: str, span: Span) -> Span:
    """``span``'s last clause when the clauses before it are only a cause or a setting (:data:`~yxsumm.spans.
    CAUSE_FRAME`, :func:`~yxsumm.spans.ends_in_a_setting`) and it only names a topic the next clause says something
    of (:func:`~yxsumm.spans.names_only_a_subject`): ``原定于12月6日至7日举行的普通高中学业水平合格性考试`` of
    ``受强寒潮和暴雪天气影响，原定于…考试`` before ``，在哈尔滨、绥化、伊春三市推迟举行``, to be told with what happened
    to it; ``span`` itself otherwise."""
    cut = max(span.text.rfind(mark) for mark in CLAUSE_MARKS)
    if cut <= 0 or not window.startswith(span.text, span.start):
        return span
    frame, last = span.text[:cut].strip(), span.text[cut + 1 :].strip()
    framed = CAUSE_FRAME.fullmatch(frame) is not None or (frame.startswith("在") and ends_in_a_setting(frame))
    if not framed or not last or not names_only_a_subject(last, window[span.end :]):
        return span
    return Span(span.end - len(last), span.end, last, span.score)


def _names_only_a_topic(window: str, span: Span) -> bool:
    """Whether ``span`` is a whole clause of ``window`` that only names a topic the next clause says something
    of (:func:`~yxsumm.spans.names_only_a_subject`).  A span that starts inside its clause, or lost the verb its
    clause opens with, is not its subject: ``多机空战系统的顶层模型结构`` of
    ``分析了多机空战系统的顶层模型结构，给出了…`` is what was analysed; one after the offices listed before its
    person (:func:`~yxsumm.spans.lists_titles_before`) still is.  Of a span of several clauses, its last one
    may name the topic alone (``公安解释，林唯麒的堕楼位置`` before ``，相信是…的平台``; since the seventy-fifth
    session)."""
    begin = clause_start(window, span.start)
    starts_its_clause = begin == span.start or lists_titles_before(window[begin : span.start])
    starts_its_clause = starts_its_clause and window.startswith(span.text, span.start)
    if starts_its_clause and names_only_a_subject(span.text, window[span.end :]):
        return True
    last = _last_clause(span.text)
    return 0 < len(last) < len(span.text) and names_only_a_subject(last, window[span.end :])


_IS_WHAT_FOLLOWS = re.compile(r"[，,]\s*(?:就|便|正|才|也|都|即)?是")
#: The longest label of a turn (who speaks, ``私隐专员``) before the colon that opens what is said.
MAX_LABEL_CHARS = 12


#: The fewest characters a turn says after its label: a title's subtitle after its colon is shorter
#: (``您可能误解的马基雅维利：先去掉那个 “主义” 的后缀``).
MIN_SAID_CHARS = 20


def _sentence_from(window: str, start: int) -> str:
    """What ``window`` says from ``start`` to the end of that sentence (or line)."""
    end = next((i for i in range(start, len(window)) if window[i] in "。！!？?\n"), len(window))
    return window[start:end].strip()


def _labels_what_follows(window: str, span: Span) -> bool:
    """Whether ``span`` is only the label of what follows its colon: a speaker's turn (``私隐专员`` of
    ``私隐专员： 《私隐条例》…``) or a heading run into its line, short, and followed by a statement of at least
    :data:`MIN_SAID_CHARS` characters.  What is said after the colon is the statement, not who says it.  A
    label names who speaks: it ends on a person's name or a role (:data:`_ROLE_ENDINGS`; jieba tags ``私隐`` a
    verb, so the label's other words are not looked at).  ``外交部发言人表示`` ends on its verb of speech,
    ``文本挖掘教程`` of ``文本挖掘教程：如何分析大容量文件集…`` names a title's topic, not a speaker."""
    colon = _colon_after(window, span)
    if colon < 0 or len(span.text) > MAX_LABEL_CHARS or any(mark in span.text for mark in CLAUSE_MARKS):
        return False
    if len(_sentence_from(window, colon + 1)) < MIN_SAID_CHARS:
        return False
    words = posseg().lcut(span.text, HMM=True)  # unknown names as one word
    return bool(words) and (words[-1].flag.startswith("nr") or words[-1].word.endswith(_ROLE_ENDINGS))


#: Last characters of the nouns of a role that may speak a turn (``专员``, ``局长``, ``发言人``, ``记者``).
_ROLE_ENDINGS = tuple("员长人师家者官生士席督")


def _colon_after(window: str, span: Span) -> int:
    """Where the colon right after ``span`` is (the span's own last character, or the next one after spaces),
    -1 when there is none."""
    raw = window[span.start : span.end].rstrip(" \u3000")
    if raw.endswith(_COLONS):
        return span.start + len(raw) - 1
    after = window[span.end :]
    spaces = len(after) - len(after.lstrip(" \u3000"))
    return span.end + spaces if after[spaces : spaces + 1] in _COLONS else -1


_COLONS = ("：", ":")


def _stands_for_what_follows(window: str, span: Span) -> bool:
    """Whether ``span`` is a 的 phrase that the next clause names with 是: ``被形容为「尸杀列车」的`` of
    ``被形容为「尸杀列车」的，是4号月台荃湾线列车``, ``如果要说林郑为香港带来有利的`` of ``…有利的，就是激起…``.  It
    says what is said of something and not what.  Not a span that says with its own 是 what its subject is
    (``有些群组是短暂的`` of ``有些群组是短暂的，是为了特定的短期目的而存在的``: told with the next clause it read
    ``…是短暂的是为了…``)."""
    return (
        span.text.endswith("的")
        and window.startswith(span.text, span.start)
        and _IS_WHAT_FOLLOWS.match(window, span.end) is not None
        and "是" not in jieba().lcut(span.text, HMM=False)
    )


def _is_the_subject_of_what_follows(window: str, span: Span) -> bool:
    """Whether ``span`` is one clause that is only a verb and its object, and the next clause says with 是 what
    that deed is, maybe for whom first (:data:`_IS_WHAT_IT_IS`): the span is that 是's subject, a deed named as a topic
    (``建设粤港澳大湾区`` of ``习近平指出，建设粤港澳大湾区，对广东来说既是重大责任，也是难得的发展机遇``, printed as
    ``习近平：建设粤港澳大湾区`` for a dev xwlb section of the seventy-eighth session: what he said of it was left
    out).  A clause that names who says it may come first (``习近平指出，建设粤港澳大湾区``).  Not a clause with a
    subject of its own, or a second verb: the 是 clause goes on with that subject (``彭定康在1992年和1997年间担任港督``
    before ``，是…最后一位主人``, ``中组部表彰103名“全国优秀县委书记”`` before ``，是1995年``)."""
    if not window.startswith(span.text, span.start) or _IS_WHAT_IT_IS.match(window, span.end) is None:
        return False
    last = _last_clause(span.text)
    said = span.text[: len(span.text) - len(last)].rstrip(CLAUSE_MARKS + " ")
    if said and (any(mark in said for mark in CLAUSE_MARKS) or speaker_of_clause(said) is None):
        return False
    words = posseg().lcut(last, HMM=False)
    return bool(words) and words[0].flag in ("v", "vn") and not any(w.flag.startswith("v") for w in words[1:])


#: A comma, then 是 (after an adverb, or after a frame that says for whom: ``对广东来说既是…``).
_IS_WHAT_IT_IS = re.compile(r"[，,]\s*(?:对[^，,。；]{1,12}(?:来说|而言)\s*)?(?:就|便|正|才|也|都|即|既|更)?是(?!否)")


def _with_what_it_says_of_it(window: str, span: Span) -> Span:
    """``span``, which only names a court case (:func:`~yxsumm.spans.names_only_a_case`), a topic
    (:func:`~yxsumm.spans.names_only_a_subject`), what the next clause names (:func:`_stands_for_what_follows`), a
    deed the next clause says with 是 what it is (:func:`_is_the_subject_of_what_follows`) or
    the scope of what it says (:func:`_only_sets_the_scope`: ``整个湖北只有武汉是新一线城市``),
    told with the next clause, which says what came of it or what
    the text says of it: ``网红主播李某起诉某直播平台解除合约并索赔500万元一案近日一审宣判``,
    ``美国受访民众对中国的好感度跌至2012年以来的新低``; ``span`` itself when both do not fit in
    :data:`~yxsumm.spans.MAX_SPAN_CHARS`.  Where they fit only without the place the next clause names, it is
    left out (:func:`~yxsumm.spans.without_inner_place`):
    ``司法部原部长傅政华名下一套被罚没的房产将于7月27日进行公开拍卖`` of
    ``…，将于7月27日在京东网络司法拍卖平台上进行公开拍卖``; where they fit only without what the topic's last 的
    closes, that goes when it is a clause that modifies it (:data:`~yxsumm.spans.MODIFIER_OPENERS`):
    ``普通高中学业水平合格性考试在哈尔滨、绥化、伊春三市推迟举行`` of ``原定于12月6日至7日举行的…`` (a list of places is
    kept: the exam goes ahead elsewhere).  ``芙蓉鲤鲫…为…选育的水产新品种`` says what the fish is: its head is no
    topic."""
    end = clause_end(window, span.end + 1)
    fate = window[span.end + 1 : end].strip()
    de = span.text.rfind("的")
    modified = span.text.startswith(tuple(MODIFIER_OPENERS)) and len(span.text) - de > MIN_SPAN_CHARS
    head = span.text[de + 1 :] if de > 0 and modified else span.text
    for topic, told in ((span.text, fate), (span.text, without_inner_place(fate)), (head, fate)):
        if len(topic) + len(told) <= MAX_SPAN_CHARS:
            return Span(span.start, end, topic + told, span.score)
    return span


def _foreign_span(window: str, span: Span) -> bool:
    """Whether ``span`` has fewer than :data:`~yxsumm.spans.MIN_HAN_CHARS` Han characters while ``window`` is not
    English (:func:`~yxsumm.english_lead.is_english`): ``[TCP:flags`` of a line of code a Chinese article quotes.
    The guard refuses such a line (:func:`~yxsumm.spans.foreign_line`), and a refused span was printed as the
    fallback; a window that quotes much code may have more Latin letters than Han characters and still be Chinese."""
    return len(HAN.findall(span.text)) < MIN_HAN_CHARS and not is_english(window)


def _modifies_what_follows(window: str, span: Span) -> bool:
    """Whether ``span`` stops right before 的: it is the modifier of a noun it leaves out
    (``…向中国出口`` before ``的部分人工智能芯片``, ``…担任集团`` before ``的副董事长``).  13 of the 4,031 spans
    printed on the dev and test caches did, none a whole statement.  Since the fifty-third session also a span
    that stops right after 的 where its noun follows (``…「暴徒普通话叫同伙快走」的`` before ``影片``)."""
    after_de = window[span.end - 1 : span.end] == "的" and bool(HAN.match(window, span.end))
    return after_de or goes_on_as_its_noun(window[span.end : span.end + 2]) or _cuts_a_modifying_noun(window, span)


#: One to four Han characters and the 的 after them, before the noun they modify.
_NOUN_THEN_DE = re.compile(r"[\u4e00-\u9fff]{1,4}(?=的[\u4e00-\u9fff《“「])")


def _cuts_a_modifying_noun(window: str, span: Span) -> bool:
    """Whether ``span`` stops right before a noun that, with 的, modifies a noun after it: the span cuts the
    modifier of its clause's head (``…发布积极做好旅游旺季服务保障`` before ``工作的《倡议书》``).  Since the
    seventy-first session."""
    found = _NOUN_THEN_DE.match(window, span.end)
    if found is None or not HAN.match(window, span.end - 1):
        return False
    first = posseg().lcut(window[span.end : found.end() + 1], HMM=False)[0]
    return first.word == found.group() and first.flag.startswith(("n", "vn", "j"))


def _cuts_a_list(window: str, span: Span) -> bool:
    """Whether ``span`` says ``分别`` and stops before the rest of its list: ``…业务收入和寄递业务量分别完成
    1.8万亿元`` before ``和2165亿件`` gives both things the first number."""
    return "分别" in span.text and window[span.end :].startswith(("、", "和", "及", "与", "以及"))


_MEETING_IN = re.compile(r"会见|会晤|接见|会谈")


def _marked_as_partial(window: str, span: Span) -> Span:
    """``span`` with ``等`` added when it stops right before ``、``, where its list goes on: a headline names
    the first of several and says there are more (``…授予美国科学家戴维·米勒等`` of three laureates, ``中国男队
    马龙等`` of three players; 27 of the 4,312 spans printed on the dev and test caches stopped so), unless
    the list is one of modifiers or of outcomes: an item that ends on its verb (``事故造成3人死亡`` of
    ``…3人死亡、21人受伤``) says a whole fact, and ``3人死亡等`` reads as garbled.  A list that closes with the count
    of what its items are examples of (:data:`_COUNTED_LIST_END`) is told with that close: ``我国已完成血管介入支架等
    7类医保医用耗材的分类优化工作``, not ``我国已完成血管介入支架等`` (a dev xwlb headline of the eighty-first
    session: what was completed is the work on seven kinds)."""
    if not window[span.end :].startswith("、") or span.text.endswith((PARTIAL_LIST_MARK, "的")):
        return span  # a list of modifiers (``…数据是混乱的、复杂的…``) takes no 等
    if posseg().lcut(span.text[-6:], HMM=False)[-1].flag in ("v", "a"):
        return span  # an outcome, or an adjective of a list of modifiers (``一张高效、智慧的寄递网络``)
    closer = _COUNTED_LIST_END.search(window, span.end, clause_end(window, span.end))
    if closer is not None:
        # the items are examples of a counted noun, the verb's real object: told with it, or left as they stand
        end = clause_end(window, closer.end())
        text = span.text + window[closer.start() : end].rstrip()
        return Span(span.start, end, text, span.score) if len(text) <= MAX_SPAN_CHARS else span
    return Span(span.start, span.end, span.text + PARTIAL_LIST_MARK, span.score)


#: Where a list of examples closes with the count of what they are examples of (``…等7类医保医用耗材的分类优化工作``).
_COUNTED_LIST_END = re.compile(r"等[\d一二三四五六七八九十两百多数几]+[类种项个家名位批件所座条款部]")


def _asked_as_the_text_asks(window: str, span: Span) -> Span:
    """``span`` with the question mark the text puts right after it: ``武汉病毒是否人传人？``, ``简化字还用教吗？``.
    Without it a question reads as a statement or a fragment, and a doubt the writer voices
    (``媒体从业者是能够赚大钱的？``) as a fact.  97 of the 5,317 spans printed on the dev and test caches stopped
    before one (since the seventy-fifth session)."""
    if window[span.end : span.end + 1] not in QUESTION_MARKS or span.text.endswith(QUESTION_MARKS):
        return span
    if not span.text or not window[: span.end].endswith(span.text[-1]):
        return span  # told otherwise than the text ends it
    return Span(span.start, span.end, span.text + "？", span.score)


def _cuts_a_list_of_modifiers(window: str, span: Span) -> bool:
    """Whether ``span`` stops on an adjective right before ``、``: the first of a list of modifiers whose noun comes
    after the list (``随着…，一张高效`` of ``一张高效、智慧的寄递网络正支撑起…``)."""
    if not window[span.end :].startswith("、"):
        return False
    words = posseg().lcut(span.text[-6:], HMM=False)
    return bool(words) and words[-1].flag == "a"


def _leaves_its_modifiers_noun(window: str, span: Span) -> bool:
    """Whether ``span``'s last clause says with 是 what its subject is, by 的 and a verb phrase, and the next clause
    goes on with more of the same modifier and only then its noun: ``柳州市是全国少有的不做大规模核酸`` before
    ``，只在医院做核酸的城市`` (printed for a dev bedtime item of the seventy-eighth session) says "is one of the
    few that do not test" without the "cities" both modifiers describe."""
    if window[span.end : span.end + 1] not in ("，", ","):
        return False
    last = _last_clause(span.text)
    copula, de = last.find("是"), last.rfind("的")
    if copula < 0 or de < copula:
        return False
    after = posseg().lcut(last[de + 1 :], HMM=False)
    negated = len(after) > 1 and after[0].word in _NEGATIONS_BEFORE_A_VERB
    if not after or after[int(negated)].flag != "v":
        return False  # a noun after 的 is its noun (``…热爱飞艇的生活``, ``…的岩溶地质构造``)
    told = window[span.end + 1 : clause_end(window, span.end + 1)].strip()
    noun = _MODIFIED_NOUN_AT_END.search(told)
    if noun is None:
        return False
    words = posseg().lcut(noun.group(1), HMM=False)
    return bool(words) and all(word.flag.startswith(("n", "j")) for word in words)


#: Negations a verb phrase after 的 may open with (``少有的不做大规模核酸``).
_NEGATIONS_BEFORE_A_VERB = frozenset(["不", "没", "没有", "未", "无"])
#: A clause that ends with 的 and a short noun after it (``只在医院做核酸的城市``).
_MODIFIED_NOUN_AT_END = re.compile(r"的([\u4e00-\u9fff]{1,4})$")


def _named_for_its_company(window: str, span: Span) -> Span:
    """``span`` with the company it calls ``公司`` named, when the text reports that company's announcement
    (:func:`~yxsumm.spans.company_of_its_report`): ``宁德时代拟与匈牙利德布勒森市政府签署合作协议`` of ``宁德时代
    （300750）12月1日晚间发布公告称，公司拟与…``, as a headline writer would; a ``公司…`` line does not say
    which company.  ``公司法``, ``公司治理`` and the like are no reference."""
    return _with_reference_named(span, OWN_COMPANY_REFERENCE, lambda _: company_of_its_report(window, span.start))


def _named_for_its_referent(window: str, span: Span) -> Span:
    """``span`` with the place or office it calls ``该省``, ``该市``, ``该局``… named
    (:func:`~yxsumm.spans.named_referent`): ``广东省将于2026年1月1日起调整工商业分时电价政策`` of ``记者…从广东省
    发展改革委获悉，该省将于…``; a line read alone does not say which province ``该省`` is, nor ``全省`` which
    province's whole (``云南省累计接待国内外游客9.6亿人次``).  ``该市民`` (this citizen) is no reference."""
    named = _with_reference_named(
        span,
        BACK_REFERENCE,
        lambda reference: named_referent(window, span.start, reference["kind"] or reference["whole"]),
    )
    return named if named is not span else _named_inside(window, span)


#: A reference that opens a later clause of a span: ``，该国1月贸易逆差创下月度新高``.
_INNER_BACK_REFERENCE = re.compile(r"[，,]该(?P<kind>[国省市县区州])")


def _named_inside(window: str, span: Span) -> Span:
    """``span`` with a ``该国``, ``该省``… that opens a later clause of it named (:func:`~yxsumm.spans.named_referent`),
    when the span does not name that place before: ``最新出口降幅远超预期，韩国1月贸易逆差创下月度新高`` of ``韩国产业
    通商资源部发布的…显示，最新出口降幅远超预期，该国1月贸易逆差…``."""
    match = _INNER_BACK_REFERENCE.search(span.text)
    if match is None or not _is_whole_word(span.text, match.end()):
        return span
    at = window.find(span.text[match.start() :], span.start)
    name = named_referent(window, at + 1, match["kind"]) if at >= 0 else ""
    if not name or name in span.text:
        return span
    text = span.text[: match.start() + 1] + name + span.text[match.end() :]
    return Span(span.start, span.end, text, span.score)


def _named_for_its_pronoun(window: str, span: Span) -> Span:
    """``span`` with the doer it calls ``他``, ``她`` or ``其`` named (:func:`~yxsumm.spans.pronoun_referent`):
    ``乌克兰总统泽连斯基表示，乌方团队正努力推进和平进程相关工作`` of ``乌克兰总统泽连斯基25日说，…。他表示，…``; a line
    read alone does not say who ``他`` is.  ``他们``, ``其他``, ``其中`` are no such pronoun."""
    return _with_reference_named(
        span, PRONOUN_REFERENCE, lambda reference: pronoun_referent(window, span.start, reference["pronoun"])
    )


#: Pronouns for people that a headline read alone cannot place: ``他们``, ``她们`` (no one named stands for them).
_PLURAL_PERSON_PRONOUNS = ("他们", "她们")
#: Where a clause of a span starts, after a conjunction it may open with (``但她决定…``).
_CLAUSE_OPENING = re.compile(r"(?:^|(?<=[，,；;]))(?:虽然|尽管|但是|但|而且|而|可是|不过|因为|由于|于是|所以)?")


def _opens_with_an_unnamed_person(window: str, span: Span) -> bool:
    """Whether ``span`` opens with ``他``/``她`` for whom the text names no one :func:`_named_for_its_pronoun` could
    put in its place, or with ``他们``/``她们``: ``他当了6年柳州市长`` (of ``在这之前，2015年到2021年，他当了…``),
    ``他们日思夜念的耶稣``.  Clauses that only say when are looked past (:func:`_after_its_time_clauses`), and so is
    a first clause that names no person (``谈及防务开支问题，他称…``, ``虽然她…，但她…``).  Read alone, an
    article's headline so does not say who; 110 of 185,533 training headlines open with ``他`` or ``她``
    (``他们`` included), most of them lines of a transcript."""
    text = span.text
    if "他" not in text and "她" not in text:
        return False
    at = _after_its_time_clauses(text)
    if text[at:].startswith(_PLURAL_PERSON_PRONOUNS):
        return _is_whole_word(text[at:], 2)
    for opening in _CLAUSE_OPENING.finditer(text, at):
        rest = text[opening.end() :]
        if rest[:1] in ("他", "她") and not rest.startswith(_PLURAL_PERSON_PRONOUNS) and _is_whole_word(rest, 1):
            where = window.find(rest, span.start)
            return not pronoun_referent(window, where if where >= 0 else span.start, rest[0])
        if mentions_a_person(rest.split("，")[0]):
            return False  # a person named first (``时事评论员练乙铮记得，他…``) is who he is
    return False


def _after_its_time_clauses(text: str) -> int:
    """Where ``text`` goes on after the clauses it opens with that only say when (:func:`~yxsumm.spans.says_only_when`:
    ``2015年到2021年，``, ``上周日，``)."""
    at = 0
    while (clause := _CLAUSE_AND_COMMA.match(text, at)) is not None and says_only_when(clause.group()[:-1]):
        at = clause.end()
    return at


#: A clause and the comma after it.
_CLAUSE_AND_COMMA = re.compile(r"[^，,]+[，,]")


def _named_for_its_speaker(window: str, span: Span) -> Span:
    """``span``, which opens with a word of speech (:data:`~yxsumm.spans.SPEECH_OPENING`), with the speaker its
    sentence (or the one before) opens with put before it (:func:`~yxsumm.spans.pronoun_referent`, a person
    or a body), when both fit in :data:`~yxsumm.spans.MAX_SPAN_CHARS`: ``美国副总统彭斯指摘中国…`` of ``…彭斯…发表
    演说，指摘中国…``; a line read alone does not say who said it."""
    opening = SPEECH_OPENING.match(span.text)
    if opening is None or not _is_whole_word(span.text, opening.end()):
        return span
    if _said_by_the_agent_before(window, span):
        return span
    speaker = pronoun_referent(window, span.start, "其", speaker=True)
    line = speaker + span.text
    return Span(span.start, span.end, line, span.score) if speaker and len(line) <= MAX_SPAN_CHARS else span


def _said_by_the_agent_before(window: str, span: Span) -> bool:
    """Whether the clause right before ``span`` is passive (a 被 that jieba tags a preposition): who speaks is the
    agent it names, not its sentence's subject (``浸会大学学生会会长方仲贤，…后被五名…探员截查及拘捕，`` before
    ``指他藏有攻击性武器``: the officers said so, a dev headline of the seventy-sixth session put his name
    before it)."""
    before = _previous_clause(window, span)
    return bool(before) and any(word.word == "被" and word.flag == "p" for word in posseg().lcut(before, HMM=False))


def _with_reference_named(span: Span, reference: re.Pattern[str], name_of: Callable[[re.Match[str]], str]) -> Span:
    """``span`` with the word it opens with that refers back (a whole jieba word matching ``reference``) put as
    the name ``name_of`` gives for it; ``span`` itself when it opens with none or no name is found."""
    match = reference.match(span.text)
    if match is None or not _is_whole_word(span.text, match.end()):
        return span
    name = name_of(match)
    return Span(span.start, span.end, name + span.text[match.end() :], span.score) if name else span


def _is_whole_word(text: str, end: int) -> bool:
    """Whether a jieba word of ``text`` ends at ``end`` (``公司`` of ``公司拟``, not of ``公司法``)."""
    position = 0
    for word in jieba().cut(text[: end + 4], HMM=False):
        position += len(word)
        if position >= end:
            return position == end
    return False


#: What opens a definition after the term it defines and a comma (of at most :data:`MAX_TERM_CHARS`): ``地方债，指…``,
#: ``…，是指…``.
_DEFINES = ("指", "是指", "即")


def _with_its_term(window: str, span: Span) -> Span:
    """``span``, a definition that opens with :data:`_DEFINES` after the term it defines, a comma and nothing else
    of its sentence before it, told with the term and without the comma: ``地方债指地方政府或地方公共机构发行的债券``
    for ``指地方政府或地方公共机构发行的债券，…`` of ``地方债，指…`` (a dev oped2 section of the eighty-second
    session), which said what is meant and not of what.  ``span`` itself otherwise, or when the line would not fit
    in :data:`~yxsumm.spans.MAX_SPAN_CHARS`."""
    if not span.text.startswith(_DEFINES) or not window.startswith(span.text, span.start):
        return span
    comma = span.start - 1
    if comma <= 0 or window[comma] not in "，,":
        return span
    begin = sentence_start(window, comma)
    term = window[begin:comma].strip()
    if not 2 <= len(term) <= MAX_TERM_CHARS or any(mark in term for mark in CLAUSE_MARKS) or has_a_verb(term):
        return span
    text = term + span.text
    return Span(begin, span.end, text, span.score) if len(text) <= MAX_SPAN_CHARS else span


def _with_its_result(window: str, span: Span) -> Span:
    """``span`` told as the result of a contest (:func:`~yxsumm.spans.match_result_headline`) when it only
    says that the contest ended or began (:data:`~yxsumm.spans.CURTAIN_ENDING`) and the next clauses say who
    beat whom (``郑钦文战胜萨巴伦卡，首次夺得年终总决赛冠军``, not ``2026年WTA年终总决赛在沙特利雅得落下帷幕``), or
    when it only says what the win brought and the clause before it says who won (``上海海港队客场以3比1战胜成都
    蓉城队，提前一轮锁定本赛季联赛冠军``, not ``提前一轮锁定本赛季联赛冠军``)."""
    if CURTAIN_ENDING.search(span.text):
        line = result_told_after(window, span.end)
        return Span(span.start, span.end, line, span.score) if line else span
    if span.start < 2 or window[span.start - 1] not in "，,":
        return span
    result = window[clause_start(window, span.start - 1) : span.start - 1]
    line = match_result_headline(f"{result}，{span.text}")
    return Span(span.start, span.end, line, span.score) if line and line.endswith(span.text) else span


def _as_meeting_headline(window: str, span: Span) -> Span:
    """``span`` told as a meeting headline when it reports one (:func:`~yxsumm.spans.meeting_headline`): the
    span of such a sentence is cut inside what the guest came for (``国务院副总理丁薛祥4日下午在北京会见来华
    出席纪念中国人民``, 35 of the dev and test caches' spans) or carries the host's titles and the place.  A span
    that starts after the host is told from its sentence's start, and so is one that names the host of talks
    whose verb comes after it (``全国人大常委会委员长赵乐际5日上午在北京同出席纪念中国人民抗日战争暨`` of a
    sentence that ends ``…举行会谈``)."""
    begin = sentence_start(window, span.start)
    if not _MEETING_IN.search(span.text):
        parts = meeting_parts(window[begin:])
        hosts_talks = parts is not None and parts[3] == "会谈" and parts[0] in span.text
        line = meeting_headline(window[begin:]) if hosts_talks else None
        return Span(span.start, span.end, line, span.score) if line else span
    line = meeting_headline(window[span.start :])
    if line is None and begin < span.start:
        # ``国务委员长金正恩举行会谈`` of ``…习近平…同…的朝鲜劳动党总书记、国务委员长金正恩举行会谈``: told from
        # the sentence's start, the meeting has its host
        line = meeting_headline(window[begin:])
    return Span(span.start, span.end, line, span.score) if line else span


def _ends_a_clause(window: str, end: int) -> bool:
    """Whether a span of ``window`` ending at ``end`` ends where a clause or the window ends."""
    return end >= len(window) or window[end] in CLAUSE_ENDS


def _longer_spans(spans: Sequence[tuple[int, int]], span: Span) -> list[int]:
    """Indices of the spans that start where ``span`` starts and end after it, shortest first."""
    return sorted(
        (i for i, (start, end) in enumerate(spans) if start == span.start and end > span.end),
        key=lambda i: spans[i][1],
    )


#: Words that open a condition whose consequence the next clause tells with :data:`_THEN` (``如果…，就…``).
_IF = re.compile(r"(?:如果|假如|假若|倘若|如若|要是|若(?![干是])|只要|一旦)")
#: The word that opens a condition's consequence: ``就``, ``便``, ``则``, ``那么``, ``那就``.
_THEN = re.compile(r"(?:那么|那就|就|便|则)")


def _its_consequence(window: str, spans: Sequence[tuple[int, int]], span: Span) -> Span:
    """For ``span``, a condition put to the reader (``如果您使用TOR（匿名）访问特定的远程服务器``) too long to be told
    with its consequence, the consequence alone, from the next clause when that opens with :data:`_THEN` and is an
    allowed span, without that word: ``切记不要从 TOR 网外（非匿名）访问同一台服务器`` (of ``，就切记不要…``), advice;
    ``span`` itself otherwise.  What follows any other condition is a supposition, which the guard does not let a
    line state as fact (:func:`~yxsumm.hearsay.stated_condition`: ``如果中国允许…，那么中国主导的新无线技术将…``)."""
    condition = _IF.match(span.text)
    if condition is None or READERS.match(span.text, condition.end()) is None:
        return span
    if window[span.end : span.end + 1] not in ("，", ","):
        return span
    start = span.end + 1
    end = clause_end(window, start)
    then = _THEN.match(window, start)
    if then is None or (start, end) not in spans:
        return span
    text = trim_span(window[then.end() : end])
    if word_characters(text) < MIN_SHORT_SPAN_CHARS or unfit_for_headline(text) or leads_up_to_a_clause(text):
        return span
    return Span(start, end, text, span.score)


def _with_main_clause(
    window: str,
    spans: Sequence[tuple[int, int]],
    span: Span,
    span_at: Callable[[int], Span],
    needs_next_clause: bool | None = None,
) -> Span:
    """``span`` (a part of a sentence that leads up to what it says) carried on to a longer allowed span
    from the same start that says it: past the next clause break for a dependent clause
    (``如果反对共产党领导，就是对香港人的犯罪``), past the scene-setting phrase for ``…在电视辩论中``.  The
    shortest such span that ends where a clause ends is taken, else the shortest one; spans that cannot
    read as a headline (``…在电视辩论中表示``) are passed over; ``span`` itself when none is left.
    ``needs_next_clause`` (default: whether ``span`` opens a dependent clause) asks for the next clause."""
    if needs_next_clause is None:
        needs_next_clause = opens_a_dependent_clause(span.text)
    reach = [
        i
        for i in _longer_spans(spans, span)
        if not needs_next_clause or any(c in CLAUSE_MARKS for c in window[span.end : spans[i][1]])
    ]
    joined = [
        one for one in map(span_at, reach) if not ends_in_a_setting(one.text) and not unfit_for_headline(one.text)
    ]
    at_clause_end = [one for one in joined if _ends_a_clause(window, one.end)]
    return next(iter(at_clause_end or joined), span)


# -- training ---------------------------------------------------------------------------------

#: Training corpora of the span ranker.
SPAN_TRAIN_SOURCES = (
    "xwlb_items",
    "hkcnews_articles",
    "bedtime_daily",
    "oped2_articles",
    "hkcnews_sections",
    "xwlb_sections",
    "bedtime_sections",
    "oped2_sections",
)
SPAN_DEV_SETS = SPAN_TRAIN_SOURCES


#: Span rankers ``train-spans`` can train: listwise MLP (torch), LightGBM LambdaRank trees (the train extra).
RANKERS = ("mlp", "trees")


@dataclass
class SpanTrainConfig:
    """Settings of a span ranker training run."""

    data_dir: str = "../shared/data"
    output_dir: str = "runs/span"
    pairs_per_source: int = 3000
    ranker: str = field(default="mlp", metadata={"choices": RANKERS})  # see RANKERS
    epochs: int = 30
    hidden: int = 64
    learning_rate: float = 3e-3
    temperature: float = 0.05  # target distribution over a text's spans: softmax(F1 / temperature)
    trees: int = 600  # boosting rounds of the tree ranker
    leaves: int = 63  # leaves per tree
    tree_learning_rate: float = 0.05
    dev_pairs: int = 300
    seed: int = 13
    sources: list[str] = field(default_factory=lambda: list(SPAN_TRAIN_SOURCES))
    # a converted pretrained encoder (`yxsumm convert-e5`) whose span scores the trees also read
    encoder: str = ""
    encoder_head_hidden: int = 128
    # a folder where the hand-made features of the encoder path are kept for the next run (written by
    # this code, read back with pickle: point it only at a folder of your own)
    features_cache: str = ""


def _text_examples(pairs: Sequence, limit: int) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(x, y) for x, y, _ in _text_examples_with_windows(pairs, limit)]


def _text_examples_with_windows(
    pairs: Sequence, limit: int
) -> list[tuple[np.ndarray, np.ndarray, tuple[str, str, list]]]:
    examples = []
    for pair in pairs[:limit]:
        oracle = oracle_spans(pair.text, pair.summary)
        if oracle is None:
            continue
        text, window, spans, f1 = oracle
        examples.append((span_features(text, spans, pair.task), f1.astype(np.float32), (text, window, spans)))
    return examples


def oracle_spans(text: str, summary: str) -> tuple[str, str, list[tuple[int, int]], np.ndarray] | None:
    """A training pair as the span ranker sees it: the prepared text, its span window, the window's allowed
    spans and their ROUGE-L F1 against ``summary``; None when the window has fewer than two spans."""
    prepared = prepare_text(text)[0]
    window = span_window(prepared)
    spans = allowed_spans(window)
    if len(spans) < 2:
        return None
    return prepared, window, spans, span_f1(window, summary, spans)


def _sampled_pairs(config: SpanTrainConfig, source: str) -> list:
    path = Path(config.data_dir) / "train" / f"{source}.jsonl.gz"
    if not path.exists():
        return []
    pairs = read_pairs(path)
    random.Random(config.seed).shuffle(pairs)
    return pairs


def build_training_data(config: SpanTrainConfig) -> list[tuple[np.ndarray, np.ndarray]]:
    """Features and F1 targets of every allowed span of the sampled training texts (cached in OUTPUT)."""
    cache = Path(config.output_dir) / "examples.npz"
    if cache.exists():
        stored = np.load(cache)
        return [(stored[f"x{i}"], stored[f"y{i}"]) for i in range(int(stored["count"]))]
    examples: list[tuple[np.ndarray, np.ndarray]] = []
    for source in config.sources:
        start = time.perf_counter()
        found = _text_examples(_sampled_pairs(config, source), config.pairs_per_source)
        logger.info("%s: %d texts (%.0f s)", source, len(found), time.perf_counter() - start)
        examples.extend(found)
    cache.parent.mkdir(parents=True, exist_ok=True)
    arrays = {f"x{i}": x for i, (x, _) in enumerate(examples)} | {f"y{i}": y for i, (_, y) in enumerate(examples)}
    np.savez_compressed(cache, count=len(examples), **arrays)
    return examples


def _examples_with_windows(config: SpanTrainConfig, source: str) -> list:
    """:func:`_text_examples_with_windows` of one corpus, kept in ``config.features_cache`` when one is given
    (the hand-made features do not depend on the encoder, so runs that try other encoders share them)."""
    if not config.features_cache:
        return _text_examples_with_windows(_sampled_pairs(config, source), config.pairs_per_source)
    columns = hashlib.sha1("|".join(FEATURE_NAMES).encode()).hexdigest()[:8]  # another feature set: another file
    path = Path(config.features_cache) / f"{source}-{config.pairs_per_source}-{config.seed}-{columns}.pkl"
    if path.is_file():
        with path.open("rb") as handle:
            return pickle.load(handle)
    found = _text_examples_with_windows(_sampled_pairs(config, source), config.pairs_per_source)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(found, handle)
    return found


def build_encoder_training_data(config: SpanTrainConfig, encoder: SpanEncoder) -> list[tuple[np.ndarray, np.ndarray]]:
    """Like :func:`build_training_data`, with the encoder's columns appended: each text's from a head
    trained on the other half of the texts (:func:`~yxsumm.span_encoder.cross_fitted_features`); the
    head trained on all of them stays in ``encoder``.  Not cached (the vectors are large)."""
    examples = []
    for source in config.sources:
        start = time.perf_counter()
        found = _examples_with_windows(config, source)
        for begin in range(0, len(found), 64):
            check_time()
            chunk = found[begin : begin + 64]
            inputs = [encoder_input(text, window) for _, _, (text, window, _) in chunk]
            vectors = encoder.vectors(inputs, [len(w) for _, _, (_, w, _) in chunk], [s for _, _, (_, _, s) in chunk])
            examples.extend((x, y, v) for (x, y, _), v in zip(chunk, vectors, strict=True))
        logger.info("%s: %d texts encoded (%.0f s)", source, len(found), time.perf_counter() - start)
    rng = random.Random(config.seed)
    rng.shuffle(examples)  # each half of the cross-fit holds every corpus
    extra = cross_fitted_features(
        encoder, [v for _, _, v in examples], [y for _, y, _ in examples], config.encoder_head_hidden, config.seed
    )
    encoder.save_head(config.encoder_head_hidden)
    return [(np.concatenate([x, e], axis=1), y) for (x, y, _), e in zip(examples, extra, strict=True)]


def evaluate_span_selector(selector: SpanSelector, data_dir: str, limit: int) -> dict[str, float]:
    """ROUGE-L of the selected spans on the first ``limit`` pairs of each dev set."""
    scores = {}
    for name in SPAN_DEV_SETS:
        path = Path(data_dir) / "dev" / f"{name}.jsonl.gz"
        if not path.exists():
            continue
        pairs = read_pairs(path, limit=limit)
        spans = selector.select([prepare_text(p.text)[0] for p in pairs], pairs[0].task)
        hyps = [s.text if s else "" for s in spans]
        scores[name] = round(rouge_corpus(hyps, [p.summary for p in pairs]).rougeL, 2)
    return scores


def train_span_selector(config: SpanTrainConfig) -> dict[str, float]:
    """Train the span ranker; save it to ``OUTPUT/model``; return its dev ROUGE-L."""
    if config.ranker not in RANKERS:
        raise ValueError(f"unknown ranker {config.ranker!r} (one of {', '.join(RANKERS)})")
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    output = Path(config.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    (output / "train_config.json").write_text(json.dumps(asdict(config), indent=1), encoding="utf-8")
    if config.encoder:
        shutil.copytree(config.encoder, output / "model" / ENCODER_FOLDER, dirs_exist_ok=True)
        encoder = SpanEncoder.load(output / "model" / ENCODER_FOLDER)  # its head is trained there
        examples = build_encoder_training_data(config, encoder)
        features = ALL_FEATURE_NAMES
    else:
        encoder, examples, features = None, build_training_data(config), FEATURE_NAMES
    ranker = _fit_trees(examples, config) if config.ranker == "trees" else _fit_mlp(examples, config, features)
    selector = SpanSelector(ranker, features, encoder)
    selector.save(output / "model")
    scores = evaluate_span_selector(selector, config.data_dir, config.dev_pairs)
    (output / "result.json").write_text(json.dumps({"texts": len(examples), "dev_rougeL": scores}, indent=1))
    logger.info("span ranker dev ROUGE-L %s", scores)
    return scores


def _fit_mlp(
    examples: list[tuple[np.ndarray, np.ndarray]], config: SpanTrainConfig, features: Sequence[str] = FEATURE_NAMES
) -> SpanRankerModel:
    """Listwise training: cross-entropy against softmax(F1 / temperature) over each text's spans."""
    model = SpanRankerModel(len(features), config.hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    tensors = [(torch.from_numpy(x), torch.softmax(torch.from_numpy(y) / config.temperature, 0)) for x, y in examples]
    rng = random.Random(config.seed)
    for epoch in range(config.epochs):
        rng.shuffle(tensors)
        total = 0.0
        for begin in range(0, len(tensors), 64):
            check_time()
            loss = torch.zeros(())
            for features, target in tensors[begin : begin + 64]:
                loss = loss - (target * torch.log_softmax(model(features), 0)).sum()
            loss = loss / len(tensors[begin : begin + 64])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        logger.info("epoch %d listwise loss %.4f", epoch, total / max(1, len(tensors) // 64))
    return model.eval()


#: Relevance grades of the tree ranker: a span's F1 in steps of 1/32.
TREE_GRADES = 32


def _fit_trees(examples: list[tuple[np.ndarray, np.ndarray]], config: SpanTrainConfig) -> TreeEnsemble:
    """LightGBM LambdaRank on each text's spans, graded by F1 (32 grades, gain 2^(grade/4) − 1)."""
    features = np.concatenate([x for x, _ in examples])
    grades = np.minimum(TREE_GRADES - 1, np.floor(np.concatenate([y for _, y in examples]) * TREE_GRADES))
    params = {
        "objective": "lambdarank",
        "num_leaves": config.leaves,
        "learning_rate": config.tree_learning_rate,
        "label_gain": [2 ** (grade / 4) - 1 for grade in range(TREE_GRADES)],
        "lambdarank_truncation_level": 10,
        "seed": config.seed,
    }
    return train_forest(features, grades.astype(np.int32), config.trees, params, group=[len(y) for _, y in examples])
