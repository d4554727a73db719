"""Text normalisation applied before any structure is found.

* HTML is reduced to text with paragraph breaks (scripts, styles and tags dropped, entities decoded);
* Unicode NFKC where it is safe: full-width letters/digits/spaces become ASCII, but Chinese
  full-width punctuation (，。：；！？（）【】…) is kept as it is;
* ASCII ``,:;?!`` between Chinese characters become their full-width forms;
* zero-width and control characters are removed, runs of spaces collapsed, blank lines dropped;
* Markdown links are reduced to what a reader sees: ``[标题](https://…)`` to ``标题``; images, footnote marks
  (``[[1]](https://…)``) and links whose text is their address are dropped, and so is a setext underline
  run into the end of its line (``标题 ------``), and a line that is only a Pandoc attribute block
  (``{.links-list}``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .chinese import CJK_CONTEXT_RANGES, FULL_WIDTH, HAN_RANGES
from .errors import InputError

_HTML_HINT = re.compile(r"<\s*(html|body|p|div|br|span|script|style|article|h[1-6]|li|table|meta|a)\b", re.I)
_BLOCK_TAGS = [
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "pre",
    "title",
    "ul",
    "ol",
    "table",
    "figcaption",
    "dd",
    "dt",
]
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Lone surrogates (a web client can send them as JSON escapes) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")
_ASCII_PUNCT = re.compile(
    rf"(?<=[{CJK_CONTEXT_RANGES}])\s*([,:;?!])\s*(?=[{CJK_CONTEXT_RANGES}])|(?<=[{HAN_RANGES}])([,:;?!])$", re.M
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup rather than plain text."""
    return bool(_HTML_HINT.search(text[:20000]))


_DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "object")
_LEFTOVER_TAG = re.compile(r"</?[A-Za-z][^<>]*(?:>|(?=<)|$)|<!--.*?(?:-->|$)", re.S)


def html_to_text(html: str) -> tuple[str, list[str]]:
    """Reduce HTML to text with one paragraph a line; returns (text, removed script/style contents).

    Parsed by lxml (libxml2), which is linear in the input even for tag soup (``"<p " × 30000``) or very
    deep nesting, where Python's ``html.parser`` behind BeautifulSoup took minutes.  The page title is
    kept as the first line; script, style and similar elements are dropped and listed; block elements
    end lines; h1–h6 elements start with a Markdown heading mark (``## ``).  Whatever still looks like
    a tag afterwards (unclosed fragments) is removed, so no markup reaches a summary.  When the parse
    yields no text at all (content nested deeper than libxml2's 256 levels), the tags are stripped from
    the input instead.
    """
    import lxml.etree
    import lxml.html

    removed: list[str] = []
    try:
        document = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):  # nothing parseable: treat it as text, markup stripped
        return _LEFTOVER_TAG.sub(" ", html), removed
    title = document.findtext(".//head/title") or ""
    for element in list(document.iter(*_DROPPED_TAGS, lxml.etree.Comment)):
        if isinstance(element.tag, str):
            content = " ".join(element.text_content().split())
            if content:
                removed.append(f"<{element.tag}> {content[:200]}")
        element.drop_tree()
    head = document.find("head")
    if head is not None:
        head.drop_tree()
    for element in document.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        # Heading elements keep a Markdown mark, which the structure layer reads as a heading cue.
        marker = "#" * int(element.tag[1]) + " " if element.tag in _HEADING_TAGS else ""
        element.text = "\n" + marker + (element.text or "")
    text = document.text_content()
    if title.strip():
        text = title.strip() + "\n" + text
    if not text.strip():
        # libxml2 drops what is nested deeper than 256 elements; rather than lose the text, strip the tags.
        return _LEFTOVER_TAG.sub(" ", html), removed
    return _LEFTOVER_TAG.sub(" ", text), removed


@lru_cache(maxsize=4096)
def _nfkc_char(char: str) -> str:
    code = ord(char)
    # Keep Chinese/full-width punctuation and CJK symbols; fold full-width letters, digits and spaces.
    if 0x3000 < code <= 0x303F or 0xFF01 <= code <= 0xFF0F or 0xFF1A <= code <= 0xFF20:
        return char
    if 0xFF3B <= code <= 0xFF40 or 0xFF5B <= code <= 0xFF65 or char in "…—–·“”‘’":
        return char
    folded = unicodedata.normalize("NFKC", char)
    return folded if folded.strip() or folded == char else " "


#: A Markdown link or image: its text may hold one level of brackets (``[[冷战物语]冷战时期的香港「送中」](…)``).
_MARKDOWN_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\((?:https?://|www\.)[^)\s]*\)")
#: Link text that is no words of the article: a footnote mark (``[1]``) or an address.
_NO_LINK_WORDS = re.compile(r"\[?\d{1,3}\]?|\[?(?:https?://|www\.)\S*")
#: A setext heading's underline run into its line: ``标题 ------``.
_TRAILING_RULE = re.compile(r"[ \t]+[-=]{3,}$", re.M)


#: A line that is only a Pandoc attribute block: ``{.links-list}``, ``{#top .wide}``.
_ATTRIBUTE_BLOCK = re.compile(r"\{[.#][\w-]+(?:\s+[.#][\w-]+)*\}")


def unwrap_markdown_links(text: str) -> str:
    """``text`` with each Markdown link reduced to its text; images and links whose text is a footnote mark or
    an address are dropped (``[[1]](https://web.archive.org/…)``), and so is an underline run into the end of a
    line (``标题 ------``; a line that is only a rule stays)."""

    def shown(match: re.Match[str]) -> str:
        image, words = match.group(1), match.group(2).strip()
        return "" if image or _NO_LINK_WORDS.fullmatch(words) else words

    if "](" in text:
        text = _MARKDOWN_LINK.sub(shown, text)
    return _TRAILING_RULE.sub("", text) if "---" in text or "===" in text else text


def _safe_nfkc(text: str) -> str:
    if text.isascii():
        return text
    if unicodedata.is_normalized("NFKC", text):
        return text
    return "".join(_nfkc_char(c) if ord(c) > 0x7F else c for c in text)


def normalize_text(text: str) -> str:
    """Normalise ``text`` as described in the module docstring (HTML must be reduced first)."""
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    text = _safe_nfkc(text)
    text = unwrap_markdown_links(text)
    text = _SPACES.sub(" ", text)
    text = _ASCII_PUNCT.sub(lambda m: FULL_WIDTH[m.group(1) or m.group(2)], text)
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line and not _ATTRIBUTE_BLOCK.fullmatch(line))
