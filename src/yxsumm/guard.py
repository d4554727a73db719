"""The output guard: choose, among the model's n-best lines and an extracted span, one a reader can trust.

Every candidate is assessed against its source (:mod:`yxsumm.faithfulness`):

* **hard rule** — a candidate with a number, Latin token or name the source lacks, with markup
  (``<p``), with a book title or quotation opened and not closed (``《关于实施…``, see
  :func:`unpaired_marks`), that stops or starts inside a source word (``全面贯彻党的建``, see
  :func:`~yxsumm.faithfulness.cut_line_ends`) or opens a range the source closes (``2025—全国…`` of ``2025—2026
  冰雪季``, :func:`~yxsumm.faithfulness.cut_ranges`), that runs on past a source sentence's end into the next
  (``…防灭火工作会议`` of ``…工作。会议指出``, :func:`~yxsumm.faithfulness.joined_across_sentences`), that glues
  two source words by a character they share
  (``…修复专项目启动`` of ``专项`` + ``项目``, :func:`~yxsumm.overlaps.overlapping_words`), with fewer
  than :data:`MIN_WORD_CHARS` characters that are not digits or punctuation, or that shares fewer
  than :data:`MIN_SOURCE_SUPPORT` of its character pairs with the source (a stock line of the
  training data about something else, :func:`~yxsumm.faithfulness.source_support`), or that has
  fewer than :data:`~yxsumm.spans.MIN_HAN_CHARS` Han characters while its source is Chinese (a bare brand name,
  ``YouTube``), or that repeats a claim the source passes on and calls false (``某市自来水检出致癌物`` of a
  report that the rumour is false, :func:`~yxsumm.hearsay.repeated_refuted_claim`), or that gives a figure
  a change up where the source gives it a change down or the other way (``出口额同比增长3.4%`` of ``同比减少
  3.4%``, :func:`~yxsumm.transplants.reversed_changes`; a trend without a figure likewise, ``高考报名人数创新高`` where
  the text's first word on it is ``首次减少``, :func:`~yxsumm.transplants.reversed_trend`), or that states a figure the
  source corrects
  (``…同比增长1.3%`` of ``应为3.1%，而非此前公布的1.3%``, :func:`~yxsumm.hearsay.repeated_corrected_figure`),
  or that widens or narrows the reach the source gives (``全国`` where it says ``全省``,
  :func:`~yxsumm.transplants.changed_scopes`), or that states as done what the source only calls possible
  (``…启动对伊朗军事行动`` of ``讨论重启对伊朗军事行动的可能性``, :func:`~yxsumm.hearsay.stated_possibility`) or
  only supposes (``特朗普拒绝开放霍尔木兹海峡`` of ``如果伊朗…拒绝开放霍尔木兹海峡``,
  :func:`~yxsumm.hearsay.stated_condition`) or only wishes or tries (``法国总统受邀参加…峰会`` of ``马克龙希望受邀
  参加…``, :func:`~yxsumm.hearsay.stated_wish`) is never printed (a span whose only fault is one word character
  too few is printed when it scores above every line that passes: ``欠债还钱`` rather than ``劳动者的劳动``);
* **score** — among the others, the highest

  ``lp − w_fragment · max(0, fragments − free_fragments) − w_broken · broken − w_unattested · unattested
  − w_dangling · [dangling] − w_scattered · [scattered ≥ scattered_min_run] − w_mistitled · [mistitled]
  − w_cut_word · [cut_word] − w_transplanted · [transplanted] − w_reranked · [rank > 0]
  − w_repeated · [repeated] − w_stopped_clause · [stopped_clause]
  − w_stopped_modifier · [stopped_modifier] − w_curtain · [curtain] − w_word_gap · [word_gap]
  − w_verbless · [verbless]``

  wins, where ``lp`` is the generator's mean log-probability per token of the line given the source
  for a generated line, and ``span_log_prob · log_prob + span_bonus`` for the extracted span (with
  ``span_log_prob = 0`` the span wins whenever the best generated line scores below ``span_bonus``:
  a confidence threshold on the model), ``fragments`` the number of source pieces the line is
  stitched from, ``broken`` the pieces cut out of the middle of a source word, ``unattested`` the
  character trigrams found neither in the source nor in the background list of training headlines (for a
  generated line of ``lp`` at least ``confident_log_prob``, not those that only join two source words:
  :func:`~yxsumm.faithfulness.trigrams_joining_source_words`),
  ``dangling`` whether the line ends with words headlines almost never end with (``贯彻党的十九大``,
  :mod:`yxsumm.headline_endings`) or opens a time frame it never closes (``自12月…`` without ``起``,
  :func:`~yxsumm.spans.unclosed_time_frame`) or a ``把`` phrase without its complement (``把生态保护``,
  :func:`~yxsumm.spans.unfinished_disposal`) or only names a document the source titles
  (``中小学…指南（2025年版）`` for ``印发《中小学…指南（2025年版）》``, :func:`~yxsumm.spans.bare_title`), and
  ``scattered`` the longest run of characters that are never side by side in the source (``…引发热烈反响``
  made up, :func:`~yxsumm.faithfulness.scattered_run`), and
  ``mistitled`` whether a person's name follows a title the source never puts before it
  (``县委书记习近平``, :func:`~yxsumm.faithfulness.mistitled_names`), and ``transplanted`` whether the
  line gives a clause's action to another name than the source does (``德国将推出…`` where the EU will,
  :func:`~yxsumm.transplants.transplanted_predicates`) or dates a fact by another one's time
  (:func:`~yxsumm.transplants.transplanted_times`) or gives a whole year a quantity of one of its months
  (:func:`~yxsumm.transplants.generalised_periods`) or makes a document the source only cites after ``根据`` its
  doer (``《缺陷汽车产品召回管理条例》召回``, :func:`~yxsumm.transplants.cited_documents_as_actors`) or the doer
  of a verb it is only the object before (``《大鸣大放》担任主持``, :func:`~yxsumm.transplants.titles_taken_as_doers`)
  or gives a name what the source says of a measure of it (``纽约商品交易所再创历史新高`` of ``…交易所黄金期货价格21日
  再创历史新高``, :func:`~yxsumm.transplants.beheaded_subjects`) or makes a
  record of one the source frames by a period (``创新高`` of ``创今年以来新高``,
  :func:`~yxsumm.transplants.unframed_records`) or makes a deed a first or a repeat that the source says of
  another deed (``…首次发布iOS 27测试版`` where the first is another launch,
  :func:`~yxsumm.transplants.moved_ordinals`) or gives a verb of the source an object that no clause of the
  source gives it (``坚定不移推进党的十九大精神`` of ``贯彻党的十九大精神，…推进全面从严治党``,
  :func:`~yxsumm.transplants.moved_objects`) or gives a claim to a speaker the source has answer it
  (``台湾陆委会：台湾同胞急切期盼使用大陆疫苗`` where 国台办 said it, :func:`~yxsumm.transplants.misattributed_claims`)
  or states as decided what the source only asks (``特朗普称将向乌提供“战斧”`` of ``…已就是否向乌克兰提供“战斧”
  导弹作出“某种决定”``, :func:`~yxsumm.hearsay.stated_decision`),
  ``rank > 0`` whether a generated line is not the beam's first: the model's own later choices are more
  often cut short or spliced, and
  ``repeated`` whether a short line of one clause says a word twice (``伊朗称打击伊朗军事基地``,
  :func:`~yxsumm.faithfulness.repeated_word`), and ``stopped_clause`` whether a generated line copies the
  opening of a source clause word for word and stops while the clause goes on (``陈达连续七个月求职`` of
  ``…求职未果``, :func:`~yxsumm.spans.stops_inside_its_clause`; a section heading may name its topic so,
  but since the forty-eighth session the dev sets weigh it for headings too), and ``stopped_modifier``
  whether the clause goes on with 的, so that the line is a modifier of the noun that follows
  (``美国和伊朗达成最终协议`` of ``…最终协议的60天窗口期已过``, :func:`~yxsumm.spans.goes_on_as_its_noun`;
  section headings only), and ``curtain`` whether a generated line only says that a contest ended or began while
  the source says right after it who won (``2026年WTA总决赛落幕``, :func:`~yxsumm.spans.result_left_out`), and
  ``word_gap`` whether the line leaves part of a source word out between two copied pieces (``今冬春`` of
  ``今冬明春``, :func:`~yxsumm.word_gaps.skipped_word_parts`) or changes the end of the word it stops in
  (``…排查病毒`` of ``…排查病树``, :func:`~yxsumm.word_gaps.changed_last_character`) or runs on past the end of
  the clause it copies (``3条战线下工夫妇``, :func:`~yxsumm.word_gaps.character_after_clause_end`) or glues a
  character of its own onto a copied word to make another (``…知道业主义`` of ``…知道业主在…``,
  :func:`~yxsumm.word_gaps.character_glued_onto_a_word`) or leaves a torn-off piece of a word at its end
  (``「团结香港基金」旁白担`` of ``担任旁白``, :func:`~yxsumm.word_gaps.stray_last_character`), and ``verbless``
  whether a generated line has no verb at all (:func:`has_no_verb`: ``陶瓷企业负责人`` for a section on
  factories going digital; a generator sure of itself strings nouns of the source together more often than
  headings do).

When nothing passes the hard rule, the extracted span (or, without a span selector, the trimmed lead
clause) is printed.  The chosen line then loses the day between its actor and its verb and the 了 after
a verb, as headlines do (``中国科学院8日宣布`` → ``中国科学院宣布``, ``访问了乌克兰`` → ``访问乌克兰``,
:func:`~yxsumm.postprocess.headline_style`): deletions only, and a line whose deletions would make it state
what the source does not (a name jieba reads across the gap) is printed as chosen
(:func:`~yxsumm.postprocess.headline_style_for`).  Each printed line records how it was produced (:data:`Origin`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from .chinese import HAN_RANGES
from .faithfulness import (
    Fact,
    TrigramBackground,
    altered_quotations,
    broken_words,
    cut_line_ends,
    cut_ranges,
    dropped_frame_markers,
    joined_across_sentences,
    last_clause,
    mistitled_names,
    moved_adverbs,
    open_frame,
    repeated_word,
    scattered_run,
    source_pieces,
    source_support,
    tagged_words,
    trigrams_joining_source_words,
    unattested_trigrams,
    unsupported_facts,
    whole_figure,
)
from .headline_endings import HeadlineEndings
from .hearsay import (
    repeated_corrected_figure,
    repeated_refuted_claim,
    stated_condition,
    stated_decision,
    stated_outcome,
    stated_possibility,
    stated_wish,
)
from .overlaps import overlapping_words
from .postprocess import headline_style_for
from .spans import (
    ALIAS_ONLY,
    ANNOUNCEMENT_ONLY,
    CLAUSE_ENDS,
    MIN_SHORT_SPAN_CHARS,
    MIN_WORD_CHARS,
    PARTIAL_LIST_MARK,
    balanced_marks,
    bare_title,
    ends_before_its_noun,
    ends_on_a_concession_or_condition,
    ends_on_a_dependent_clause,
    ends_on_an_adverb,
    foreign_line,
    goes_on_as_its_noun,
    has_only_dependent_clauses,
    headless_guest,
    hears_a_person,
    is_only_a_frame,
    leaves_a_phrase_open,
    leaves_out_what_is_thought,
    names_only_a_person,
    names_only_a_speaker,
    result_left_out,
    starts_inside_its_clause,
    stops_inside_its_clause,
    superlative_without_its_noun,
    talks_without_their_verb,
    unclosed_time_frame,
    unfinished_disposal,
    word_characters,
)
from .transplants import (
    beheaded_subjects,
    changed_scopes,
    cited_documents_as_actors,
    generalised_periods,
    kinds_for_their_one,
    likenesses_told_as_facts,
    misattributed_claims,
    mispaired_numbers,
    moved_objects,
    moved_ordinals,
    reversed_changes,
    reversed_trend,
    titles_taken_as_doers,
    transplanted_predicates,
    transplanted_times,
    unframed_records,
)
from .word_gaps import last_character_slips, skipped_word_parts
from .words import posseg

#: How a printed line was produced.
Origin = Literal["model", "model-reranked", "extractive-span", "extractive-fallback", "lead", "textrank"]

_MARKUP = re.compile(r"</?[A-Za-z!]|&[a-z]+;")
#: Angle brackets that are not markup: a title in them (``<中苏友好同盟互助条约>``, as older texts write
#: ``《…》``) or a comparison (``P<0.001``, ``n>=30``).
_ANGLE_TITLE = re.compile(r"<[^<>\x00-\x7f][^<>]{0,40}>")
_COMPARISON = re.compile(r"(?<=[\w)）])\s*[<>]=?\s*(?=[\d.])")


def has_markup(text: str) -> bool:
    """Whether ``text`` has a tag (``<p``, ``</div``), an entity (``&nbsp;``) or an angle bracket that is
    neither part of a title in angle brackets nor a comparison between numbers."""
    if _MARKUP.search(text):
        return True
    return bool(re.search(r"[<>]", _COMPARISON.sub("", _ANGLE_TITLE.sub("", text))))


#: Marks that a headline always closes: of 2,427 dev headlines, one leaves a book title open, four a quotation.
_PAIRED_MARKS = (("《", "》"), ("“", "”"))
#: A printable line has at least this share of its character pairs side by side in the source.  Of the
#: guard's 2,840 printed test lines one was below it, the stock line ``世界这一天`` about something else;
#: gold headlines fall below it 1–30 % of the time (topic labels), the model's n-best lines 3.7 %.
MIN_SOURCE_SUPPORT = 0.25


@dataclass(frozen=True)
class GuardWeights:
    """The weights of the guard's score (chosen on the dev sets, ``bench/tune_guard.py``)."""

    fragment: float = 0.05
    free_fragments: int = 2
    broken: float = 0.3
    unattested: float = 0.1
    dangling: float = 0.0
    scattered: float = 0.0
    #: A run of at least this many characters never side by side in the source is penalised by ``scattered``.
    scattered_min_run: int = 4
    #: A person's name right after a title the source never writes before it (``县委书记习近平``).
    mistitled: float = 0.0
    #: A line that starts or ends inside a plain jieba word of the source (``…中国特色社会`` of 社会主义).
    cut_word: float = 0.0
    #: A line that gives a source clause's action to another name (``德国将推出…`` where the EU will), or
    #: dates a fact by another one's time (``前三季度…增长8.2%`` where the article says 今年以来).
    transplanted: float = 0.0
    #: A generated line the beam did not rank first: the model's own later choices are more often
    #: truncated or spliced (``“中国天眼”FAST揭晓`` for ``…揭开了快速射电暴起源于双星系统的科学谜题``).
    reranked: float = 0.0
    #: A short line of one clause that says a word twice (``伊朗称打击伊朗军事基地``).
    repeated: float = 0.0
    #: A generated line that copies a source clause's opening and stops while the clause goes on
    #: (``八宝山殡仪馆暂停焚烧死者`` of ``…焚烧死者生前衣物的通知``).
    stopped_clause: float = 0.0
    #: The same line when the clause goes on with 的: the line modifies the noun that follows
    #: (``美国和伊朗达成最终协议`` of ``…最终协议的60天窗口期已过``).
    stopped_modifier: float = 0.0
    #: A generated line that only says a contest ended or began where the source says next who won
    #: (``2026年WTA总决赛落幕`` of ``…落下帷幕。…郑钦文…战胜…萨巴伦卡``).
    curtain: float = 0.0
    #: A line that leaves part of a source word out between two copied pieces (``今冬春`` of ``今冬明春``).
    word_gap: float = 0.0
    #: A generated line without a verb (``陶瓷企业负责人``); spans are the text's own words and pay nothing.
    verbless: float = 0.0
    #: A generated line whose log-probability is at least this pays ``unattested`` only for the trigrams that do
    #: more than join two words of the source (:func:`~yxsumm.faithfulness.trigrams_joining_source_words`:
    #: ``习近平致信祝贺科技日报创刊40周年``); ``None``: it pays for every one.  Below it, the model's own doubt
    #: and such seams go together with splices (``日本首相高市早苗错误反对…``, log-probability -0.30).
    confident_log_prob: float | None = None
    span_bonus: float = 0.0
    span_log_prob: float = 1.0
    #: ``span_bonus`` for section headings, when they need another threshold than article headlines.
    heading_span_bonus: float | None = None
    #: How much the span selector favours spans that say what the model's first line says
    #: (:meth:`~yxsumm.span_selector.SpanSelector.select`, ``hint_weight``); 0 ignores the model.
    span_hint: float = 0.0
    #: ``span_hint`` for section headings, when it differs from article headlines'.
    heading_span_hint: float | None = None
    #: ``stopped_clause`` for section headings, when it differs from article headlines'.
    heading_stopped_clause: float | None = None
    #: ``stopped_modifier`` for section headings, when it differs from article headlines'.
    heading_stopped_modifier: float | None = None
    #: ``verbless`` for section headings, when it differs from article headlines'.
    heading_verbless: float | None = None

    def for_task(self, task: str) -> GuardWeights:
        """The weights to use for ``task`` (``"headline"`` or ``"heading"``)."""
        if task != "heading":
            return self
        weights = self
        if self.heading_span_bonus is not None:
            weights = replace(weights, span_bonus=self.heading_span_bonus)
        if self.heading_span_hint is not None:
            weights = replace(weights, span_hint=self.heading_span_hint)
        if self.heading_stopped_clause is not None:
            weights = replace(weights, stopped_clause=self.heading_stopped_clause)
        if self.heading_stopped_modifier is not None:
            weights = replace(weights, stopped_modifier=self.heading_stopped_modifier)
        if self.heading_verbless is not None:
            weights = replace(weights, verbless=self.heading_verbless)
        return weights


