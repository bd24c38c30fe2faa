"""Helpdesk replies: draft from a manufacturer's email, edit, approve, and reuse approved answers.

A draft is the assistant's answer to each question in the email, assembled into a reply in the
manufacturer's language, plus a note for the staff member in theirs. Approved replies are kept
with an embedding of their questions, so the same question later (in any language) finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.access.keys import Principal
from assistant.answer.models import Answer, Citation
from assistant.answer.service import AnswerService
from assistant.messages import lang_name, t, texts
from assistant.storage.database import Database
from assistant.storage.models import DraftReply, Manufacturer, utcnow
from assistant.text.language import detect_language
from assistant.workflows.message_questions import plain_layout, split_message
from assistant.workflows.message_tables import question_facts
from tools import rules
from tools.errors import LocalizedError
from tools.i18n import as_lang

MAX_MESSAGE_CHARS = 20_000
_MARKER = re.compile(r"\[(\d+)\]")


@dataclass
class ApprovedMatch:
    id: int
    language: str
    reply: str
    similarity: float
    approved_by: str
    questions: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "language": self.language,
            "reply": self.reply,
            "similarity": self.similarity,
            "approved_by": self.approved_by,
        }


@dataclass
class Assembled:
    reply: str
    note: str
    needs_human: bool
    citations: list[dict[str, Any]] = field(default_factory=list)
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)  # each question's own answer (not stored)


class Helpdesk:
    def __init__(self, service: AnswerService, db: Database) -> None:
        self.service = service
        self.db = db

    @property
    def embedding_model(self) -> str:
        return self.service.settings.embeddings

    # --- drafting ---------------------------------------------------------------------------

    def draft(
        self,
        message: str,
        by: Principal,
        staff_lang: str = "en",
        lang: str | None = None,
        manufacturer_id: int | None = None,
    ) -> tuple[DraftReply, ApprovedMatch | None]:
        text = (message or "").replace("\x00", "").strip()
        language = lang or (detect_language(text) if text else staff_lang)
        if not text:
            raise LocalizedError("message_empty", lang=language, status=422)
        if len(text) > MAX_MESSAGE_CHARS:
            text = text[:MAX_MESSAGE_CHARS]
        if manufacturer_id is not None:
            with self.db.session() as s:
                if s.get(Manufacturer, manufacturer_id) is None:
                    raise LocalizedError(
                        "not_found",
                        lang=language,
                        status=404,
                        what=texts("workflow.record.manufacturer"),
                        id=manufacturer_id,
                    )
        questions, context = split_message(text)
        vector = self._embed(" ".join(questions))
        match = self.find_approved(vector)
        reuse = match is not None and self._reusable(match, language, questions)
        if match is not None and reuse:
            assembled = self._reuse(match, staff_lang)
        else:
            facts = question_facts(plain_layout(text), questions, context, as_lang(language))
            answers = [
                self.service.ask(q, lang=language, context=facts[i].stated, earlier=questions[:i], about=facts[i].about)
                for i, q in enumerate(questions)
            ]
            assembled = self._assemble(language, staff_lang, questions, answers)
            if match is not None:
                assembled.note += "\n\n" + t(
                    "workflow.note_reuse_other_lang",
                    staff_lang,
                    id=match.id,
                    language=lang_name(match.language, staff_lang),
                    similarity=f"{match.similarity:.2f}",
                )
        row = DraftReply(
            message=text,
            questions=questions,
            language=language,
            staff_lang=staff_lang,
            manufacturer_id=manufacturer_id,
            reply=assembled.reply,
            internal_note=assembled.note,
            needs_human=assembled.needs_human,
            citations=assembled.citations,
            tool_calls=assembled.tool_calls,
            status="draft",
            reused_from=match.id if match is not None and reuse else None,
            embedding=vector,
            embedding_model=self.embedding_model,
            created_by=by.name,
        )
        with self.db.session() as s:
            s.add(row)
        row.answers = assembled.answers  # type: ignore[attr-defined]  # returned with the draft, not stored
        return row, match

    def _reuse(self, match: ApprovedMatch, staff_lang: str) -> Assembled:
        with self.db.session() as s:
            src = s.get(DraftReply, match.id)
            assert src is not None
            note = t(
                "workflow.note_reused",
                staff_lang,
                id=match.id,
                language=lang_name(match.language, staff_lang),
                similarity=f"{match.similarity:.2f}",
                by=match.approved_by,
            )
            return Assembled(
                reply=src.reply,
                note=note,
                needs_human=False,
                citations=list(src.citations),
                tool_calls=list(src.tool_calls),
            )

    def _assemble(self, lang: str, staff_lang: str, questions: list[str], answers: list[Answer]) -> Assembled:
        """One reply from several answers: citations renumbered across them, sources listed once."""
        mcap = rules.mcap()
        sources: list[Citation] = []
        keys: dict[tuple[str, str, str], int] = {}
        parts: list[str] = []
        uncovered: list[str] = []
        unsupported: list[str] = []
        asked_back: list[str] = []
        for question, answer in zip(questions, answers, strict=True):
            mapping: dict[int, int] = {}
            for c in answer.citations:
                key = (c.doc, c.locator, c.quote)
                if key not in keys:
                    keys[key] = len(sources) + 1
                    sources.append(c.model_copy(update={"id": keys[key]}))
                mapping[c.id] = keys[key]
            body = _renumber(answer.answer, mapping)
            parts.append(f"**{question}**\n\n{body}" if len(questions) > 1 else body)
            if answer.refused or answer.not_stated:  # a part the documents do not state needs a human too
                uncovered.append(question)
            if answer.clarify:
                asked_back.append(question)
            if answer.grounding is not None and not answer.grounding.passed:
                unsupported.append(question)
        tool_calls = [tc.model_dump() for a in answers for tc in a.tool_calls]
        steps = [t("workflow.step_check_figures", lang)] if tool_calls else []
        if uncovered and len(questions) > 1:
            points = ("；" if lang == "zh" else "; ").join(f"«{_short(q)}»" for q in uncovered)
            steps.append(t("workflow.step_human_points", lang, points=points))
        elif uncovered:
            steps.append(t("workflow.step_human", lang))
        steps.append(t("workflow.step_advisory", lang, hours=mcap["advisory_hours_per_year"]))
        reply = "\n\n".join(
            [
                t("workflow.greeting", lang),
                *parts,
                (f"**{t('workflow.sources', lang)}**\n\n" + "\n".join(_source_line(c) for c in sources))
                if sources
                else "",
                f"**{t('workflow.next_steps', lang)}**\n\n" + "\n".join(f"- {s}" for s in steps),
                t("workflow.contact", lang, contact=mcap["contact"]),
                t("workflow.sign_off", lang),
            ]
        )
        reply = re.sub(r"\n{3,}", "\n\n", reply)
        note = self._note(staff_lang, lang, questions, answers, sources, uncovered, unsupported, asked_back)
        return Assembled(
            reply=reply,
            note=note,
            needs_human=bool(uncovered or unsupported or asked_back),
            citations=[c.model_dump() for c in sources],
            tool_calls=tool_calls,
            answers=[{"question": q, **a.contract_json()} for q, a in zip(questions, answers, strict=True)],
        )

    def _note(
        self,
        staff: str,
        lang: str,
        questions: list[str],
        answers: list[Answer],
        sources: list[Citation],
        uncovered: list[str],
        unsupported: list[str],
        asked_back: list[str] | None = None,
    ) -> str:
        lines = [
            f"## {t('workflow.note_title', staff)}",
            "",
            t("workflow.note_language", staff, language=lang_name(lang, staff), n=len(questions)),
        ]
        lines += ["", f"**{t('workflow.note_rests_on', staff)}**", ""]
        lines += [f"- {_source_line(c)}" for c in sources] or [t("workflow.note_no_sources", staff)]
        calls = [tc for a in answers for tc in a.tool_calls]
        if calls:
            lines += ["", f"**{t('workflow.note_calc', staff)}**", ""]
            for tc in calls:
                result = tc.result
                explanation = result.get("explanation", {}).get(staff) or result.get("explanation", {}).get("en", "")
                clauses = ", ".join(
                    f"{r.get('clause', '')} ({r.get('document', '')})"
                    for r in result.get("rules", [])
                    if r.get("clause")
                )
                args = ", ".join(f"{k}={v}" for k, v in tc.arguments.items())
                lines.append(f"- `{tc.name}({args})` → {result.get('verdict') or ''} {explanation}".rstrip())
                if clauses:
                    lines.append(f"  - {clauses}")
        lines += ["", f"**{t('workflow.note_human', staff)}**", ""]
        flags = [t("workflow.note_not_covered", staff, question=q) for q in uncovered]
        flags += [t("workflow.note_grounding", staff, question=q) for q in unsupported]
        flags += [t("workflow.note_asked_back", staff, question=q) for q in asked_back or []]
        lines += [f"- {f}" for f in flags] or [t("workflow.note_nothing", staff)]
        modes = sorted({a.mode for a in answers})
        lines += ["", t("workflow.note_mode", staff, mode=", ".join(modes))]
        return "\n".join(lines)

    # --- editing and approval ---------------------------------------------------------------

    def get(self, draft_id: int, lang: str = "en") -> DraftReply:
        with self.db.session() as s:
            return _draft_or_404(s, draft_id, lang)

    def edit(self, draft_id: int, reply: str | None, internal_note: str | None, lang: str) -> DraftReply:
        with self.db.session() as s:
            row = _open_draft(s, draft_id, lang)
            if reply is not None:
                row.reply = reply
            if internal_note is not None:
                row.internal_note = internal_note
            row.updated_at = utcnow()
            return row

    def approve(self, draft_id: int, by: Principal, reply: str | None, lang: str) -> DraftReply:
        with self.db.session() as s:
            row = _open_draft(s, draft_id, lang)
            if reply is not None:
                row.reply = reply
            row.status = "approved"
            row.approved_by = by.name
            row.approved_at = row.updated_at = utcnow()
            return row

    def list_drafts(self, status: str | None = None, limit: int = 100) -> list[DraftReply]:
        with self.db.session() as s:
            q = select(DraftReply).order_by(DraftReply.id.desc()).limit(limit)
            if status:
                q = q.where(DraftReply.status == status)
            return list(s.scalars(q))

    # --- reuse ------------------------------------------------------------------------------

    def find_approved(self, vector: list[float], min_similarity: float | None = None) -> ApprovedMatch | None:
        """The closest approved answer whose questions embed within the suggestion threshold."""
        threshold = self.service.settings.suggest_min_similarity if min_similarity is None else min_similarity
        best = self.search_approved(vector, limit=1)
        return best[0] if best and best[0].similarity >= threshold else None

    def _reusable(self, match: ApprovedMatch, language: str, questions: list[str]) -> bool:
        """Reuse as the draft only in the same language, very close, and with the same figures: a
        question about 1.5°C embeds close to one about 2°C but needs another answer."""
        if match.language != language or match.similarity < self.service.settings.reuse_min_similarity:
            return False
        return _figures(" ".join(questions)) == _figures(" ".join(match.questions))

    def search_approved(self, vector: list[float], limit: int = 5) -> list[ApprovedMatch]:
        with self.db.session() as s:
            rows = list(s.scalars(select(DraftReply).where(DraftReply.status == "approved")))
            stale = [r for r in rows if r.embedding_model != self.embedding_model or not r.embedding]
            for r in stale:  # another embedder since approval: embed again, once
                r.embedding = self._embed(" ".join(r.questions))
                r.embedding_model = self.embedding_model
            if not rows:
                return []
            matrix = np.asarray([r.embedding for r in rows], dtype=np.float32)
            q = np.asarray(vector, dtype=np.float32)
            sims = matrix @ q / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(q) + 1e-9)
            order = np.argsort(-sims)[:limit]
            return [
                ApprovedMatch(
                    id=rows[i].id,
                    language=rows[i].language,
                    reply=rows[i].reply,
                    similarity=round(float(sims[i]), 4),
                    approved_by=rows[i].approved_by or "",
                    questions=list(rows[i].questions),
                )
                for i in order
            ]

    def search_text(self, query: str, limit: int = 5) -> list[ApprovedMatch]:
        questions, _ = split_message(query)
        return self.search_approved(self._embed(" ".join(questions)), limit=limit)

    def _embed(self, text: str) -> list[float]:
        vectors = self.service.retriever.embedder.embed_queries([text[:2000]])
        return [float(x) for x in np.asarray(vectors)[0]]


MAX_POINT_CHARS = 90  # a question named in the reply's next steps, cut at a word


def _short(question: str) -> str:
    """A question as the reply's next steps name it: whole, or cut at a word with an ellipsis."""
    q = " ".join(question.split())
    if len(q) <= MAX_POINT_CHARS:
        return q
    cut = q[:MAX_POINT_CHARS]
    return (cut.rsplit(" ", 1)[0] if " " in cut[MAX_POINT_CHARS // 2 :] else cut) + "…"


def _draft_or_404(s: Session, draft_id: int, lang: str) -> DraftReply:
    row = s.get(DraftReply, draft_id)
    if row is None:
        raise LocalizedError("not_found", lang=lang, status=404, what=texts("workflow.record.draft"), id=draft_id)
    return row


def _open_draft(s: Session, draft_id: int, lang: str) -> DraftReply:
    """A draft that may still change: approved replies are final."""
    row = _draft_or_404(s, draft_id, lang)
    if row.status == "approved":
        raise LocalizedError("already_approved", lang=lang, status=409, id=draft_id)
    return row


def _figures(text: str) -> set[str]:
    return {m.replace(",", ".") for m in re.findall(r"\d+(?:[.,]\d+)?", text)}


def _renumber(text: str, mapping: dict[int, int]) -> str:
    return _MARKER.sub(lambda m: f"[{mapping.get(int(m.group(1)), int(m.group(1)))}]", text)


def _source_line(c: Citation) -> str:
    quote = c.quote if len(c.quote) <= 220 else c.quote[:217] + "…"
    return f"[{c.id}] {c.title} ({c.doc}), {c.locator}: “{quote}”"
