"""Recompute the ``docs`` column of ``corpus/glossary.csv``: the documents in which one of a term's forms
occurs (white space removed, case folded). ``tests/assistant/corpus/test_glossary.py`` fails when the
column is stale; run this after editing terms or documents.

    .venv/bin/python scripts/glossary_docs.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.corpus.glossary import term_documents  # noqa: E402


def main() -> None:
    path = ROOT / "corpus" / "glossary.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))}
    for row in rows:
        row["docs"] = "|".join(term_documents(row, texts))
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} terms, docs column updated")


if __name__ == "__main__":
    main()