@dataclass(frozen=True)
class Candidate:
    """One line that could be printed: its text, where it comes from, its generator log-probability."""

    text: str
    kind: Literal["model", "span"]
    log_prob: float
    rank: int = 0  # position in the beam's n-best list (0 = the model's first choice)


@dataclass(frozen=True)
class Assessment:
    """What the guard measured of one candidate."""

    unsupported: tuple[Fact, ...]
    fragments: int
    broken: int
    unattested: int
    markup: bool
    length: int  # characters that are neither digits, spaces nor punctuation
    #: the line's end or start, when it stops inside a source word, and ranges it opens and does not close
    cut: tuple[str, ...] = ()
    #: the line's last word(s), when headlines almost never end with them, or a time frame it opens and
    #: never closes (``自12月`` without ``起``)
    dangling: str = ""
    scattered: int = 0  # the longest run of characters that are never side by side in the source
    unpaired: bool = False  # a book title or quotation opened and not closed, or closed and never opened
    mistitled: tuple[str, ...] = ()  # title + name pairs the source never writes side by side
    cut_word: tuple[str, ...] = ()  # the line's end or start, when it stops inside a plain source word
    support: float = 1.0  # share of the line's character pairs the source has side by side
    transplanted: tuple[str, ...] = ()  # facts the source gives to another name or time than the line does
    repeated: str = ""  # a word a short one-clause line says twice (``伊朗称打击伊朗军事基地``)
    foreign: bool = False  # a line of a Chinese text with fewer than MIN_HAN_CHARS Han characters (``YouTube``)
    #: two source words glued by a character they share (``修复专项目启动``), a frame marker lost, two pieces
    #: the source has only on either side of a sentence end (``…防灭火工作会议`` of ``…防灭火工作。会议指出``), or
    #: a subject and a verb of two clauses glued at the adverb both have (``采购疫苗便回应``)
    spliced: tuple[str, ...] = ()
    #: what the source goes on with, when the line copies a source clause's opening and stops inside it
    stopped_clause: str = ""
    #: what the source's clause says before the line, when the line copies only its predicate (``迈上新台阶``)
    headless: str = ""
    #: the result the source tells after its curtain, when the line only says that a contest ended or began
    curtain: str = ""
    #: the piece of a claim the source passes on and calls false that the line repeats (``某市自来水检出致癌物``),
    #: states as done when the source only supposes, wishes or weighs it, or an outcome it never tells (``成功``)
    refuted: str = ""
    #: figures the line gives a change up where the source gives them a change down, or the other way
    #: (``同比增长3.4%`` of ``同比减少3.4%``)
    reversed_changes: tuple[str, ...] = ()
    #: scope words the line gives that the source does not, where it gives another (``全国`` of ``全省``)
    changed_scopes: tuple[str, ...] = ()
    #: ``left|gap|right`` where the line leaves part of a source word out between two copied pieces, and
    #: ``copied|last`` where it changes the last character of the source word it ends in
    word_gaps: tuple[str, ...] = ()
    verbless: bool = False  # no word of the line is a verb (jieba's POS tags)
    #: quotations the source does not write (``“矫枉必须过正过土地”`` of ``“矫枉必须过正。”``)
    misquoted: tuple[str, ...] = ()
    #: of the ``unattested`` trigrams, those that only join two words of the source (``祝贺科`` of ``致信祝贺科技日报``)
    joining: int = 0

    @property
    def acceptable(self) -> bool:
        """Whether the hard rule lets this candidate be printed."""
        return (
            not self.unsupported
            and not self.markup
            and not self.unpaired
            and not self.cut
            and self.length >= MIN_WORD_CHARS
            and self.support >= MIN_SOURCE_SUPPORT
            and not self.foreign
            and not self.spliced
            and not self.refuted
            and not self.reversed_changes
            and not self.changed_scopes
            and not self.misquoted
        )


