"""Regenerate corpus/glossary.csv from scripts/glossary_rows.py, computing the `docs` column:
the documents in which one of a term's forms occurs (white space removed, case folded)."""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from glossary_rows import ROWS  # noqa: E402


def main() -> None:
    docs = {
        p.name[:3]: re.sub(r"\s+", "", p.read_text(encoding="utf-8")).casefold()
        for p in sorted((ROOT / "corpus").glob("*.txt"))
    }
    rows = []
    for line in ROWS.strip().splitlines():
        id_, cat, en, vi, zh, aen, avi, azh, note = (unicodedata.normalize("NFC", p.strip()) for p in line.split("|"))
        forms = [en, vi, zh] + [x for x in f"{aen};{avi};{azh}".split(";") if x.strip()]
        found = sorted({d for d, text in docs.items() for f in forms if re.sub(r"\s+", "", f).casefold() in text})
        if not found:
            raise SystemExit(f"{id_}: no form occurs in any document")
        rows.append(
            {
                "id": id_,
                "category": cat,
                "en": en,
                "vi": vi,
                "zh": zh,
                "aliases_en": aen.replace(";", "|"),
                "aliases_vi": avi.replace(";", "|"),
                "aliases_zh": azh.replace(";", "|"),
                "docs": "|".join(found),
                "note": note,
            }
        )
    with (ROOT / "corpus" / "glossary.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} terms")


if __name__ == "__main__":
    main()
