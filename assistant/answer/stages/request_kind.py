"""Request kind: is this an off-topic request, one for secrets or other companies' data, or a near-domain question
of a kind the documents do not answer (a fee, a national grid factor, a ranking), judged by the nearest labelled
question of a bank of past questions (``request_bank.jsonl``, built from the dev sets by
``python -m evals.build_request_bank``)?

The phrase lists of ``vocabulary.toml`` [declines] catch the wordings they were written for; every new round of
blind questions brought wordings they missed (a recipe, a football score, a horoscope, "name our new brand").
The same holds for questions the documents do not answer: a fee or a grid factor asked in new words. The
multilingual embedder places a request near others of its kind whatever its words or language, so the nearest
labelled question decides — only when it is close, and clearly closer than the nearest question the documents
do answer (the rule and the figures it was calibrated on are in ``request_bank.toml``). This check adds
declines to the phrase lists and to answerability; it never overrides a decline they make.
"""

from __future__ import annotations

import hashlib
import json
import logging
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.index.embedders import Embedder

log = logging.getLogger(__name__)

_HERE = Path(__file__).resolve().parents[1] / "understanding"
BANK_PATH = _HERE / "request_bank.jsonl"
RULE_PATH = _HERE / "request_bank.toml"
BUNDLED_EMBEDDER = "bundled-multilingual-e5-small"
LABELS = ("off_topic", "secret", "uncovered", "domain")


def bundled_vectors_path() -> Path:
    """The bank's vectors for the bundled embedder, shipped so the default setup embeds nothing at start."""
    return BANK_PATH.with_name(f"request_bank.{BUNDLED_EMBEDDER}.npy")


@dataclass(frozen=True)
class Rule:
    min_similarity: float  # the nearest off-topic or secret request is at least this close …
    margin: float  # … and at least this much closer than the nearest question about the domain
    documents: frozenset[str] = frozenset()  # what the "uncovered" questions were written against


@lru_cache(maxsize=1)
def load_rule() -> Rule:
    data = tomllib.loads(RULE_PATH.read_text(encoding="utf-8"))["rule"]
    return Rule(float(data["min_similarity"]), float(data["margin"]), frozenset(data.get("documents", [])))


def decide(
    sims: npt.NDArray[np.float32], labels: npt.NDArray[np.str_], min_similarity: float, margin: float
) -> str | None:
    """The label of the nearest off-topic or secret request when the rule holds, else ``None``."""
    domain = labels == "domain"
    if domain.all():
        return None
    other = np.where(~domain)[0]
    nearest = other[int(np.argmax(sims[other]))]
    best_domain = float(sims[domain].max()) if domain.any() else -1.0
    if sims[nearest] >= min_similarity and sims[nearest] - best_domain >= margin:
        return str(labels[nearest])
    return None


class RequestBank:
    """The labelled questions and their unit vectors for one embedder (loaded, or embedded once and cached)."""

    def __init__(self, embedder: Embedder, cache_dir: Path | None = None) -> None:
        rows = [json.loads(line) for line in BANK_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
        self.labels = np.array([r["label"] for r in rows])
        vectors = self._vectors(embedder, [r["text"] for r in rows], cache_dir)
        self.unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    @staticmethod
    def _vectors(embedder: Embedder, texts: list[str], cache_dir: Path | None) -> npt.NDArray[np.float32]:
        shipped = bundled_vectors_path()
        if embedder.name == BUNDLED_EMBEDDER and shipped.exists():
            vectors = np.load(shipped).astype(np.float32)
            if len(vectors) == len(texts):
                return vectors
        # named by the bank's content, so a rebuilt bank is embedded anew
        digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]
        cached = cache_dir / f"request_bank.{embedder.name}.{digest}.npy" if cache_dir else None
        if cached is not None and cached.exists():
            return np.load(cached).astype(np.float32)
        log.info("embedding the request bank (%d questions) with %s, once", len(texts), embedder.name)
        vectors = np.asarray(embedder.embed_queries(texts), dtype=np.float32)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            np.save(cached, vectors)
        return vectors


class RequestKind:
    """``run(question)``: "off_topic", "secret", "uncovered", or ``None`` (a question the documents may answer)."""

    def __init__(self, embedder: Embedder, cache_dir: Path | None = None, rule: Rule | None = None) -> None:
        self.embedder = embedder
        self.cache_dir = cache_dir
        self.rule = rule or load_rule()
        self._bank: RequestBank | None = None

    @property
    def bank(self) -> RequestBank:
        if self._bank is None:
            self._bank = RequestBank(self.embedder, self.cache_dir)
        return self._bank

    def judges(self, doc: str) -> bool:
        """Whether an "uncovered" verdict speaks for ``doc``: only for the documents the bank was written against."""
        return doc in self.rule.documents

    def run(self, question: str) -> str | None:
        """Routing and answerability both ask about a question: the embedder remembers its vector
        (``QueryCache``), and the rest is one matrix product."""
        vector = np.asarray(self.embedder.embed_queries([question]), dtype=np.float32)[0]
        sims = self.bank.unit @ (vector / max(float(np.linalg.norm(vector)), 1e-12))
        return decide(sims, self.bank.labels, self.rule.min_similarity, self.rule.margin)