def has_no_verb(text: str) -> bool:
    """Whether no word of ``text`` is tagged a verb by jieba (``陶瓷企业负责人``, ``闽西北山区``; not
    ``宁化种植薏米已有数百年历史``).  On the dev sets about a quarter of the gold section headings have none, and
    half of the GPU-continued candidate generator's first lines for them.  A verbal noun right after 的 is the
    noun it is there (``中共中央关于“十四五”重大事业的发展理念``: jieba tags 发展 ``vn``; since the seventy-eighth
    session)."""
    words = tagged_words(text)
    return not any(
        flag.startswith("v") and not (flag == "vn" and index > 0 and words[index - 1][0] == "的")
        for index, (_, flag) in enumerate(words)
    )


def unpaired_marks(text: str) -> bool:
    """Whether ``text`` leaves a ``《`` or ``“`` open, or closes one it never opened.

    ``《关于实施“类乙管”优化新型冠状病毒感染者`` (a generated line that lost the end of a document's
    title) is unpaired; ``《人民日报》社论：…`` is not.
    """
    return not all(balanced_marks(text, {opener: closer}) for opener, closer in _PAIRED_MARKS)


def _concerning_only_a_time(text: str) -> str:
    """The 就 and time word ``text`` opens with when a named body or person follows them (jieba: ``nt``, ``nr``,
    ``ns``): "concerning" is left with no object but the time, the model having dropped what it concerns
    (``就今年中共中央召开党外人士座谈会习近平主持并发表重要讲话`` for ``…就今年经济形势和明年经济工作听取…意见``, a
    generated dev xwlb section line of the eighty-first session; the gold headlines of such meetings open
    ``就当前经济形势和下半年经济工作 中共中央召开…``); ``""`` otherwise."""
    if not text.startswith("就"):
        return ""
    words = posseg().lcut(text[:12], HMM=False)
    if len(words) < 3 or words[0].word != "就" or not words[1].flag.startswith("t"):
        return ""
    return words[0].word + words[1].word if words[2].flag.startswith(("nt", "nr", "ns")) else ""


