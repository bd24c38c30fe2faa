"""Compute the shipped corpus's passage vectors for the bundled embedder (``corpus/vectors/<embedder>.npz``).

Runs a real ingest of the corpus folder into a temporary data folder with no shipped vectors, so the file holds
exactly the texts an ingest embeds (chunks, translation openings, segments of every language), then writes
them. Re-run it after a change to the corpus, its translations, the glossary or the chunker; the test suite
checks that an ingest of ``corpus/`` embeds nothing the file lacks.

    .venv/bin/python -m evals.build_corpus_vectors [--write]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from assistant.config import Settings, get_settings
from assistant.corpus.ingest import ingest, passage_embedder
from assistant.index.passage_vectors import KnownVectors, shipped_vectors_path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the file (otherwise only report)")
    args = ap.parse_args(argv)
    base = get_settings()
    with tempfile.TemporaryDirectory(prefix="corpus-vectors-") as tmp:
        settings = Settings(data_dir=Path(tmp), corpus_dir=base.corpus_dir, embeddings=base.embeddings, chroma_url=None)
        embedder = passage_embedder(settings, shipped_vectors=False)
        started = time.perf_counter()
        report = ingest(settings, progress=False, embedder=embedder)
        seconds = time.perf_counter() - started
    if report.failed:
        raise SystemExit(f"ingest failed for: {', '.join(name for name, _ in report.failed)}")
    path = shipped_vectors_path(settings.corpus_dir, embedder.name)
    print(
        f"{report.total_documents} documents: {len(embedder.computed)} texts embedded, "
        f"{embedder.reused} repeats not embedded again, {seconds:.1f} s"
    )
    if args.write:
        n = KnownVectors.save(path, embedder.name, embedder.computed)
        print(f"wrote {n} vectors to {path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
