"""Ingest files into the index: idempotent, incremental, and safe to interrupt.

- Unchanged files (same content hash, chunker and embedder) write nothing.
- A changed file's new chunks are written first, its stale chunks deleted after, and its document
  record last, so an interrupted run is simply redone by the next one.
- ``rebuild`` (or a first ingest) fills a fresh index generation and switches to it only at the
  end; until then the previous index keeps serving.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.config import Settings
from assistant.corpus.errors import DocumentError, UnsupportedFileError
from assistant.corpus.glossary import glossary_for
from assistant.corpus.loaders import SUPPORTED_SUFFIXES
from assistant.corpus.manifest import load_manifest
from assistant.corpus.pipeline import (
    SEGMENT_INDEX_VERSION,
    PreparedDocument,
    SegmentRecord,
    chunk_metadata,
    input_hash,
    prepare_document,
    segment_records,
)
from assistant.corpus.progress import IngestProgress, work_estimate
from assistant.corpus.translations import TranslationReport
from assistant.index.embedders import Embedder, get_embedder
from assistant.index.passage_vectors import KnownVectors, PassageVectorCache, shipped_vectors_path
from assistant.index.vector_store import VectorStore

log = logging.getLogger(__name__)

# Project documentation that may sit in corpus/ but is not guidance.
_NOT_GUIDANCE = {"readme.md", "glossary.md", "changelog.md", "license.md"}


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, DocumentError]] = field(default_factory=list)
    chunks_written: int = 0
    # passage vectors this run: embedded, and taken from the shipped vectors or from earlier in the run
    vectors_embedded: int = 0
    vectors_reused: int = 0
    # per document read in this run: its translations (languages served, rows left out and why, stale files)
    translations: dict[str, TranslationReport] = field(default_factory=dict)
    total_documents: int = 0
    total_chunks: int = 0
    seconds: float = 0.0
    generation: str = ""


def open_store(settings: Settings, embedder: Embedder) -> VectorStore:
    path = None if settings.chroma_url else str(settings.index_dir)
    if path:
        Path(path).mkdir(parents=True, exist_ok=True)
    return VectorStore(embedder.name, path=path, url=settings.chroma_url)


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, DocumentError]]]:
    files: list[Path] = []
    bad: list[tuple[str, DocumentError]] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                hidden = any(part.startswith(".") for part in f.relative_to(p).parts)
                wanted = f.suffix.lower() in SUPPORTED_SUFFIXES and f.name.lower() not in _NOT_GUIDANCE
                if f.is_file() and wanted and not hidden:
                    files.append(f)
        elif p.is_file():
            if p.suffix.lower() in SUPPORTED_SUFFIXES:
                files.append(p)
            else:
                bad.append((p.name, UnsupportedFileError(p)))
        else:
            bad.append((p.name, DocumentError(p, "not found")))
    return list(dict.fromkeys(f.resolve() for f in files)), bad


def translation_folders(settings: Settings, path: Path) -> list[Path]:
    """Where a document's translations may be: ``translations/`` beside it (the project's, for the shipped
    corpus), then the data folder's (machine translations of documents users added)."""
    return [path.parent / "translations", settings.data_dir / "translations"]


def settings_key(settings: Settings, embedder: Embedder) -> str:
    # the segment index's version: an index written before it gets its segment vectors on the next ingest
    return f"{embedder.name}:{settings.chunk_max_tokens}:{settings.chunk_overlap_tokens}:seg{SEGMENT_INDEX_VERSION}"


@dataclass
class _SegmentWork:
    """A document's segment vectors to write (those the index lacks) and to drop (those it no longer has)."""

    missing: list[SegmentRecord]
    stale: list[str]

    @classmethod
    def of(cls, store: VectorStore, generation: str, doc: PreparedDocument, had_old: bool) -> _SegmentWork:
        wanted = segment_records(doc)
        have = set(store.segment_ids(generation, doc.doc)) if had_old else set()
        # shortest first, so a batch pads to a length close to its own (segments run from a word to a paragraph)
        missing = sorted((r for r in wanted if r.id not in have), key=lambda r: len(r.text))
        return cls(missing, sorted(have - {r.id for r in wanted}))

    def write(self, store: VectorStore, generation: str, reporter: IngestProgress, embedder: Embedder) -> None:
        if self.missing:
            vectors = reporter.embed(embedder.embed_passages, [r.text for r in self.missing], counted=False)
            store.upsert_segments(generation, [r.id for r in self.missing], [r.meta for r in self.missing], vectors)
        store.delete_segments(generation, self.stale)


def passage_embedder(settings: Settings, shipped_vectors: bool = True) -> PassageVectorCache:
    """The embedder one ingest uses: each text embedded once, the corpus's shipped vectors used when they
    are for this embedder (``shipped_vectors=False`` embeds everything, as the benchmark's cold run does)."""
    inner = get_embedder(settings.embeddings)
    path = shipped_vectors_path(settings.corpus_dir, inner.name)
    known = KnownVectors.load(path, inner.name, inner.dim) if shipped_vectors else None
    return PassageVectorCache(inner, known)