def _dangling(text: str, source: str, endings: HeadlineEndings | None) -> str:
    """What leaves ``text`` unfinished: a rare headline ending (given ``endings``), an unclosed time frame,
    an unfinished 把 phrase, a superlative without its noun (``…局势的最严峻``), only the name of a document of
    ``source`` (:func:`~yxsumm.spans.bare_title`), a guest described and not named
    (:func:`~yxsumm.spans.headless_guest`), talks whose verb is left out (``赵乐际同纪念…80周年活动``,
    :func:`~yxsumm.spans.talks_without_their_verb`), a ``以…为…`` frame stopped before its 为 (``天津河北以进一步全面
    深化改革``, :func:`~yxsumm.faithfulness.open_frame`), a person heard instead of a report (``习近平听取李家超``,
    :func:`~yxsumm.spans.hears_a_person`), a thought left out (``我觉得自己``,
    :func:`~yxsumm.spans.leaves_out_what_is_thought`), only a person named by office (``刚果（布）总统``,
    :func:`~yxsumm.spans.names_only_a_person`) or only who speaks (``美国供应管理学会`` of ``…学会 (ISM) 表示，…``,
    :func:`~yxsumm.spans.names_only_a_speaker`), an adverb before a verb it lacks (``…终于``,
    :func:`~yxsumm.spans.ends_on_an_adverb`), a lead-in that only announces what is told next (``分享一件事情``,
    :data:`~yxsumm.spans.ANNOUNCEMENT_ONLY`) or only gives a short name (``简称“哈军工”``,
    :data:`~yxsumm.spans.ALIAS_ONLY`), a condition or concession that nothing answers
    (``俄外长：美若向乌提供“战斧”``, :func:`~yxsumm.spans.ends_on_a_concession_or_condition`), or a column's tag
    with next to nothing after it (:data:`_TAG_ALONE`), or, since the seventy-first session, a number the source
    always gives with the noun it counts right after it (``抢购口罩供应充足8%`` of ``只有8%人反对``,
    :func:`_number_without_its_noun`), or, since the seventy-sixth session, a series label alone (``关注乌克兰局势``,
    :data:`_SERIES_LABEL`), or, since the eighty-first, a 就 ("concerning") whose object is only a time
    (:func:`_concerning_only_a_time`)."""
    ending = endings.dangling_end(text) if endings is not None else ""
    return (
        ending
        or _number_without_its_noun(text, source)
        or _in_a_work_and_nothing_done(text)
        or _unanswered_condition(text)
        or _concerning_only_a_time(text)
        or unclosed_time_frame(text)
        or unfinished_disposal(text)
        or superlative_without_its_noun(text)
        or bare_title(text, source)
        or headless_guest(text, source)
        or talks_without_their_verb(text, source)
        or open_frame(text, source)
        or ("听取" if hears_a_person(text) else "")
        or ("…" if leaves_out_what_is_thought(text) else "")
        or (text if names_only_a_person(text) or names_only_a_speaker(text, source) else "")
        or (text[-2:] if ends_on_an_adverb(text) else "")
        or (text if ANNOUNCEMENT_ONLY.fullmatch(text) or ALIAS_ONLY.match(text) else "")
        or (text if _TAG_ALONE.fullmatch(text) or _SERIES_LABEL.fullmatch(text) else "")
    )


