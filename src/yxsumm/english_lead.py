"""An English text's extractive line: its first sentence of prose, cut to a headline's length.

The span selector ranks spans of at most :data:`~yxsumm.spans.MAX_SPAN_CHARS` characters, a measure made for
Chinese, where 40 characters say a whole headline; in English they hold six or seven words, and the spans it
printed for the English articles and sections of the hkcnews sets were pieces of sentences (``In the past``,
``The ruling Chinese Communist Party is``, ``to kill the cynical``).  On the 27 English items of the dev and test
caches those lines scored ROUGE-L 28.5 against 33.6 for the first sentence.  For a text that is English (Latin
letters outnumber Chinese characters :data:`ENGLISH_RATIO` to one) the extractive line is therefore its first
sentence of prose: not a byline (``By Chris Patten``), a label ending in a colon (``Notes:``) or a line of
fewer than :data:`MIN_WORDS` words, cut at a clause end or else a word end to :data:`MAX_CHARS` characters
(the cap of every printed line), without a last word that waits for more (``…in a hard place in``).
"""

from __future__ import annotations

import re

from .chinese import HAN
from .postprocess import MAX_LINE_CHARS
from .spans import ENGLISH_WAITING_WORDS, Span

#: Latin letters per Chinese character above which a text is read as English (a Chinese text that quotes an
#: English name or two stays Chinese: ``《华盛顿邮报》记者：Beth Reinhard``).
ENGLISH_RATIO = 10
#: The longest English line printed, in characters (about ten words): the cap every printed line has.
MAX_CHARS = MAX_LINE_CHARS
#: A sentence of fewer words is a label or a byline, not prose.
MIN_WORDS = 4

