"""Helpdesk e-mails with several questions: each expected question scored on the part of the drafted reply
that answers it, whole e-mails answered in full, and uncovered questions flagged for a human.

An e-mail file holds ``{"id", "lang", "message", "questions": [...]}`` lines; each expected question has the
question-file fields plus ``text``, the question as it stands in the message. A drafted question answers an
expected one when their words overlap most (character bigrams); its answer is the draft's ``answers`` item,
or, from servers that predate that field, the reply's section under the question's bold heading with the
calculator calls whose explanation it carries.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.answer_eval import DEPTH, _mean, score_item
from evals.asker import Asker, AskFailed
from evals.question_file import Question
from evals.retrieval_eval import gold_rank

_QUESTION_FIELDS = set(Question.__dataclass_fields__) - {"extra", "id", "lang", "question"}


@dataclass
class Email:
    id: str
    lang: str
    message: str
    questions: list[Question]


def load_emails(path: Path) -> list[Email]:
    out: list[Email] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        qs = []
        for i, q in enumerate(row["questions"], 1):
            fields = {k: v for k, v in q.items() if k in _QUESTION_FIELDS}
            extra = {k: v for k, v in q.items() if k not in _QUESTION_FIELDS and k != "text"}
            qs.append(Question(id=f"{row['id']}#{i}", lang=row["lang"], question=q["text"], **fields, extra=extra))
        out.append(Email(row["id"], row["lang"], row["message"], qs))
    return out


def is_email_file(path: Path) -> bool:
    first = next((x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()), "{}")
    return "message" in json.loads(first) and "questions" in json.loads(first)


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"\s+", "", text.casefold())
    return {t[i : i + 2] for i in range(len(t) - 1)}


def best_match(expected: str, drafted: list[str]) -> int | None:
    want = _bigrams(expected)
    scored = [(len(want & _bigrams(d)) / max(1, len(want | _bigrams(d))), i) for i, d in enumerate(drafted)]
    best = max(scored, default=(0.0, -1))
    return best[1] if best[0] >= 0.25 else None


# a drafted question this much inside the expected one is part of it: the splitter moved the facts that open
# "鞋厂A的范围三…1300万双。这个强度目标是否满足…?" to the stated facts, or split "哪天?规模多大?" in two
CONTAINED = 0.8
MIN_BIGRAMS = 6


def matching_sections(expected: str, drafted: list[str]) -> list[int]:
    """The drafted questions that answer the expected one: those contained in it, else the best match."""
    want = _bigrams(expected)
    inside = [
        i
        for i, d in enumerate(drafted)
        if len(_bigrams(d)) >= MIN_BIGRAMS and len(want & _bigrams(d)) / len(_bigrams(d)) >= CONTAINED
    ]
    if inside:
        return inside
    # … or one that holds it: a question that points back took the statement before it ("Our customer suggests
    # -25% per pair from 2021 to 2031. Does that meet the minimum?"; round-11 work)
    holding = [i for i, d in enumerate(drafted) if len(want) >= 2 and len(want & _bigrams(d)) / len(want) >= CONTAINED]
    if len(holding) == 1:
        return holding
    best = best_match(expected, drafted)
    return [] if best is None else [best]


def _joined(answers: list[dict[str, Any]]) -> dict[str, Any]:
    """One answer object from the sections that together answer one question."""
    if len(answers) == 1:
        return answers[0]
    return {
        "answer": "\n\n".join(str(a.get("answer", "")) for a in answers),
        "refused": all(bool(a.get("refused")) for a in answers),
        "clarify": any(bool(a.get("clarify")) for a in answers),
        "tool_calls": [c for a in answers for c in a.get("tool_calls") or []],
        "citations": [c for a in answers for c in a.get("citations") or []],
    }


def _sections(draft: dict[str, Any]) -> list[dict[str, Any]]:
    """Per drafted question, an answer object: the draft's own, or rebuilt from the reply's sections."""
    if isinstance(draft.get("answers"), list):
        return list(draft["answers"])
    reply = str(draft.get("reply", ""))
    questions = [str(q) for q in draft.get("questions") or []]
    if len(questions) == 1:
        bodies = [reply]
    else:
        starts = [reply.find(f"**{q}**") for q in questions]
        bodies = []
        for i, a in enumerate(starts):
            if a < 0:
                bodies.append("")
                continue
            later = [b for b in starts[i + 1 :] if b > a] + [reply.find("\n**", a + len(questions[i]) + 4)]
            end = min((b for b in later if b > a), default=len(reply))
            bodies.append(reply[a + len(questions[i]) + 4 : end])
    calls = list(draft.get("tool_calls") or [])
    out = []
    for body in bodies:
        mine = [
            c
            for c in calls
            if any(e and e[:60] in body for e in ((c.get("result") or {}).get("explanation") or {}).values())
        ]
        out.append({"answer": body.strip(), "refused": False, "tool_calls": mine, "citations": []})
    return out


def run_email_eval(asker: Asker, path: Path, out: Path) -> dict[str, Any]:
    emails = load_emails(path)
    items: list[dict[str, Any]] = []
    per_email: list[dict[str, Any]] = []
    for email in emails:
        try:
            draft = asker.draft(email.message)
        except AskFailed as err:
            draft = {"questions": [], "reply": "", "internal_note": "", "error": err.message}
        drafted = [str(q) for q in draft.get("questions") or []]
        answers = _sections(draft)
        note = str(draft.get("internal_note", ""))
        rows = []
        for q in email.questions:
            found = [i for i in matching_sections(q.question, drafted) if i < len(answers)]
            i = found[0] if found else None
            answer = _joined([answers[k] for k in found]) if found else None
            rank = gold_rank(asker.retrieve(q.question, k=DEPTH), q) if q.source_doc and not q.expect_refusal else None
            row = score_item(q, answer, None if answer else "question not found in the draft", rank)
            row["email"] = email.id
            if q.expect_refusal:
                row["flagged"] = i is not None and drafted[i][:40] in note and bool(draft.get("needs_human"))
                if not row["flagged"]:
                    row["why"].append("uncovered question not flagged in the internal note")
            rows.append(row)
        items += rows
        per_email.append({"id": email.id, "lang": email.lang, "full": all(r["correct"] for r in rows)})
    summary: dict[str, dict[str, float]] = {}
    for lang in ("all", "vi", "zh", "en"):
        rows = [r for r in items if lang in ("all", r["lang"])]
        mails = [e for e in per_email if lang in ("all", e["lang"])]
        summary[lang] = {
            "questions": len(rows),
            "correct": _mean([float(r["correct"]) for r in rows]),
            "in_language": _mean([float(r["in_language"]) for r in rows]),
            "emails": len(mails),
            "answered_in_full": _mean([float(e["full"]) for e in mails]),
            "uncovered_flagged": _mean([float(r["flagged"]) for r in rows if "flagged" in r]),
            "clarified": _mean([float(r["clarified"]) for r in rows if "clarified" in r]),
            "verdict": _mean([float(r["verdict_correct"]) for r in rows if "verdict_correct" in r]),
        }
    report = {"meta": {"emails": str(path), "asked": asker.name}, "summary": summary, "items": items}
    out.mkdir(parents=True, exist_ok=True)
    (out / "email_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "email_report.md").write_text(format_email_report(report), encoding="utf-8")
    return report


def format_email_summary(summary: dict[str, dict[str, float]]) -> str:
    cols = (
        "questions",
        "correct",
        "in_language",
        "emails",
        "answered_in_full",
        "uncovered_flagged",
        "clarified",
        "verdict",
    )
    lines = ["| lang | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 1)]
    for lang, s in summary.items():
        cells = [
            str(int(s[c])) if c in ("questions", "emails") else ("–" if s[c] != s[c] else f"{s[c]:.3f}") for c in cols
        ]
        lines.append(f"| {lang} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_email_report(report: dict[str, Any]) -> str:
    lines = [
        "# E-mail eval",
        "",
        f"E-mails: `{report['meta']['emails']}`",
        "",
        format_email_summary(report["summary"]),
        "",
    ]
    failures = [it for it in report["items"] if it["why"]]
    lines += [f"## Questions with a failed check ({len(failures)})", ""]
    for it in failures:
        lines.append(f"- **{it['id']}** ({it['lang']}, {it['kind']}): {'; '.join(it['why'])}")
        lines.append(f"  - Q: {it['question']}")
        lines.append(f"  - A: {it['answer'][:300].replace(chr(10), ' ')}")
    return "\n".join(lines) + "\n"