#: A line that ends on 在 and a work's title: ``韩星李孝利在《玩甚么好呢？》``.
_IN_A_WORK_AT_THE_END = re.compile(r"在《[^《》]{1,30}》$")


def _in_a_work_and_nothing_done(text: str) -> str:
    """``在《…》`` when ``text`` ends on what a person did something in (a show, a book) and says nothing of what
    (``韩星李孝利在《玩甚么好呢？》``, generated for a dev Hong Kong section; since the seventy-first session): 在 is no
    verb's complement there (``刊登在《人民日报》`` is).  None of 185,533 training headlines ends so."""
    found = _IN_A_WORK_AT_THE_END.search(text)
    if found is None or found.start() == 0:
        return ""
    before = posseg().lcut(text[: found.start()], HMM=False)
    return found.group() if before and not before[-1].flag.startswith("v") else ""


#: A number (or a percentage) that ends a line, with the measure word it may end on (``9篇``).
_LAST_NUMBER = re.compile(
    r"(?<![\d.])(?P<number>\d+(?:\.\d+)?[%％]?)(?P<measure>[篇项份条件款批部本张种类名位家个只])?$"
)


def _number_without_its_noun(text: str, source: str) -> str:
    """The number ``text`` ends with (and its measure word) when every place ``source`` gives it, a Han character
    follows it at once: the line leaves out what it counts (``抢购口罩供应充足8%`` of ``只有8%人反对上述说法``, a
    section line generated for a dev Hong Kong article; ``国家统计局公布9篇`` of ``…公布了9篇去年12月和全年的初步经济
    数据``, since the seventy-seventh session); ``""`` otherwise, and when the source ends a clause after it
    (``…同比增长8%，``)."""
    found = _LAST_NUMBER.search(text)
    if found is None:
        return ""
    number, measure = found.group("number"), found.group("measure") or ""
    places = [
        match.end() + len(measure)
        for match in whole_figure(number).finditer(source)
        if source.startswith(measure, match.end())
    ]
    if not places or any(end >= len(source) or not _COUNTED_NOUN_START.match(source[end]) for end in places):
        return ""
    return number + measure


