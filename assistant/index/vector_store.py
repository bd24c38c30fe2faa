"""The chromadb index: chunks with their embeddings, one record per ingested document, and one vector
per segment (sentence, list item, table row) of every chunk and translation.

An index "generation" is a set of three collections; a pointer in ``assistant_meta`` names the active
one. A rebuild fills a new generation and moves the pointer only when it is complete, so a killed
ingest always leaves the previous index usable. Embeddings are always passed in explicitly:
chromadb's default embedding function (which downloads a model) is never used.
"""

from __future__ import annotations

import errno
import functools
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar
from urllib.parse import urlparse

import httpx
import numpy as np

from assistant.index.embedders import Vectors
from tools.errors import LocalizedError

log = logging.getLogger(__name__)

META = "assistant_meta"
_DUMMY = [0.0]


class IndexUnavailableError(LocalizedError):
    """The Chroma server cannot be reached, or the index is missing (HTTP 503, CLI exit 2)."""

    default_status = 503
    default_code = "index_unavailable"

    def __init__(self, detail: str = "", code: str | None = None) -> None:
        self.detail = " ".join(detail.split())[:300]  # for the operator's log, never in the message
        super().__init__(code)


class IndexWriteError(IndexUnavailableError):
    """The index cannot be written: a read-only or unusable data folder, or a full disk.

    A subclass of ``IndexUnavailableError`` so every caller that already reports an unavailable index
    (CLI exit 2, HTTP 503) reports this one too, with a message that says what to fix. The messages
    name no path (they may go to HTTP clients); ``where`` and ``detail`` are for the operator.
    """

    default_code = "index_write"

    def __init__(self, where: str, detail: str = "") -> None:
        self.where = where
        super().__init__(detail)


# What a read-only folder, a path under a file or a full disk looks like, whether it comes as an OSError
# or as the text of a chromadb/sqlite error (chromadb's Rust core reports "(os error N)" or sqlite's words).
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EFBIG}
_STORAGE_WORDS = re.compile(
    r"read-?only|disk (?:is )?full|no space left|disk i/o error|file too large|quota exceeded|permission denied"
    r"|not a directory|os error (?:1|13|20|27|28|30|122)\b",
    re.IGNORECASE,
)


def _is_storage_error(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and not isinstance(exc, ConnectionError) and exc.errno in _STORAGE_ERRNOS:
        return True
    return bool(_STORAGE_WORDS.search(str(exc)))


def _is_connection_error(exc: BaseException) -> bool:
    # chromadb's client raises ValueError("Could not connect to a Chroma server…") when it cannot connect
    return isinstance(exc, httpx.TransportError | ConnectionError) or "could not connect" in str(exc).lower()


P = ParamSpec("P")
R = TypeVar("R")


def _guarded(method: Callable[Concatenate[VectorStore, P], R]) -> Callable[Concatenate[VectorStore, P], R]:
    """Turn a dead Chroma server or an unwritable index into ``IndexUnavailableError`` / ``IndexWriteError``.

    Callers (the API's 503 handler, the CLI's exit 2) only know those two; any other chromadb or httpx
    error would surface as a 500 or a traceback. Errors that are neither stay as they are, so bugs are
    not hidden behind "try again later".
    """

    @functools.wraps(method)
    def wrapper(self: VectorStore, *args: P.args, **kwargs: P.kwargs) -> R:
        if self._stale:
            self._connect()
        try:
            return method(self, *args, **kwargs)
        except IndexUnavailableError:
            raise
        except Exception as exc:
            translated = self._translate(exc)
            if translated is exc:
                raise
            raise translated from exc

    return wrapper


@dataclass(frozen=True)
class StoredChunk:
    chunk_id: str
    text: str
    meta: dict[str, Any]


def _client(path: str | None, url: str | None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        return chromadb.HttpClient(
            host=parsed.hostname or "localhost",
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=settings,
        )
    assert path is not None
    return chromadb.PersistentClient(path=path, settings=settings)


def _cached_systems() -> dict[str, Any]:
    """chromadb's per-path cache of local systems (a private attribute: an empty dict if it moves)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    cache = getattr(SharedSystemClient, "_identifier_to_system", None)
    return cache if isinstance(cache, dict) else {}


def _clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if v is not None}


def _upsert(
    col: Any,
    ids: Sequence[str],
    metas: Sequence[dict[str, Any]],
    vectors: Vectors,
    batch: int,
    texts: Sequence[str] | None = None,
) -> None:
    """Records with their vectors (and texts), ``batch`` at a time: chromadb caps one call's size."""
    for i in range(0, len(ids), batch):
        col.upsert(
            ids=list(ids[i : i + batch]),
            documents=list(texts[i : i + batch]) if texts is not None else None,
            metadatas=[_clean_meta(m) for m in metas[i : i + batch]],
            embeddings=np.asarray(vectors[i : i + batch], dtype=np.float32),
        )


def _nearest(col: Any, vector: Vectors, k: int) -> list[tuple[str, float]]:
    """The ``k`` records of a cosine collection closest to ``vector``, best first, with their similarity."""
    n = min(k, col.count())
    if n <= 0:
        return []
    res = col.query(
        query_embeddings=np.asarray(vector, dtype=np.float32).reshape(1, -1),
        n_results=n,
        include=["distances"],
    )
    ids = res["ids"][0]
    dists = (res.get("distances") or [[1.0] * len(ids)])[0]
    return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=False)]


