"""One file in, indexed chunks out (no index I/O here): load, find structure, chunk, describe."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.corpus.chunking import CHUNKER_VERSION, Chunk, chunk_units
from assistant.corpus.glossary import Glossary
from assistant.corpus.loaders import PageSpan, load_file
from assistant.corpus.manifest import ManifestEntry
from assistant.corpus.structure import Span, Unit, find_units, pdf_furniture, running_header_pages
from assistant.text.language import detect_language, languages_present
from assistant.text.tokenize import tokenize


@dataclass
class PreparedChunk:
    chunk: Chunk
    language: str
    embed_text: str
    lex_tokens: list[str]

    @property
    def chunk_id(self) -> str:
        return self.chunk.chunk_id


@dataclass
class PreparedDocument:
    doc: str
    path: Path
    title: str
    languages: list[str]
    content_hash: str
    meta: dict[str, Any]
    chunks: list[PreparedChunk] = field(default_factory=list)


def content_hash(data: bytes, settings_key: str) -> str:
    h = hashlib.sha256()
    h.update(data)
    h.update(f"\x00{CHUNKER_VERSION}\x00{settings_key}".encode())
    return h.hexdigest()


def _infer_title(path: Path, text: str, pdf_title: str | None) -> str:
    if pdf_title and pdf_title.strip():
        return pdf_title.strip()[:200]
    for line in text.splitlines():
        line = re.sub(r"^#+\s*", "", line).strip()
        if len(line) >= 3:
            return line[:120]
    return path.stem


@dataclass
class DocumentStructure:
    """A loaded file and the structure found in it, all as offsets into ``raw``."""

    raw: str
    kind: str
    title: str
    languages: list[str]
    skips: list[Span]
    pages: list[PageSpan]
    units: list[Unit]
    glued: bool


def read_structure(path: Path, entry: ManifestEntry | None) -> DocumentStructure:
    """Load a file and find its running headers, pages and units (raises ``DocumentError``)."""
    loaded = load_file(path)
    raw = loaded.text
    title = entry.title if entry else _infer_title(path, raw, loaded.pdf_title)
    languages: list[str] = (
        list(entry.languages)
        if entry and entry.languages
        else [str(x) for x in languages_present(raw)] or [str(detect_language(raw[:4000]))]
    )
    header = (entry.running_header if entry else None) or (title if loaded.kind == "txt" else None)
    skips, pages = running_header_pages(raw, header or "")
    if loaded.kind == "pdf":
        pages = loaded.pages
        skips = pdf_furniture(raw, pages)
    units = find_units(raw, skips)
    # Text that lost its spaces in extraction: long lines, hardly any spaces (004).
    glued = raw.count(" ") < len(raw) / 200 and max((len(x) for x in raw.splitlines()), default=0) > 2000
    return DocumentStructure(raw, loaded.kind, title, languages, skips, pages, units, glued)


def prepare_document(
    path: Path,
    entry: ManifestEntry | None,
    count_tokens: Callable[[str], int],
    glossary: Glossary,
    settings_key: str,
    max_tokens: int = 160,
    overlap_tokens: int = 40,
) -> PreparedDocument:
    """Raise a ``DocumentError`` for files that cannot be read; everything else is best effort."""
    data = path.read_bytes()
    st = read_structure(path, entry)
    title, languages, pages = st.title, st.languages, st.pages
    chunks = chunk_units(
        path.name,
        st.raw,
        st.units,
        st.skips,
        pages,
        count_tokens,
        max_tokens=max_tokens,
        overlap_tokens=overlap_tokens,
        glued=st.glued,
    )
    title_en = entry.title_en if entry else None
    prepared: list[PreparedChunk] = []
    for c in chunks:
        lang = detect_language(c.text, default=languages[0] if languages else "en")  # type: ignore[arg-type]
        expansions = glossary.expansions(c.text)
        heading = " · ".join(x for x in (title, title_en, c.section) if x)
        prepared.append(
            PreparedChunk(
                chunk=c,
                language=lang,
                embed_text=f"{heading}\n{c.text}" + (f"\n({'; '.join(expansions[:24])})" if expansions else ""),
                lex_tokens=tokenize(c.text + " " + " ".join(expansions)),
            )
        )
    meta: dict[str, Any] = {
        "title": title,
        "title_en": title_en,
        "languages": ",".join(languages),
        "publisher": entry.publisher if entry else None,
        "source_url": entry.source_url if entry else None,
        "date": entry.date if entry else None,
        "kind": st.kind,
        "pages": len(pages) or None,
    }
    return PreparedDocument(
        doc=path.name,
        path=path,
        title=title,
        languages=languages,
        content_hash=content_hash(data, settings_key),
        meta=meta,
        chunks=prepared,
    )


def chunk_metadata(doc: PreparedDocument, pc: PreparedChunk) -> dict[str, Any]:
    c = pc.chunk
    return {
        "doc": doc.doc,
        "title": doc.title,
        "language": pc.language,
        "section": c.section,
        "locator": c.locator,
        "page": c.page,
        "clause": c.clause,
        "start": c.start,
        "end": c.end,
        "index": c.index,
        "lex": " ".join(pc.lex_tokens),
    }