#: A Han character after a number that starts what it counts: not a conjunction of a list of numbers
#: (``同比分别增长17.4%和23.74%``) or of a range (``8至10``).
_COUNTED_NOUN_START = re.compile(rf"(?![和与及或至到])[{HAN_RANGES}]")


#: A column's tag with at most three characters after it: ``【周梓乐死因研讯】结集`` (generated for a dev article whose
#: text has no ``结集``: 65 of the 12,628 tagged training headlines end so, a column's ``专辑`` or ``全文``, and 254 are
#: the tag alone, a columnist's piece), which tells nothing of what happened.
_TAG_ALONE = re.compile(r"【[^】]{1,30}】\s*\S{0,3}")
#: A news programme's series label alone: ``关注乌克兰局势`` (generated for a dev hkcnews article on a plane that
#: crashed at Tehran; 29 training headlines of ``xwlb_items`` are that label, 34 ``关注叙利亚局势``), which names a
#: running story and tells nothing of what happened.  Since the seventy-sixth session.
_SERIES_LABEL = re.compile(r"关注[^，,：:\s]{1,10}(?:局势|乱局)")


#: A Latin word that ends a line on an apostrophe (``Sant’``), which the source's word may go on after.
_LATIN_BEFORE_APOSTROPHE = re.compile(r"[A-Za-z]+[’']$")


def _cut_words(text: str, source: str) -> tuple[str, ...]:
    """The ends of ``text`` cut inside a word of the source (:func:`~yxsumm.faithfulness.cut_line_ends`), the start
    of what follows a speaker's or a place's colon, which opens a line of its own (``新疆：制宜加快培育新质生产力`` of
    ``因地制宜``), and, since the sixty-second session, the end of what comes before it (``厦门湖：`` of
    ``厦门湖里区``).  Since the eighty-second session also a Latin word cut after its apostrophe (``搜索Sant’`` of
    ``搜索 Sant’EgidioCommunity``, generated for a dev oped2 section)."""
    cut = cut_line_ends(text, source, whole_words=True)
    if (elided := _LATIN_BEFORE_APOSTROPHE.search(text)) and re.search(re.escape(elided.group()) + "[A-Za-z]", source):
        cut.append(elided.group())  # ``搜索Sant’`` of ``Sant’EgidioCommunity``: the name goes on after its apostrophe
    head, colon, said = text.partition("：")
    if colon and head and len(said) >= 2:
        cut += [piece for piece in cut_line_ends(said, source, whole_words=True) if said.startswith(piece)]
        cut += [
            piece
            for piece in cut_line_ends(head, source, whole_words=True)
            if head.endswith(piece) and not _place_without_its_suffix(piece, source)
        ]
    return tuple(dict.fromkeys(cut))


#: What a place's name may drop in a line's head: ``安徽合肥：`` of ``安徽合肥市``.
_PLACE_SUFFIXES = "市省县区州镇乡村"


def _place_without_its_suffix(piece: str, source: str) -> bool:
    """Whether ``source`` has ``piece`` followed by a place's suffix (:data:`_PLACE_SUFFIXES`): a head ``安徽合肥``
    drops the ``市`` of ``安徽合肥市``, while ``厦门湖`` of ``厦门湖里区`` cuts a name."""
    return re.search(f"{re.escape(piece)}[{_PLACE_SUFFIXES}]", source) is not None


def _unanswered_condition(text: str) -> str:
    """The last clause of ``text`` when it opens a condition or concession that nothing answers, else ``""``."""
    return last_clause(text) if ends_on_a_concession_or_condition(text) else ""


