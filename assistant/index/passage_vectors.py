"""Passage vectors computed once: each text embedded once per ingest, and the shipped corpus's vectors shipped.

Why: embedding is nearly all of an ingest's time, and most of it is the segments of the translations
(README "Measured"). Chunks overlap, so one segment sits in two records and was embedded twice; and the
shipped corpus's texts are fixed, so their vectors are computed once by this project, like their
translations, and shipped beside them (``corpus/vectors/<embedder>.npz``), keyed by a hash of the text.
A text the file does not hold (a changed translation, a document a user added) is embedded as before.

Not LangChain's ``CacheBackedEmbeddings``: it keeps one store entry per vector (one file each in a local
store) and has no notion of a file shipped read-only beside the corpus; this is one array and a key list.
"""

from __future__ import annotations

import hashlib
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.index.embedders import Embedder, Vectors

log = logging.getLogger(__name__)

# hex digits of the text's sha256 kept as its key: 128 bits, no collision among a corpus's texts
KEY_HEX = 32


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:KEY_HEX]


def shipped_vectors_path(corpus_dir: Path, embedder_name: str) -> Path:
    """Where the corpus's vectors for one embedder are shipped (its name made a safe file name)."""
    return corpus_dir / "vectors" / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', embedder_name)}.npz"


@dataclass(frozen=True)
class KnownVectors:
    """Unit passage vectors by text key (stored as float16: the bundled model is 4-bit, so the rounding is far
    below the model's own noise, and the file is half the size)."""

    embedder: str
    rows: dict[str, int]
    vectors: npt.NDArray[np.float16]

    @classmethod
    def load(cls, path: Path, embedder: str, dim: int) -> KnownVectors | None:
        """The file's vectors, or None when there is no file or it is for another embedder or dimension (a
        damaged file is logged and ignored: the texts are embedded instead)."""
        if not path.is_file():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                name = str(data["embedder"])
                keys = [str(k) for k in data["keys"]]
                vectors = data["vectors"].astype(np.float16)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as err:
            log.warning("ignored %s: %s", path, err)
            return None
        if name != embedder or vectors.ndim != 2 or vectors.shape != (len(keys), dim):
            log.warning("ignored %s: vectors of %s, %s, not of %s (%d)", path, name, vectors.shape, embedder, dim)
            return None
        return cls(name, {k: i for i, k in enumerate(keys)}, vectors)

    def get(self, text: str) -> Vectors | None:
        row = self.rows.get(text_key(text))
        return None if row is None else self.vectors[row].astype(np.float32)

    def __len__(self) -> int:
        return len(self.rows)

    @staticmethod
    def save(path: Path, embedder: str, vectors: dict[str, Vectors]) -> int:
        """Write ``vectors`` (text → vector) sorted by key, so the same texts give the same file."""
        if not vectors:
            raise ValueError("no vectors to save")
        keyed = sorted(((text_key(t), v) for t, v in vectors.items()), key=lambda kv: kv[0])
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(
            tmp,
            embedder=np.array(embedder),
            keys=np.array([k for k, _ in keyed]),
            vectors=np.vstack([v for _, v in keyed]).astype(np.float16),
        )
        tmp.replace(path)
        return len(keyed)


class PassageVectorCache:
    """An embedder for one ingest: a passage vector comes from the known vectors when they hold its text, from
    this run's earlier work when the text was embedded already, and from the inner embedder otherwise."""

    def __init__(self, inner: Embedder, known: KnownVectors | None = None) -> None:
        self.inner = inner
        self.known = known
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens
        self.computed: dict[str, Vectors] = {}  # text → vector embedded in this run
        self.reused = 0  # texts answered without embedding (known, or embedded earlier in this run)

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: list[str]) -> Vectors:
        if not texts:
            return self.inner.embed_passages([])
        found: dict[str, Vectors] = {}
        for text in dict.fromkeys(texts):
            vector = self.computed.get(text)
            if vector is None and self.known is not None:
                vector = self.known.get(text)
            if vector is not None:
                found[text] = vector
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            fresh = dict(zip(missing, self.inner.embed_passages(missing), strict=True))
            self.computed.update(fresh)
            found.update(fresh)
        self.reused += len(texts) - len(missing)
        return np.vstack([found[t] for t in texts]).astype(np.float32)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)
