"""The chromadb index: chunks with their embeddings, and one record per ingested document.

An index "generation" is a pair of collections; a pointer in ``assistant_meta`` names the active
one. A rebuild fills a new generation and moves the pointer only when it is complete, so a killed
ingest always leaves the previous index usable. Embeddings are always passed in explicitly:
chromadb's default embedding function (which downloads a model) is never used.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import numpy as np

from assistant.index.embedders import Vectors

log = logging.getLogger(__name__)

META = "assistant_meta"
_DUMMY = [0.0]


class IndexUnavailableError(RuntimeError):
    """The Chroma server cannot be reached, or the index is missing."""

    messages = {
        "en": "The document index is not available right now. Please try again shortly.",
        "vi": "Chỉ mục tài liệu hiện không sẵn sàng. Vui lòng thử lại sau ít phút.",
        "zh": "文档索引暂时不可用，请稍后再试。",
    }


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


def _clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if v is not None}


class VectorStore:
    def __init__(self, embedder_name: str, path: str | None = None, url: str | None = None) -> None:
        try:
            self._client = _client(path, url)
            self._meta = self._client.get_or_create_collection(META, embedding_function=None)
        except Exception as exc:
            raise IndexUnavailableError(str(exc)) from exc
        self.embedder_key = re.sub(r"[^A-Za-z0-9_-]+", "-", embedder_name)[:80].strip("-_") or "default"

    # --- generations -------------------------------------------------------------------------

    def active_generation(self) -> str | None:
        got = self._meta.get(ids=[f"active::{self.embedder_key}"], include=["metadatas"])
        if not got["ids"]:
            return None
        meta = (got["metadatas"] or [{}])[0] or {}
        gen = meta.get("generation")
        return str(gen) if gen else None

    def new_generation(self) -> str:
        return f"g{time.time_ns()}"

    def activate(self, generation: str) -> None:
        self._meta.upsert(
            ids=[f"active::{self.embedder_key}"],
            embeddings=[_DUMMY],
            metadatas=[{"generation": generation, "activated_at": time.time()}],
        )

    def _names(self, generation: str) -> tuple[str, str]:
        base = f"{self.embedder_key}__{generation}"
        return f"chunks__{base}", f"docs__{base}"

    def chunks(self, generation: str) -> Any:
        return self._client.get_or_create_collection(
            self._names(generation)[0], embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )

    def docs(self, generation: str) -> Any:
        return self._client.get_or_create_collection(self._names(generation)[1], embedding_function=None)

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

    def doc_records(self, generation: str) -> dict[str, dict[str, Any]]:
        got = self.docs(generation).get(include=["metadatas"])
        return {i: dict(m or {}) for i, m in zip(got["ids"], got["metadatas"] or [], strict=False)}

    def put_doc_record(self, generation: str, doc: str, meta: dict[str, Any]) -> None:
        self.docs(generation).upsert(ids=[doc], embeddings=[_DUMMY], metadatas=[_clean_meta(meta)])

    def delete_doc(self, generation: str, doc: str) -> None:
        self.chunks(generation).delete(where={"doc": doc})
        self.docs(generation).delete(ids=[doc])

    # --- chunks ------------------------------------------------------------------------------

    def chunk_ids(self, generation: str, doc: str) -> list[str]:
        return list(self.chunks(generation).get(where={"doc": doc}, include=[])["ids"])

    def upsert_chunks(
        self,
        generation: str,
        ids: Sequence[str],
        texts: Sequence[str],
        metas: Sequence[dict[str, Any]],
        vectors: Vectors,
        batch: int = 256,
    ) -> None:
        col = self.chunks(generation)
        for i in range(0, len(ids), batch):
            col.upsert(
                ids=list(ids[i : i + batch]),
                documents=list(texts[i : i + batch]),
                metadatas=[_clean_meta(m) for m in metas[i : i + batch]],
                embeddings=np.asarray(vectors[i : i + batch], dtype=np.float32),
            )

    def delete_chunks(self, generation: str, ids: Sequence[str]) -> None:
        if ids:
            self.chunks(generation).delete(ids=list(ids))

    def all_chunks(self, generation: str) -> list[StoredChunk]:
        got = self.chunks(generation).get(include=["documents", "metadatas"])
        return [
            StoredChunk(i, d or "", dict(m or {}))
            for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False)
        ]

    def similarities(self, generation: str, vector: Vectors, ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of stored chunks to a query vector (for passages found by keywords only)."""
        if not ids:
            return {}
        got = self.chunks(generation).get(ids=list(ids), include=["embeddings"])
        q = np.asarray(vector, dtype=np.float32).reshape(-1)
        out: dict[str, float] = {}
        for i, e in zip(got["ids"], got["embeddings"] if got["embeddings"] is not None else [], strict=False):
            v = np.asarray(e, dtype=np.float32)
            out[i] = float(v @ q / ((np.linalg.norm(v) * np.linalg.norm(q)) or 1.0))
        return out

    def query(self, generation: str, vector: Vectors, k: int) -> list[tuple[str, float]]:
        col = self.chunks(generation)
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

    def heartbeat(self) -> bool:
        try:
            self._client.heartbeat()
            return True
        except Exception:
            return False