def assess(
    text: str,
    source: str,
    background: TrigramBackground | None,
    weights: GuardWeights | None = None,
    endings: HeadlineEndings | None = None,
) -> Assessment:
    """Measure ``text`` against ``source`` (``endings``: the list of rare headline endings, if any).

    Given ``weights``, the measures whose weight is zero are skipped (left at 0): they cannot change the
    choice, and the broken-word measure segments the whole source.
    """
    every = weights is None
    measure_unattested = every or bool(weights.unattested)
    measure_joining = measure_unattested and (every or weights.confident_log_prob is not None)
    unattested = unattested_trigrams(text, source, background) if measure_unattested else []
    return Assessment(
        unsupported=tuple(unsupported_facts(text, source)),
        fragments=len(source_pieces(text, source)) if every or weights.fragment else 0,
        broken=len(broken_words(text, source)) if every or weights.broken else 0,
        unattested=len(unattested),
        markup=has_markup(text),
        length=word_characters(text),
        cut=tuple(cut_line_ends(text, source)) + tuple(cut_ranges(text, source)),
        dangling=_dangling(text, source, endings) if every or weights.dangling else "",
        scattered=scattered_run(text, source) if every or weights.scattered else 0,
        unpaired=unpaired_marks(text),
        mistitled=tuple(mistitled_names(text, source)) if every or weights.mistitled else (),
        cut_word=_cut_words(text, source) if every or weights.cut_word else (),
        support=source_support(text, source),
        foreign=foreign_line(text, source),
        spliced=(
            tuple(overlapping_words(text, source))
            + tuple(dropped_frame_markers(text, source))
            + tuple(joined_across_sentences(text, source))
            # part of the hard rule: the trigrams are measured for it whatever the weights
            + tuple(
                moved_adverbs(
                    text, source, unattested if measure_unattested else unattested_trigrams(text, source, background)
                )
            )
        ),
        repeated=repeated_word(text) if every or weights.repeated else "",
        stopped_clause=(
            stops_inside_its_clause(text, source) or ends_before_its_noun(text, source)
            if every or weights.stopped_clause or weights.stopped_modifier
            else ""
        ),
        headless=starts_inside_its_clause(text, source) if every or weights.stopped_clause else "",
        curtain=result_left_out(text, source) if every or weights.curtain else "",
        refuted=repeated_refuted_claim(text, source)
        or repeated_corrected_figure(text, source)
        or stated_possibility(text, source)
        or stated_condition(text, source)
        or stated_wish(text, source)
        or stated_outcome(text, source),
        reversed_changes=tuple(reversed_changes(text, source)) + tuple(filter(None, [reversed_trend(text, source)])),
        changed_scopes=tuple(changed_scopes(text, source)),
        word_gaps=(
            tuple(skipped_word_parts(text, source)) + last_character_slips(text, source)
            if every or weights.word_gap
            else ()
        ),
        verbless=has_no_verb(text) if every or weights.verbless else False,
        misquoted=tuple(altered_quotations(text, source)),
        joining=len(trigrams_joining_source_words(text, source, unattested)) if measure_joining else 0,
        transplanted=(
            tuple(
                transplanted_predicates(text, source)
                + transplanted_times(text, source)
                + generalised_periods(text, source)
                + cited_documents_as_actors(text, source)
                + titles_taken_as_doers(text, source)
                + beheaded_subjects(text, source)
                + unframed_records(text, source)
                + moved_ordinals(text, source)
                + moved_objects(text, source)
                + misattributed_claims(text, source)
                + kinds_for_their_one(text, source)
                + mispaired_numbers(text, source)
                + likenesses_told_as_facts(text, source)
                + list(filter(None, [stated_decision(text, source)]))
            )
            if every or weights.transplanted
            else ()
        ),
    )


def guard_score(candidate: Candidate, assessment: Assessment, weights: GuardWeights) -> float:
    """The score of the module docstring (higher is better)."""
    log_prob = candidate.log_prob if math.isfinite(candidate.log_prob) else -5.0
    if candidate.kind == "span":
        log_prob = weights.span_log_prob * log_prob + weights.span_bonus
    return (
        log_prob
        - weights.fragment * max(0, assessment.fragments - weights.free_fragments)
        - weights.broken * assessment.broken
        - weights.unattested * (assessment.unattested - _excused_joins(candidate, assessment, weights))
        - weights.dangling * bool(assessment.dangling)
        - weights.scattered * (assessment.scattered >= weights.scattered_min_run)
        - weights.mistitled * bool(assessment.mistitled)
        - weights.cut_word * bool(assessment.cut_word)
        - weights.transplanted * bool(assessment.transplanted)
        - weights.reranked * (candidate.kind == "model" and candidate.rank > 0)
        - weights.repeated * bool(assessment.repeated)
        - weights.stopped_clause * bool(assessment.stopped_clause or assessment.headless)
        - weights.stopped_modifier * goes_on_as_its_noun(assessment.stopped_clause)
        - weights.curtain * bool(assessment.curtain)
        - weights.word_gap * bool(assessment.word_gaps)
        - weights.verbless * assessment.verbless
    )


def _excused_joins(candidate: Candidate, assessment: Assessment, weights: GuardWeights) -> int:
    """The unattested trigrams ``candidate`` is not penalised for: those that only join two source words, when it
    is a generated line the model is confident of (:attr:`GuardWeights.confident_log_prob`)."""
    floor = weights.confident_log_prob
    if floor is None or candidate.kind != "model" or not candidate.log_prob >= floor:
        return 0
    return assessment.joining


@dataclass(frozen=True)
class Choice:
    """The printed line, how it was produced, and what was rejected on the way."""

    text: str
    origin: Origin
    rejected: tuple[tuple[str, Assessment], ...] = field(default_factory=tuple)


def choose(
    candidates: Sequence[Candidate],
    source: str,
    background: TrigramBackground | None,
    weights: GuardWeights,
    fallback: str,
    endings: HeadlineEndings | None = None,
) -> Choice:
    """Pick the line to print for ``source`` (``fallback``: printed when no candidate is acceptable)."""
    assessed = [(c, assess_candidate(c, source, background, weights, endings)) for c in candidates]
    return choose_assessed(assessed, weights, fallback, source)


def _leads_nowhere(span: str, source: str) -> bool:
    """Whether ``span`` is only a frame or only leads up to a clause it leaves out (see :func:`assess_candidate`), or
    stops inside its clause of ``source`` with a prepositional phrase left open (:func:`_stops_in_an_open_phrase`)."""
    return (
        is_only_a_frame(span)
        or has_only_dependent_clauses(span)
        or ends_on_a_dependent_clause(span)
        or _stops_in_an_open_phrase(span, source)
    )


