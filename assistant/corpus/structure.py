"""Find the structure of a raw text: running page headers, page numbers, headings, clause ids and
sentence ends, all as character offsets into the untouched source.

Working on offsets (instead of rewriting the text first) keeps every chunk traceable to the exact
characters of the file it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.corpus.loaders import PageSpan

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Unit:
    """A sentence, line or heading: the smallest piece a chunk is built from."""

    start: int
    end: int
    kind: str  # "heading" | "clause" | "text"
    label: str | None = None  # heading text, or clause id such as "C16" or "1.1.3"
    level: int = 0


# --- running headers (plain-text extracts of PDFs) -------------------------------------------


def running_header_pages(text: str, header: str) -> tuple[list[Span], list[PageSpan]]:
    """Spans of a running header followed by a page number, and the pages they open.

    In 004 the header ``服装鞋类行业科学碳目标设定指南`` is glued to its page number and often to the
    first digits of the page's text (``…指南71.4为什么`` is page 7 then section 1.4), so page
    numbers are read as the expected next number when the digits start with it.
    """
    if not header or len(header) < 4:
        return [], []
    matches = list(re.finditer(re.escape(header) + r"(\d{0,4})", text))
    numbered = [m for m in matches if m.group(1)]
    if len(numbered) < 3:
        return [], []
    skips: list[Span] = []
    starts: list[tuple[int, int]] = [(1, 0)]
    page = 1
    for m in matches:
        digits = m.group(1)
        if not digits:
            if m.start() == 0:
                skips.append(Span(m.start(), m.end()))
            continue
        expected = str(page + 1)
        if digits.startswith(expected):
            page = page + 1
            used = len(expected)
        else:
            used = next(
                (n for n in range(1, len(digits) + 1) if int(digits[:n]) > page),
                len(digits),
            )
            page = int(digits[:used])
        end = m.start(1) + used
        skips.append(Span(m.start(), end))
        starts.append((page, end))
    pages = [
        PageSpan(number, begin, starts[i + 1][1] if i + 1 < len(starts) else len(text))
        for i, (number, begin) in enumerate(starts)
    ]
    return skips, pages


def pdf_furniture(text: str, pages: list[PageSpan]) -> list[Span]:
    """First/last lines repeated on most pages (headers, footers, page numbers)."""
    if len(pages) < 3:
        return []
    candidates: list[tuple[str, Span]] = []
    for p in pages:
        page_text = text[p.start : p.end]
        lines = [m for m in re.finditer(r"[^\n]+", page_text) if m.group().strip()]
        for m in lines[:1] + lines[-1:]:
            key = re.sub(r"\d+", "#", m.group().strip())
            if len(key) <= 80:
                candidates.append((key, Span(p.start + m.start(), p.start + m.end())))
    counts = Counter(key for key, _ in candidates)
    threshold = max(3, len(pages) // 2)
    return [span for key, span in candidates if counts[key] >= threshold]


# --- headings, clauses and sentences ----------------------------------------------------------

_CLAUSE = re.compile(r"[■◼]\s*(?:标准)?\s*(?P<id>[CR]\d{1,2}(?:\.\d{1,2})?)\s*[-–—:：]")
_BULLET = re.compile(r"[■◼▶•●◆§]")
_CATI_ID = re.compile(r"^\s*(?P<id>\d\.\d\.\d)\s")
_NUMBERED_LINE = re.compile(r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s*(?P<title>[^\d\s%].{1,70})$")
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.+)$")
_INLINE_SECTION = re.compile(rf"(?<=[。）)\]])(?P<num>[1-9]\.\d{{1,2}})(?=[{CJK}A-Z])")
_SENTENCE_END = re.compile(r"[。！？；!?]+|(?<=[a-zà-ỹ0-9\)])[.;](?=\s+[A-ZÀ-Ỹ\"“(])")


def _is_caps_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 4 or len(line) > 90:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.85


def find_units(text: str, skips: list[Span]) -> list[Unit]:
    """Cut the text into units at line breaks, sentence ends, clause ids and headings."""
    cuts: set[int] = {0, len(text)}
    for m in re.finditer(r"\n|\t+", text):
        cuts.add(m.start())
        cuts.add(m.end())
    for m in _SENTENCE_END.finditer(text):
        cuts.add(m.end())
    for m in _BULLET.finditer(text):
        cuts.add(m.start())
    for m in _INLINE_SECTION.finditer(text):
        cuts.add(m.start())
    for s in skips:
        cuts.add(s.start)
        cuts.add(s.end)
    ordered = sorted(cuts)
    skip_set = {(s.start, s.end) for s in skips}
    units: list[Unit] = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        if (a, b) in skip_set or not text[a:b].strip():
            continue
        # trim white space so offsets point at the words themselves
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        a2, b2 = a + lead, b - trail
        units.append(_classify(text, a2, b2))
    return _merge_caps_headings(text, units)


def _classify(text: str, a: int, b: int) -> Unit:
    seg = text[a:b]
    before = text[text.rfind("\n", 0, a) + 1 : a]
    after_nl = text.find("\n", b)
    after = text[b : len(text) if after_nl < 0 else after_nl]
    # a cell of a flattened table (tab-separated) counts as a line of its own
    line_start = not before.strip(" \r") or before.endswith("\t")
    line_end = not after.strip(" \r") or after.startswith("\t")
    whole_line = line_start and line_end
    if m := _CLAUSE.match(seg):
        return Unit(a, b, "clause", m.group("id"))
    if whole_line:
        if m := _MD_HEADING.match(seg):
            return Unit(a, b, "heading", m.group("title").strip(), len(m.group("hashes")))
        if m := _CATI_ID.match(seg):
            return Unit(a, b, "clause", m.group("id"))
        if (m := _NUMBERED_LINE.match(seg)) and not seg.rstrip().endswith(("。", ".", ";", "；")):
            title = f"{m.group('num')} {m.group('title').strip()}"
            return Unit(a, b, "heading", _squash(title), m.group("num").count(".") + 1)
        if _is_caps_heading(seg):
            return Unit(a, b, "heading", _squash(seg), 1)
        if len(seg) <= 60 and seg.rstrip().endswith((":", "：")) and "\t" not in seg:
            return Unit(a, b, "heading", _squash(seg.rstrip(" :：")), 3)
    if m := _INLINE_SECTION.match(text, a):
        return Unit(a, b, "heading", m.group("num"), m.group("num").count(".") + 1)
    return Unit(a, b, "text")


def _merge_caps_headings(text: str, units: list[Unit]) -> list[Unit]:
    """Brochure headings broken over lines ("CÁC YẾU TỐ CHÍNH CỦA KHUNG CHƯƠNG / TRÌNH MCAP")."""
    merged: list[Unit] = []
    for u in units:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and u.kind == "heading"
            and prev.kind == "heading"
            and prev.level == u.level == 1
            and _is_caps_heading(text[prev.start : prev.end])
            and _is_caps_heading(text[u.start : u.end])
            and "\n\n" not in text[prev.end : u.start]
        ):
            label = _squash(f"{prev.label} {u.label}")
            merged[-1] = Unit(prev.start, u.end, "heading", label, 1)
        else:
            merged.append(u)
    return merged


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