def _cosines(col: Any, vector: Vectors, ids: Sequence[str]) -> dict[str, float]:
    """Cosine similarity to ``vector`` of the records of ``col`` named by ``ids`` (those it holds)."""
    if not ids:
        return {}
    got = col.get(ids=list(ids), include=["embeddings"])
    q = np.asarray(vector, dtype=np.float32).reshape(-1)
    out: dict[str, float] = {}
    for i, e in zip(got["ids"], got["embeddings"] if got["embeddings"] is not None else [], strict=False):
        v = np.asarray(e, dtype=np.float32)
        out[i] = float(v @ q / ((np.linalg.norm(v) * np.linalg.norm(q)) or 1.0))
    return out


class VectorStore:
    def __init__(self, embedder_name: str, path: str | None = None, url: str | None = None) -> None:
        self.path = path
        self.url = url
        self.embedder_key = re.sub(r"[^A-Za-z0-9_-]+", "-", embedder_name)[:80].strip("-_") or "default"
        self._stale = False
        self._connect()

    def _connect(self) -> None:
        """(Re)open the client and the meta collection; after a server outage this picks the server up
        again without restarting the process (and finds the collections anew if it lost them)."""
        cached = _cached_systems()
        fresh = self.path is not None and self.path not in cached
        try:
            self._client = _client(self.path, self.url)
            self._meta = self._client.get_or_create_collection(META, embedding_function=None)
        except Exception as exc:
            self._stale = bool(self.url)
            if fresh and self.path is not None:
                # chromadb caches a local index's system per path even when starting it failed (a read-only
                # folder, a full disk); every later client for that path then fails with "'RustBindingsAPI'
                # object has no attribute 'bindings'". Forget the one this attempt created, so a retry
                # (the ingest after a failed readiness check, the next request) starts over.
                cached.pop(self.path, None)
            if _is_storage_error(exc):
                raise IndexWriteError(self._where, str(exc)) from exc
            raise IndexUnavailableError(str(exc)) from exc
        self._stale = False

    @property
    def _where(self) -> str:
        return self.url or self.path or "?"

    def _translate(self, exc: Exception) -> Exception:
        """The error a caller can report for ``exc`` (see ``_guarded``)."""
        if _is_storage_error(exc):
            return IndexWriteError(self._where, str(exc))
        if self.url and (_is_connection_error(exc) or not self.heartbeat()):
            self._stale = True
            return IndexUnavailableError(str(exc))
        return exc

    # --- generations -------------------------------------------------------------------------

    @_guarded
    def active_generation(self) -> str | None:
        got = self._meta.get(ids=[f"active::{self.embedder_key}"], include=["metadatas"])
        if not got["ids"]:
            return None
        meta = (got["metadatas"] or [{}])[0] or {}
        gen = meta.get("generation")
        return str(gen) if gen else None

    def new_generation(self) -> str:
        return f"g{time.time_ns()}"

    @_guarded
    def activate(self, generation: str) -> None:
        self._meta.upsert(
            ids=[f"active::{self.embedder_key}"],
            embeddings=[_DUMMY],
            metadatas=[{"generation": generation, "activated_at": time.time()}],
        )

    def _names(self, generation: str) -> tuple[str, str, str]:
        base = f"{self.embedder_key}__{generation}"
        return f"chunks__{base}", f"docs__{base}", f"segments__{base}"

    @_guarded
    def chunks(self, generation: str) -> Any:
        return self._client.get_or_create_collection(
            self._names(generation)[0], embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )

    @_guarded
    def segments(self, generation: str) -> Any:
        return self._client.get_or_create_collection(
            self._names(generation)[2], embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )

    @_guarded
    def docs(self, generation: str) -> Any:
        return self._client.get_or_create_collection(self._names(generation)[1], embedding_function=None)

    @_guarded
    def drop_inactive(self) -> list[str]:
        """Delete generations of this embedder that are not active (left by a killed rebuild)."""
        active = self.active_generation()
        keep = set(self._names(active)) if active else set()
        dropped = []
        for col in self._client.list_collections():
            name = col if isinstance(col, str) else col.name
            if f"__{self.embedder_key}__" in name and name not in keep:
                self._client.delete_collection(name)
                dropped.append(name)
        return dropped

    # --- documents ---------------------------------------------------------------------------

    @_guarded
    def doc_records(self, generation: str) -> dict[str, dict[str, Any]]:
        got = self.docs(generation).get(include=["metadatas"])
        return {i: dict(m or {}) for i, m in zip(got["ids"], got["metadatas"] or [], strict=False)}

    @_guarded
    def put_doc_record(self, generation: str, doc: str, meta: dict[str, Any]) -> None:
        self.docs(generation).upsert(ids=[doc], embeddings=[_DUMMY], metadatas=[_clean_meta(meta)])

    @_guarded
    def delete_doc(self, generation: str, doc: str) -> None:
        self.chunks(generation).delete(where={"doc": doc})
        self.segments(generation).delete(where={"doc": doc})
        self.docs(generation).delete(ids=[doc])

    # --- chunks ------------------------------------------------------------------------------

    @_guarded
    def chunk_ids(self, generation: str, doc: str) -> list[str]:
        return list(self.chunks(generation).get(where={"doc": doc}, include=[])["ids"])

    @_guarded
    def upsert_chunks(
        self,
        generation: str,
        ids: Sequence[str],
        texts: Sequence[str],
        metas: Sequence[dict[str, Any]],
        vectors: Vectors,
        batch: int = 256,
    ) -> None:
        _upsert(self.chunks(generation), ids, metas, vectors, batch, texts)

    @_guarded
    def delete_chunks(self, generation: str, ids: Sequence[str]) -> None:
        if ids:
            self.chunks(generation).delete(ids=list(ids))

    @_guarded
    def all_chunks(self, generation: str) -> list[StoredChunk]:
        got = self.chunks(generation).get(include=["documents", "metadatas"])
        return [
            StoredChunk(i, d or "", dict(m or {}))
            for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False)
        ]

    @_guarded
    def similarities(self, generation: str, vector: Vectors, ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of stored chunks to a query vector (for passages found by keywords only)."""
        return _cosines(self.chunks(generation), vector, ids)

    @_guarded
    def segment_similarities(self, generation: str, vector: Vectors, ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of stored segments (``<record>#<segment>``) to a query vector; a segment with no
        vector of its own (too short, or a copy of the original) is left out."""
        return _cosines(self.segments(generation), vector, ids)

    @_guarded
    def query(self, generation: str, vector: Vectors, k: int) -> list[tuple[str, float]]:
        return _nearest(self.chunks(generation), vector, k)

    # --- segments ----------------------------------------------------------------------------

    @_guarded
    def segment_ids(self, generation: str, doc: str) -> list[str]:
        return list(self.segments(generation).get(where={"doc": doc}, include=[])["ids"])

    @_guarded
    def upsert_segments(
        self, generation: str, ids: Sequence[str], metas: Sequence[dict[str, Any]], vectors: Vectors, batch: int = 512
    ) -> None:
        """Segment vectors; ``metas`` name the ``doc`` each belongs to (its record is in its id)."""
        _upsert(self.segments(generation), ids, metas, vectors, batch)

    @_guarded
    def delete_segments(self, generation: str, ids: Sequence[str]) -> None:
        if ids:
            self.segments(generation).delete(ids=list(ids))

    @_guarded
    def query_segments(self, generation: str, vector: Vectors, k: int) -> list[tuple[str, float]]:
        """The records (chunks or translations) holding the ``k`` segments closest to ``vector``, best first,
        each with that segment's cosine similarity; a record appears once per segment found. The record is read
        from the segment's id (``<record>#<segment>``), so no metadata is fetched."""
        return [(i.rsplit("#", 1)[0], sim) for i, sim in _nearest(self.segments(generation), vector, k)]

    def heartbeat(self) -> bool:
        try:
            self._client.heartbeat()
            return True
        except Exception:
            self._stale = bool(self.url)
            return False
