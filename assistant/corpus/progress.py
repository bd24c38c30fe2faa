"""Ingest progress for whoever is watching: a tqdm bar on a terminal, plain log lines anywhere else (a log
file, a container, a pipe), so a first ingest of several minutes never looks like a hang.

A log line says the percent done, documents read, chunks embedded and the embedding rate:

    ingest: 46% (documents 2/5, chunks 131, 7.9 chunks/s, 17 s) 003_05076a27b7f6b8f4.txt

The percent weighs each document by its bytes and those of its translations (an estimate of its share of
the work: the largest shipped document and its translations are two thirds of the corpus and of the ingest
time), and counts the current document's chunks as they are embedded, so it moves steadily. The rate is
chunks embedded per second of the whole run (reading and checking documents included).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, TextIO

import numpy as np
import numpy.typing as npt
from tqdm import tqdm

from assistant.corpus.translations import translation_files

Vectors = npt.NDArray[np.float32]
Mode = Literal["bar", "lines", "off"]

# At most one log line this often (seconds), besides the first and the last: a three-minute ingest writes
# about twenty lines, enough to see it move without flooding a log.
LOG_EVERY_S = 10.0
# Passages embedded per call while reporting; the bundled embedder batches by 32 itself, so this changes
# nothing but how often progress can be told.
EMBED_BATCH = 32


def work_estimate(path: Path, translation_folders: Iterable[Path] = ()) -> float:
    """A document's share of an ingest: its bytes and its translation files' (each gets chunked and embedded)."""
    files = [path, *translation_files(path, translation_folders).values()]
    try:
        return float(sum(f.stat().st_size for f in files)) or 1.0
    except OSError:
        return 1.0  # unreadable: ingest reports it; it still counts as one document done


class IngestProgress:
    """Counts documents and embedded chunks and shows them as ``mode`` says; ``weights`` (one per document,
    in the order they are read) make the percent (:func:`work_estimate`)."""

    def __init__(
        self, weights: Sequence[float], mode: Mode, stream: TextIO | None = None, every_s: float = LOG_EVERY_S
    ) -> None:
        self.weights = [max(0.0, w) for w in weights]
        self.total = len(self.weights)
        self.mode = mode
        self.stream = stream or sys.stderr
        self.every_s = every_s
        self.documents_done = 0
        self.chunks = 0
        self._current = ""
        self._doc_chunks = 0
        self._doc_embedded = 0
        self._planned = False
        self._started = time.monotonic()
        self._last_line = -math.inf
        self._last_state: tuple[int, int, int, str] | None = None
        self._bar = tqdm(total=self.total, desc="ingest", unit="file", file=self.stream) if mode == "bar" else None
        self._log(force=True)

    @classmethod
    def for_output(cls, weights: Sequence[float], enabled: bool, stream: TextIO | None = None) -> IngestProgress:
        """A bar when ``stream`` (stderr by default) is a terminal, log lines when it is not, nothing if disabled."""
        stream = stream or sys.stderr
        mode: Mode = "off" if not enabled else ("bar" if stream.isatty() else "lines")
        return cls(weights, mode, stream)

    def each(self, files: Iterable[Path]) -> Iterator[Path]:
        """The files, each counted as done when the loop moves on (also after a ``continue``)."""
        for path in files:
            self._current, self._doc_chunks, self._doc_embedded = path.name, 0, 0
            self._planned = False
            if self._bar is not None:
                self._bar.set_postfix_str(path.name[:30])
            yield path
            self.documents_done += 1
            self._current, self._doc_chunks, self._doc_embedded = "", 0, 0
            if self._bar is not None:
                self._bar.update(1)
            self._log()

    def plan(self, texts: int) -> None:
        """The current document's whole embedding work (chunks and segments, embedded in several calls), so its
        share of the percent advances across all of them instead of starting over with each."""
        self._doc_chunks, self._doc_embedded, self._planned = texts, 0, True

    def embed(self, embed: Callable[[list[str]], Vectors], texts: list[str], counted: bool = True) -> Vectors:
        """``embed(texts)`` in batches, counting each batch's chunks as it is done (``counted=False``: texts
        that are not chunks, such as segments, keep the line alive without changing its counts)."""
        if not self._planned:
            self._doc_chunks, self._doc_embedded = len(texts), 0
        parts: list[Vectors] = []
        for start in range(0, len(texts), EMBED_BATCH):
            batch = texts[start : start + EMBED_BATCH]
            parts.append(embed(batch))
            self._doc_embedded += len(batch)
            if counted:
                self.chunks += len(batch)
            if self._bar is not None:
                self._bar.set_postfix_str(f"{self._current[:30]}, {self.chunks} chunks")
            self._log()
        return np.vstack(parts) if parts else embed([])

    def close(self) -> None:
        """The last line (100%, the totals), or the bar closed."""
        self._current = ""
        self._log(force=True)
        if self._bar is not None:
            self._bar.close()

    @property
    def fraction(self) -> float:
        whole = sum(self.weights)
        if self.documents_done >= self.total or whole <= 0:
            return 1.0 if self.documents_done >= self.total else self.documents_done / self.total
        # the current document's share: up to 90% for its embedding, the rest when it is written
        inner = 0.9 * self._doc_embedded / self._doc_chunks if self._doc_chunks else 0.0
        done = sum(self.weights[: self.documents_done]) + inner * self.weights[self.documents_done]
        return min(1.0, done / whole)

    def line(self) -> str:
        elapsed = time.monotonic() - self._started
        rate = self.chunks / elapsed if elapsed > 0 else 0.0
        where = f" {self._current}" if self._current else ""
        return (
            f"ingest: {math.floor(self.fraction * 100)}% (documents {self.documents_done}/{self.total}, "
            f"chunks {self.chunks}, {rate:.1f} chunks/s, {elapsed:.0f} s){where}"
        )

    def _log(self, force: bool = False) -> None:
        now = time.monotonic()
        state = (self.documents_done, self.chunks, self._doc_embedded, self._current)
        if self.mode != "lines" or state == self._last_state:
            return  # nothing moved since the last line (e.g. close() right after the last document's line)
        if not force and now - self._last_line < self.every_s:
            return
        self._last_line, self._last_state = now, state
        print(self.line(), file=self.stream, flush=True)
