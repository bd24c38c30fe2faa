"""BM25 over language-aware tokens (see ``assistant.text.tokenize``), held in memory.

The corpus is small (hundreds of chunks), so the index is rebuilt from the tokens stored with
each chunk in chromadb whenever the index generation changes: one source of truth, nothing to
keep in sync on disk.
"""

from __future__ import annotations

import bm25s
import numpy as np


class LexicalIndex:
    def __init__(self, ids: list[str], token_lists: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.ids = ids
        self._bm25: bm25s.BM25 | None = None
        if ids:
            self._bm25 = bm25s.BM25(k1=k1, b=b)
            self._bm25.index([t or ["∅"] for t in token_lists], show_progress=False)

    def search(self, tokens: list[str], k: int) -> list[tuple[str, float]]:
        if self._bm25 is None or not tokens:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float64)
        order = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0]