def _stops_in_an_open_phrase(span: str, source: str) -> bool:
    """Whether ``source`` goes on with ``span``'s clause right after it (no clause mark, no space) and ``span`` leaves
    a prepositional phrase open (:func:`~yxsumm.spans.leaves_a_phrase_open`):
    ``…（哈马斯）已就加沙地带停火协议第一阶段`` of ``…第一阶段的所有条款和执行机制达成一致``, which the selector
    prints when no other span reads whole (a dev headline; since the seventy-second session the generator's
    ``哈马斯就加沙地带停火协议达成一致`` is printed)."""
    at = source.find(span)
    after = source[at + len(span) : at + len(span) + 1] if at >= 0 else ""
    return bool(after) and after not in CLAUSE_ENDS and not after.isspace() and leaves_a_phrase_open(span)


def assess_candidate(
    candidate: Candidate,
    source: str,
    background: TrigramBackground | None,
    weights: GuardWeights | None = None,
    endings: HeadlineEndings | None = None,
) -> Assessment:
    """:func:`assess` of ``candidate``; a span is judged without the ``等`` the span selector adds where its
    list goes on in the source (``…戴维·米勒等`` for ``…戴维·米勒、``): a mark that more follow, not a claim.
    A span that is only a frame (:func:`~yxsumm.spans.is_only_a_frame`: ``应…邀请``, ``在…期间``) or only leads up to
    what its sentence says (:func:`~yxsumm.spans.has_only_dependent_clauses`: ``当我…听闻…「中国研究服务中心」``,
    :func:`~yxsumm.spans.ends_on_a_dependent_clause`), which the selector prints only when no other span reads whole,
    dangles.
    A span has no unattested trigrams, no scattered run, no repeated word, no word gap and is never verbless:
    it is the text's own words,
    cut out or told as a meeting by deletions only (``李强同爱尔兰总理马丁会谈``,
    :func:`~yxsumm.spans.meeting_headline`), and those measures find what a generator spliced.  Where a span
    stops is the span selector's to judge (:func:`~yxsumm.span_selector.SpanSelector.select`), not
    ``stopped_clause``'s."""
    text = candidate.text
    if candidate.kind != "span":
        return assess(text, source, background, weights, endings)
    if text.endswith(PARTIAL_LIST_MARK) and text[:-1] + "、" in source:
        text = text[:-1]
    # measures a span is not judged by are not measured either (given weights, a zero weight skips one)
    unjudged = (
        replace(
            weights,
            unattested=0.0,
            scattered=0.0,
            repeated=0.0,
            stopped_clause=0.0,
            stopped_modifier=0.0,
            curtain=0.0,
            word_gap=0.0,
            verbless=0.0,
        )
        if weights is not None
        else None
    )
    assessment = assess(text, source, background, unjudged, endings)
    return replace(
        assessment,
        # a span the selector could only find as a frame (``应新西兰议会议长…邀请``) or as the clauses that lead up to
        # what its sentence says (``当我…听闻…``) says nothing: it dangles
        dangling=assessment.dangling or (text if _leads_nowhere(text, source) else ""),
        unattested=0,
        scattered=0,
        repeated="",
        stopped_clause="",
        headless="",
        curtain="",
        word_gaps=(),
        verbless=False,
    )


def _short_span_above(
    assessed: Sequence[tuple[Candidate, Assessment]], weights: GuardWeights, score: float
) -> Candidate | None:
    """The span, when only its length (:data:`MIN_SHORT_SPAN_CHARS` word characters, one fewer than
    :data:`MIN_WORD_CHARS`) keeps it from being printed and it scores above ``score`` (the best printable
    candidate's).  The length rule keeps lines that say nothing (``2018年``, ``2004年度``) from being printed in
    place of better ones, not short lines of the text's own words (``欠债还钱``, ``马克·库班``) in favour of worse
    generated ones (``劳动者的劳动``, ``世界这一天马克·班子：创立计算机``)."""
    for candidate, assessment in assessed:
        if candidate.kind != "span" or assessment.acceptable or assessment.length < MIN_SHORT_SPAN_CHARS:
            continue
        only_short = replace(assessment, length=MIN_WORD_CHARS).acceptable
        if only_short and guard_score(candidate, assessment, weights) > score:
            return candidate
    return None


def choose_assessed(
    assessed: Sequence[tuple[Candidate, Assessment]], weights: GuardWeights, fallback: str, source: str
) -> Choice:
    """:func:`choose` for candidates already assessed (lets a weight search assess each candidate once); the
    chosen line is told in headline style (:func:`~yxsumm.postprocess.headline_style_for` ``source``)."""
    rejected = tuple((c.text, a) for c, a in assessed if not a.acceptable)
    passing = [(c, a) for c, a in assessed if a.acceptable]
    model_passing = any(c.kind == "model" for c, _ in passing)
    if not passing:
        return Choice(headline_style_for(fallback, source), "extractive-fallback", rejected)
    best, best_assessment = max(passing, key=lambda pair: guard_score(pair[0], pair[1], weights))
    short_span = _short_span_above(assessed, weights, guard_score(best, best_assessment, weights))
    if short_span is not None:
        return Choice(headline_style_for(short_span.text, source), "extractive-span", rejected)
    text = headline_style_for(best.text, source)
    if best.kind == "span":
        return Choice(text, "extractive-span" if model_passing else "extractive-fallback", rejected)
    return Choice(text, "model" if best.rank == 0 else "model-reranked", rejected)
