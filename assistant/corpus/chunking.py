"""Structure-aware chunking: chunks start at headings and clause ids, end at sentence ends, and
are bounded in the embedder's tokens, with overlap only where a long passage had to be cut.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from assistant.corpus.cleaning import clean_text, remove_spans
from assistant.corpus.loaders import PageSpan
from assistant.corpus.structure import Span, Unit
from assistant.text.tokenize import TOKENIZER_VERSION

CHUNKER_VERSION = "1"


@dataclass(frozen=True)
class Chunk:
    doc: str
    index: int
    text: str
    start: int
    end: int
    section: str
    locator: str
    page: int | None
    clause: str | None

    @property
    def chunk_id(self) -> str:
        # the tokenizer's version too: a chunk's lexical tokens are stored with it
        key = f"{CHUNKER_VERSION}\x00{TOKENIZER_VERSION}\x00{self.start}\x00{self.end}\x00{self.text}"
        digest = hashlib.sha1(key.encode()).hexdigest()
        return f"{self.doc}:{digest[:16]}"


@dataclass
class _State:
    headings: dict[int, str]
    clause: str | None

    def section(self) -> str:
        parts = [self.headings[k] for k in sorted(self.headings)]
        if self.clause:
            parts.append(self.clause)
        return " > ".join(parts)


def chunk_units(
    doc: str,
    raw: str,
    units: list[Unit],
    skips: list[Span],
    pages: list[PageSpan],
    count_tokens: Callable[[str], int],
    max_tokens: int = 160,
    overlap_tokens: int = 40,
    min_tokens_before_break: int = 24,
    glued: bool = False,
) -> list[Chunk]:
    page_starts = [p.start for p in pages]

    def page_of(offset: int) -> int | None:
        if not pages:
            return None
        i = bisect.bisect_right(page_starts, offset) - 1
        return pages[max(i, 0)].page

    def text_of(a: int, b: int) -> str:
        return clean_text(remove_spans(raw[a:b], a, skips), glued=glued)

    sized = [(u, count_tokens(text_of(u.start, u.end))) for u in units]
    chunks: list[Chunk] = []
    state = _State(headings={}, clause=None)
    current: list[tuple[Unit, int, str]] = []  # unit, tokens, section at the time

    def emit(overlap: bool) -> None:
        if not current:
            return
        a, b = current[0][0].start, current[-1][0].end
        text = text_of(a, b)
        body = [s for u, _, s in current if u.kind != "heading"]
        section = body[0] if body else current[-1][2]
        clause = next((u.label for u, _, _ in current if u.kind == "clause"), None)
        if clause is None:
            clause = section.rsplit(" > ", 1)[-1] if state.clause and section.endswith(state.clause) else None
        page = page_of(a)
        line = raw.count("\n", 0, a) + 1
        last_page = page_of(max(a, b - 1))
        locator = _locator(page, section, clause, line, last_page)
        chunks.append(Chunk(doc, len(chunks), text, a, b, section, locator, page, clause))
        keep: list[tuple[Unit, int, str]] = []
        if overlap:
            total = 0
            for item in reversed(current[1:]):
                if total + item[1] > overlap_tokens:
                    break
                keep.insert(0, item)
                total += item[1]
        current[:] = keep

    for unit, tokens in sized:
        running = sum(t for _, t, _ in current)
        if unit.kind in ("heading", "clause") and running >= min_tokens_before_break:
            emit(overlap=False)
        if unit.kind == "heading":
            level = max(unit.level, 1)
            state.headings = {k: v for k, v in state.headings.items() if k < level}
            state.headings[level] = unit.label or ""
            state.clause = None
        elif unit.kind == "clause":
            state.clause = unit.label
        running = sum(t for _, t, _ in current)
        if current and running + tokens > max_tokens:
            emit(overlap=True)
        if tokens > max_tokens:
            for a, b in _windows(raw, unit, tokens, max_tokens):
                current.append((Unit(a, b, "text"), max_tokens, state.section()))
                emit(overlap=False)
            continue
        current.append((unit, tokens, state.section()))
    emit(overlap=False)
    return chunks


def _windows(raw: str, unit: Unit, tokens: int, max_tokens: int) -> list[tuple[int, int]]:
    """Cut an over-long unit (a table row, a run-on line) into even character windows."""
    n = -(-tokens // max_tokens)
    size = -(-(unit.end - unit.start) // n)
    return [(a, min(a + size, unit.end)) for a in range(unit.start, unit.end, size)]


def _locator(page: int | None, section: str, clause: str | None, line: int, last_page: int | None = None) -> str:
    """``p. 24, C16`` for paged documents, else the clause or heading, else the line number."""
    if page is not None:
        pages = f"pp. {page}–{last_page}" if last_page and last_page != page else f"p. {page}"
        return pages + (f", {clause}" if clause else "")
    if clause:
        return f"§{clause}"
    last = section.rsplit(" > ", 1)[-1] if section else ""
    return f"§ {last}" if last else f"line {line}"