_LATIN = re.compile(r"[A-Za-z]")
#: A sentence: up to a full stop, question or exclamation mark before a space or the line's end (not the point of
#: ``2.0`` or ``U.S.A``'s inner ones), or the rest of the line.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?]+[\"'”’]?(?=\s|$)|$)", re.MULTILINE)
_BYLINE = re.compile(r"^\W*(?:By|From|Photo|Source|Written by)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
#: An editor's label before a sentence's colon, which no headline prints: ``Editor's note: Former lawmaker Cyd Ho
#: Sau-lan pleaded guilty…`` (a dev hkcnews article).
_NOTE_LABEL = re.compile(
    r"^(?:Editor['’]?s'? notes?|Notes?|Update[ds]?|Correction|Clarification)\s*:\s*", re.IGNORECASE
)


def is_english(text: str) -> bool:
    """Whether ``text`` is English: it has :data:`ENGLISH_RATIO` times more Latin letters than Chinese characters
    (and some Latin letters at all)."""
    latin = len(_LATIN.findall(text))
    return latin > 0 and latin > ENGLISH_RATIO * len(HAN.findall(text))


def english_lead(window: str) -> Span | None:
    """The first sentence of prose of ``window``, cut to :data:`MAX_CHARS` characters at a clause end (a comma
    or semicolon at least half-way) or else at a word end, trailing words that wait for more dropped; ``None``
    when ``window`` has no such sentence."""
    for whole_only in (True, False):  # a sentence's start first, else the rest of one the window cut
        for found in _SENTENCE.finditer(window):
            sentence = found.group().strip()
            if not _is_prose(sentence) or (whole_only and sentence[0].islower()):
                continue
            start = found.start() + found.group().index(sentence)
            told = _NOTE_LABEL.sub("", sentence, count=1)
            text = _without_open_marks(_cut_to_length(_main_clause(_without_full_stop(told))))
            if len(_WORD.findall(text)) >= MIN_WORDS:
                start += sentence.index(text)
                return Span(start, start + len(text), text, 0.0)
    return None


#: Words that open a clause leading up to the main one (``Although an investigation … cannot be ruled out, Leung
#: remains…``).
_LEADING_CLAUSE = re.compile(
    r"(?:Although|Though|Even though|If|When|While|Whilst|Since|Because|As|After|Before|Unless|Despite|Following|"
    r"Given|Once|Until|Whether)\b"
)


def _main_clause(sentence: str) -> str:
    """``sentence`` from its main clause when it opens with a clause that leads up to it (:data:`_LEADING_CLAUSE`)
    and is too long to be printed whole: the part after that clause's comma, when it has :data:`MIN_WORDS` words;
    ``sentence`` itself otherwise (a cut would print the leading clause alone)."""
    if len(sentence) <= MAX_CHARS or _LEADING_CLAUSE.match(sentence) is None or "," not in sentence:
        return sentence
    rest = sentence.split(",", 1)[1].strip()
    return rest if len(_WORD.findall(rest)) >= MIN_WORDS else sentence


def _is_prose(sentence: str) -> bool:
    """Whether ``sentence`` is prose: enough words, not a byline, not a label before a colon, English."""
    return (
        len(_WORD.findall(sentence)) >= MIN_WORDS
        and _BYLINE.match(sentence) is None
        and not sentence.rstrip().endswith((":", "："))
        and is_english(sentence)
    )


def _without_full_stop(sentence: str) -> str:
    """``sentence`` without the marks that end it, unless a closing quotation mark comes after them (``…go."``)."""
    return sentence.rstrip(" .!?") if not sentence.endswith(_CLOSERS) else sentence


#: Brackets and quotation marks that open and close (not ``‘’``, which English also writes as apostrophes).
_OPENERS = '("“「『'
_CLOSERS = (")", '"', "”", "」", "』")


def _without_open_marks(text: str) -> str:
    """``text`` without a bracket or quotation mark at its start that the cut left unclosed (``(Mrs Anson Chan was
    awarded…``), up to a quotation the cut left open at its end, and without a comma or colon at its end."""
    text = text.rstrip(" ,;:")
    while text and text[0] in _OPENERS and not any(closer in text for closer in _CLOSERS):
        text = text[1:].lstrip()
    if text.count('"') % 2 or text.count("“") > text.count("”"):
        # ``…written "how CAN we avoid" instead of "how``: the cut left a quotation open at the end
        opened = max(text.rfind('"'), text.rfind("“"))
        text = _without_waiting_words(text[:opened].rstrip(" ,;:"), marks=" ,;:")
    return text


def _cut_to_length(sentence: str) -> str:
    """``sentence`` cut to :data:`MAX_CHARS` characters: at its last clause end past half of that, else at its
    last word end, then without the words at its end that wait for more
    (:data:`~yxsumm.spans.ENGLISH_WAITING_WORDS`)."""
    if len(sentence) <= MAX_CHARS:
        return sentence
    head = sentence[:MAX_CHARS]
    clause_end = max(head.rfind(","), head.rfind(";"), head.rfind(" - "), head.rfind(" — "))
    if clause_end >= MAX_CHARS // 2:
        return head[:clause_end].rstrip()
    return _without_waiting_words(head[: head.rfind(" ")].rstrip(" ,;:-—") if " " in head else head)


def _without_waiting_words(text: str, marks: str = " ,;:-—") -> str:
    """``text`` without the words at its end that wait for more (:data:`~yxsumm.spans.ENGLISH_WAITING_WORDS`, and a
    verb's ``-ing`` form right after one: ``…pleaded guilty to taking``), and without the ``marks`` before each."""
    while " " in text and _waits(text.split(" ")[-2:]):
        text = text[: text.rfind(" ")].rstrip(marks)
    return text


def _waits(last_words: list[str]) -> bool:
    """Whether the last of ``last_words`` (the last two of a text) waits for more."""
    last = last_words[-1].lower()
    after_waiting = len(last_words) == 2 and last_words[0].lower() in ENGLISH_WAITING_WORDS
    return last in ENGLISH_WAITING_WORDS or (after_waiting and last.endswith("ing"))
