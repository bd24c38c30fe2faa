"""One file in, indexed chunks out (no index I/O here): load, find structure, chunk, describe."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.corpus.chunking import CHUNKER_VERSION, Chunk, chunk_units
from assistant.corpus.glossary import Glossary
from assistant.corpus.loaders import PageSpan, load_file
from assistant.corpus.manifest import ManifestEntry
from assistant.corpus.segments import SEGMENTER_VERSION, Segment, segment_document
from assistant.corpus.structure import Span, Unit, find_units, pdf_furniture, running_header_pages
from assistant.corpus.translations import (
    Embed,
    TranslatedSegment,
    TranslationReport,
    load_translations,
    translation_files,
)
from assistant.text.language import detect_language, languages_present
from assistant.text.tokenize import TOKENIZER_VERSION, tokenize
from tools.i18n import as_lang

# Dense vectors of translated chunks embed only their opening (whole segments up to this many tokens):
# the original is embedded whole and the multilingual embedder already relates it to questions in any
# language; the translation's vector adds the asker-language match on the passage's topic, and BM25
# indexes every word of it. Bounded so ingest of the corpus with two translations of every document stays
# within twice the time a plain chunk-and-embed pipeline takes for the originals (python -m evals.benchmark).
# The segment vectors added since (``segment_records``) embed every translated sentence and break that bound
# (README "Measured").
TRANSLATION_EMBED_TOKENS = 48
# A segment shorter than this (in characters, white space stripped) gets no vector of its own: bullets, page
# numbers and lone headings words match every question a little and none well.
SEGMENT_MIN_CHARS = 4
_URL = re.compile(r"https?://\S+|www\.\S+")  # a bare link matches every question a little
SEGMENT_INDEX_VERSION = "1"  # part of the settings key: a change re-reads every document


@dataclass
class PreparedChunk:
    """One index record: an original chunk, or its translation into one language (``of`` names the
    original; both carry the same span, so a hit on either is a hit on the source passage)."""

    chunk: Chunk
    language: str
    text: str
    embed_text: str
    lex_tokens: list[str]
    segments: list[dict[str, Any]] = field(default_factory=list)  # {"id", "t"[, "src"]} in reading order
    of: str | None = None  # the original chunk's id, for a translation
    method: str | None = None  # "human" / "machine", for a translation

    @property
    def chunk_id(self) -> str:
        return f"{self.chunk.chunk_id}~{self.language}" if self.of else self.chunk.chunk_id


@dataclass
class PreparedDocument:
    doc: str
    path: Path
    title: str
    languages: list[str]
    content_hash: str
    meta: dict[str, Any]
    chunks: list[PreparedChunk] = field(default_factory=list)
    translations: TranslationReport = field(default_factory=TranslationReport)


def content_hash(data: bytes, settings_key: str, extra: Iterable[bytes] = ()) -> str:
    """Changes when the file, its translations, the glossary the checks use, the chunking settings or the
    tokenizer do."""
    h = hashlib.sha256()
    h.update(data)
    for part in extra:
        h.update(b"\x00")
        h.update(hashlib.sha256(part).digest())
    h.update(f"\x00{CHUNKER_VERSION}\x00{SEGMENTER_VERSION}\x00{TOKENIZER_VERSION}\x00{settings_key}".encode())
    return h.hexdigest()


def _hash_inputs(files: dict[str, Path], glossary: Glossary) -> list[bytes]:
    """Besides the file itself: its translations, and the glossary their checks read."""
    extra = [p.read_bytes() for _, p in sorted(files.items())]
    if files and glossary.source is not None and glossary.source.is_file():
        extra.append(glossary.source.read_bytes())
    return extra


def input_hash(path: Path, glossary: Glossary, settings_key: str, translation_folders: Sequence[Path] = ()) -> str:
    """The ``content_hash`` a document will have, from its inputs alone: an unchanged document is known
    as such without being read, segmented, checked and chunked again."""
    files = translation_files(path, translation_folders)
    return content_hash(path.read_bytes(), settings_key, _hash_inputs(files, glossary))


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


def document_segments(st: DocumentStructure) -> list[Segment]:
    """A read document's translation segments: what its translation files are aligned to (ingest and
    machine translation must cut the same)."""
    return segment_document(st.raw, st.units, st.skips, [as_lang(x) for x in st.languages], st.glued)


def prepare_document(
    path: Path,
    entry: ManifestEntry | None,
    count_tokens: Callable[[str], int],
    glossary: Glossary,
    settings_key: str,
    max_tokens: int = 160,
    overlap_tokens: int = 40,
    translation_folders: Sequence[Path] = (),
    embed: Embed | None = None,
    embedder_name: str = "",
) -> PreparedDocument:
    """Raise a ``DocumentError`` for files that cannot be read; everything else is best effort.

    Each chunk is indexed in its own language and, where the project's (or a machine) translation of its
    segments exists and passes the checks, in the other languages too."""
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
    segments = document_segments(st)
    files = translation_files(path, translation_folders)
    translated, report = load_translations(
        path, segments, translation_folders, glossary, embed=embed, embedder_name=embedder_name
    )
    by_lang: dict[str, dict[str, TranslatedSegment]] = {}
    for ts in translated:
        by_lang.setdefault(ts.lang, {})[ts.segment.id] = ts
    title_en = entry.title_en if entry else None
    prepared: list[PreparedChunk] = []
    for c in chunks:
        lang = detect_language(c.text, default=languages[0] if languages else "en")  # type: ignore[arg-type]
        heading = c.section or title
        inside = [seg for seg in segments if seg.start < c.end and seg.end > c.start]
        expansions = glossary.expansions(c.text)
        prepared.append(
            PreparedChunk(
                chunk=c,
                language=lang,
                text=c.text,
                embed_text=f"{heading}\n{c.text}",
                lex_tokens=tokenize(c.text + " " + " ".join(expansions)),
                segments=[{"id": seg.id, "t": seg.text} for seg in inside],
            )
        )
        for target, table in sorted(by_lang.items()):
            rendered = [table.get(seg.id) for seg in inside]
            if not any(rendered):
                continue
            parts: list[dict[str, Any]] = []
            for seg, tr in zip(inside, rendered, strict=True):
                if tr is not None:
                    parts.append({"id": seg.id, "t": tr.text})
                elif seg.lang == target or seg.kind == "neutral":
                    parts.append({"id": seg.id, "t": seg.text})
                else:  # no served translation: the original words stay, marked, so nothing is hidden
                    parts.append({"id": seg.id, "t": seg.text, "src": True})
            joiner = "" if target == "zh" else " "
            text = joiner.join(str(part["t"]) for part in parts)
            method = next(r.method for r in rendered if r is not None)
            prepared.append(
                PreparedChunk(
                    chunk=c,
                    language=target,
                    text=text,
                    embed_text=_opening(parts, joiner, count_tokens, TRANSLATION_EMBED_TOKENS),
                    lex_tokens=tokenize(text),
                    segments=parts,
                    of=c.chunk_id,
                    method=method,
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
        "translations": ",".join(report.languages),
    }
    return PreparedDocument(
        doc=path.name,
        path=path,
        title=title,
        languages=languages,
        content_hash=content_hash(data, settings_key, _hash_inputs(files, glossary)),
        meta=meta,
        chunks=prepared,
        translations=report,
    )


def _opening(parts: list[dict[str, Any]], joiner: str, count_tokens: Callable[[str], int], limit: int) -> str:
    """The first whole segments of a translated chunk, up to ``limit`` tokens (at least one segment)."""
    out: list[str] = []
    for part in parts:
        candidate = joiner.join([*out, str(part["t"])])
        if out and count_tokens(candidate) > limit:
            break
        out.append(str(part["t"]))
    return joiner.join(out)


@dataclass(frozen=True)
class SegmentRecord:
    """One segment's own vector record: a fact stated in one sentence of a long passage (or deep in its
    translation, whose chunk vector holds only the opening) is found by the sentence, not diluted by the rest."""

    id: str
    text: str
    meta: dict[str, Any]


def segment_records(doc: PreparedDocument) -> list[SegmentRecord]:
    """Every served segment of every record (original chunks and their translations), its id naming the record;
    original words standing in for a missing translation are left to the original's record."""
    originals = {pc.chunk_id: {str(seg["id"]): seg.get("t") for seg in pc.segments} for pc in doc.chunks if not pc.of}
    out: list[SegmentRecord] = []
    for pc in doc.chunks:
        for seg in pc.segments:
            text = str(seg.get("t", "")).strip()
            words = _URL.sub("", text)
            if seg.get("src") or len(re.sub(r"\s+", "", words)) < SEGMENT_MIN_CHARS:
                continue
            if pc.of and originals.get(pc.of, {}).get(str(seg["id"])) == seg.get("t"):
                continue  # a neutral segment (a link, a figure) copied into the translation: one vector is enough
            # the id names the record (and through it the source passage); ``doc`` is for deleting a document
            meta = {"doc": doc.doc, "language": pc.language}
            out.append(SegmentRecord(f"{pc.chunk_id}#{seg['id']}", text, meta))
    return out


def chunk_metadata(doc: PreparedDocument, pc: PreparedChunk) -> dict[str, Any]:
    c = pc.chunk
    extra: dict[str, Any] = {"of": pc.of, "method": pc.method} if pc.of else {}
    return {
        **extra,
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
        "segs": json.dumps(pc.segments, ensure_ascii=False),
    }
