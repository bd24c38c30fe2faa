"""Write the answer dev set ``evals/questions.jsonl`` from its two sources:

- ``dev_set_facts_src.py`` (ids ``q-…``): the hand-checked facts of the retrieval set, asked once per
  language, plus calculator and refusal items;
- ``dev_set_traps_src.py`` (ids ``t-…``): questions written independently, with the documents' traps
  (linear vs compound, 2019 vs current rules, Table 5's header, C19's wording), each validated against
  its quote and against a correct calculator answer.

    .venv/bin/python scripts/build_dev_set.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import dev_set_facts_src  # noqa: E402
import dev_set_traps_src  # noqa: E402


def main() -> None:
    items = dev_set_facts_src.build()
    items += [{**r, "id": "t-" + r["id"].split("-", 1)[1]} for r in dev_set_traps_src.build()]
    ids = [r["id"] for r in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    path = ROOT / "evals" / "questions.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items), encoding="utf-8")
    counts: dict[str, int] = {}
    for r in items:
        key = f"{r['lang']}/{r['kind']}"
        counts[key] = counts.get(key, 0) + 1
    print(f"{len(items)} questions -> evals/questions.jsonl: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