def ingest(
    settings: Settings,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    progress: bool = True,
    embedder: PassageVectorCache | None = None,
) -> IngestReport:
    """Ingest ``paths`` (default: the corpus folder); ``embedder`` defaults to ``passage_embedder(settings)``."""
    started = time.perf_counter()
    if embedder is None:
        embedder = passage_embedder(settings)
    store = open_store(settings, embedder)
    store.drop_inactive()  # leftovers of an interrupted rebuild
    manifest = load_manifest(settings.corpus_dir)
    glossary = glossary_for(settings.corpus_dir / "glossary.csv")
    key = settings_key(settings, embedder)

    active = store.active_generation()
    fresh = rebuild or active is None
    generation = store.new_generation() if fresh else str(active)
    records = store.doc_records(active) if active else {}

    requested = paths or [settings.corpus_dir]
    files, failed = collect_files(requested)
    if rebuild and active:
        # a rebuild keeps documents that were added from outside the corpus folder
        known = {Path(str(m.get("source_path", ""))) for m in records.values()}
        extra = [p for p in known if p.is_file() and p not in files]
        files.extend(extra)

    report = IngestReport(failed=failed, generation=generation)
    target_records = {} if fresh else records
    weights = [work_estimate(p, translation_folders(settings, p)) for p in files]
    reporter = IngestProgress.for_output(weights, progress)  # a bar on a terminal, log lines elsewhere
    for path in reporter.each(files):
        old = target_records.get(path.name)
        try:
            if (
                old
                and old.get("translation_report")
                and old.get("hash") == input_hash(path, glossary, key, translation_folders(settings, path))
            ):
                report.translations[path.name] = TranslationReport.from_json(str(old["translation_report"]))
                report.unchanged.append(path.name)
                continue
        except (OSError, ValueError):
            pass  # read it the long way below, which reports what is wrong
        try:
            doc = prepare_document(
                path,
                manifest.get(path.name),
                embedder.count_tokens,
                glossary,
                key,
                max_tokens=settings.chunk_max_tokens,
                overlap_tokens=settings.chunk_overlap_tokens,
                translation_folders=translation_folders(settings, path),
                embed=embedder.embed_passages,
                embedder_name=embedder.name,
            )
        except DocumentError as err:
            log.warning("skipped %s: %s", path, err)
            report.failed.append((path.name, err))
            continue
        except OSError as err:
            report.failed.append((path.name, DocumentError(path, str(err))))
            continue
        report.translations[doc.doc] = doc.translations
        old = target_records.get(doc.doc)
        if old and old.get("hash") == doc.content_hash:
            report.unchanged.append(doc.doc)
            if not old.get("translation_report"):  # an index from before reports were kept: keep it now
                store.put_doc_record(generation, doc.doc, {**old, "translation_report": doc.translations.to_json()})
            continue
        ids = [pc.chunk_id for pc in doc.chunks]
        old_ids = set(store.chunk_ids(generation, doc.doc)) if old else set()
        new = [i for i, cid in enumerate(ids) if cid not in old_ids]
        segments = _SegmentWork.of(store, generation, doc, bool(old))
        reporter.plan(len(new) + len(segments.missing))
        if new:
            vectors = reporter.embed(embedder.embed_passages, [doc.chunks[i].embed_text for i in new])
            store.upsert_chunks(
                generation,
                [ids[i] for i in new],
                [doc.chunks[i].text for i in new],  # a translation record holds the translation
                [chunk_metadata(doc, doc.chunks[i]) for i in new],
                vectors,
            )
        store.delete_chunks(generation, sorted(old_ids - set(ids)))
        segments.write(store, generation, reporter, embedder)
        store.put_doc_record(
            generation,
            doc.doc,
            {
                **doc.meta,
                "hash": doc.content_hash,
                "chunks": len(ids),
                "source_path": str(path),
                "ingested_at": time.time(),
                "translation_report": doc.translations.to_json(),
            },
        )
        report.chunks_written += len(new)
        (report.updated if old else report.added).append(doc.doc)
    reporter.close()

    if not fresh:
        # documents whose source file is gone (and was part of what was asked for) are removed
        asked = [p.resolve() for p in requested]
        for name, meta in records.items():
            src = Path(str(meta.get("source_path", "")))
            inside = any(src == a or a in src.parents for a in asked)
            if inside and not src.is_file():
                store.delete_doc(generation, name)
                report.removed.append(name)
    store.activate(generation)
    store.drop_inactive()
    final = store.doc_records(generation)
    report.total_documents = len(final)
    report.total_chunks = sum(int(m.get("chunks", 0)) for m in final.values())
    report.vectors_embedded, report.vectors_reused = len(embedder.computed), embedder.reused
    report.seconds = time.perf_counter() - started
    return report
