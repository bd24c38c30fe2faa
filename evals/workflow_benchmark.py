"""Figures for the helpdesk workflow (printed, not asserted): draft-reply latency, approved-answer
search time as approved answers accumulate, and how often an approved answer is found again for
the same dev-set fact asked in the other two languages.

    .venv/bin/python -m evals.workflow_benchmark --data-dir DIR   # DIR: an ingested index
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from pydantic import SecretStr

from assistant.access.keys import Principal
from assistant.answer.service import AnswerService
from assistant.config import Settings
from assistant.storage.database import Database
from assistant.workflows.helpdesk import Helpdesk
from evals.question_file import load_questions

ROOT = Path(__file__).resolve().parents[1]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, required=True, help="an ingested index folder")
    args = ap.parse_args()
    db_path = Path(tempfile.mkdtemp(prefix="wf-bench-")) / "assistant.db"
    settings = Settings(data_dir=args.data_dir, database_url=SecretStr(f"sqlite:///{db_path}"))
    db = Database.from_settings(settings)
    db.upgrade()
    helpdesk = Helpdesk(AnswerService(settings), db)
    staff = Principal(name="bench", role="staff")

    # the retrieval dev set asks each fact in vi, zh and en: approve the English draft of each fact,
    # then see whether the Vietnamese and Chinese askings find it
    by_fact: dict[str, dict[str, str]] = defaultdict(dict)
    for q in load_questions(ROOT / "evals" / "retrieval_questions.jsonl"):
        by_fact[q.id.rsplit("-", 1)[-1]][q.lang] = q.question
    facts = {k: v for k, v in by_fact.items() if {"vi", "zh", "en"} <= set(v)}
    draft_ms: list[float] = []
    approved: dict[str, int] = {}
    for fact, asked in facts.items():
        t = time.perf_counter()
        row, _ = helpdesk.draft(asked["en"], staff)
        draft_ms.append((time.perf_counter() - t) * 1000)
        helpdesk.approve(row.id, staff, None, "en")
        approved[fact] = row.id
    print(
        f"draft reply (one question, no LLM): n={len(draft_ms)} p50 {statistics.median(draft_ms):.0f} ms, p95 {_pct(draft_ms, 0.95):.0f} ms"
    )

    search_ms: list[float] = []
    found = {"top1": 0, "suggested": 0, "total": 0}
    for fact, asked in facts.items():
        for lang in ("vi", "zh"):
            vector = helpdesk._embed(asked[lang])
            t = time.perf_counter()
            best = helpdesk.search_approved(vector, limit=1)
            search_ms.append((time.perf_counter() - t) * 1000)
            found["total"] += 1
            if best and best[0].id == approved[fact]:
                found["top1"] += 1
                if best[0].similarity >= settings.suggest_min_similarity:
                    found["suggested"] += 1
    print(
        f"approved-answer search over {len(approved)} approved answers: p50 {statistics.median(search_ms):.1f} ms; "
        f"same fact asked in vi/zh: top-1 {found['top1']}/{found['total']}, "
        f"shown (≥{settings.suggest_min_similarity}) {found['suggested']}/{found['total']}"
    )


if __name__ == "__main__":
    main()
