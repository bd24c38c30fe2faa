"""Cut a source document into translation segments: a sentence, clause, list item, heading or table row,
each with its character offsets in the untouched source file.

Segments are the unit our translations are aligned to (``corpus/translations/``), so their ids must stay
stable: they are the offsets, and a segment's ``digest`` pins its text. Built on the chunker's units
(sentence ends, clause ids, bullets, running headers skipped); units a layout broke over lines are joined
again, and a flattened table row (tab-separated cells) is kept whole so no value is cut off.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from assistant.corpus.cleaning import clean_text, remove_spans
from assistant.corpus.structure import CJK, Span, Unit
from assistant.text.language import Lang, detect_language

SEGMENTER_VERSION = "1"

_SENTENCE_FINAL = ("。", "！", "？", "；", ".", "!", "?", ";", ":", "：")
_LETTER = re.compile(r"[^\W\d_]")
_CJK_CHAR = re.compile(f"[{CJK}]")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    lang: Lang
    kind: str  # "text" | "heading" | "row" | "neutral" (no words: numbers, marks; never translated)

    @property
    def id(self) -> str:
        return f"{self.start}-{self.end}"

    @property
    def digest(self) -> str:
        return text_digest(self.text)


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _line_of(raw: str, offset: int) -> tuple[int, int]:
    a = raw.rfind("\n", 0, offset) + 1
    b = raw.find("\n", offset)
    return a, len(raw) if b < 0 else b


def _continues(before: str, after: str) -> bool:
    """The next line carries on the sentence (lower case, CJK, or after a comma), not a new list item."""
    first = after.lstrip()[:1]
    return before.rstrip().endswith((",", "，", "、")) or first.islower() or bool(_CJK_CHAR.match(first))


def _groups(raw: str, units: list[Unit]) -> list[tuple[int, int, str]]:
    """Units joined into segments: (start, end, kind)."""
    out: list[tuple[int, int, str]] = []
    for u in units:
        kind = "heading" if u.kind == "heading" else "text"
        line_a, line_b = _line_of(raw, u.start)
        in_row = "\t" in raw[line_a:line_b]
        if out:
            pa, pb, pkind = out[-1]
            gap = raw[pb : u.start]
            same_row = in_row and pkind == "row" and "\n" not in gap
            # a sentence the layout broke over lines: one line break, no sentence end before it
            broken_line = (
                not in_row
                and pkind == kind
                and gap.count("\n") == 1
                and not gap.strip()
                and not raw[pa:pb].rstrip().endswith(_SENTENCE_FINAL)
                and _continues(raw[pa:pb], raw[u.start : u.end])
                and "\t" not in raw[_line_of(raw, pa)[0] : pb]
            )
            if same_row or broken_line:
                out[-1] = (pa, u.end, pkind)
                continue
        out.append((u.start, u.end, "row" if in_row else kind))
    return out


def segment_document(
    raw: str, units: list[Unit], skips: list[Span], languages: list[Lang], glued: bool
) -> list[Segment]:
    """The document's segments in reading order; running headers are left out.

    A segment's language is the document's when it has one (a URL in a Chinese reference list is part of
    the Chinese text); in a bilingual document it is detected among the document's languages.
    """
    segments: list[Segment] = []
    for a, b, kind in _groups(raw, units):
        text = clean_text(remove_spans(raw[a:b], a, skips), glued=glued)
        if not text:
            continue
        if not _LETTER.search(text):
            kind = "neutral"
        lang = languages[0]
        if len(languages) > 1:
            found = detect_language(text, default=languages[0])
            lang = found if found in languages else languages[0]
        segments.append(Segment(a, b, text, lang, kind))
    return segments
