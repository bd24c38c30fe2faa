"""Manufacturers, their advisory sessions, and the ten-hour yearly allowance.

Hours are counted per calendar year of the session date; a session that would go past the
allowance is refused with the figures unless the advisor confirms it (it is then flagged).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import extract, select, text
from sqlalchemy.orm import Session, selectinload

from assistant.access.keys import Principal
from assistant.answer.models import Answer
from assistant.answer.service import AnswerService
from assistant.messages import texts
from assistant.storage.database import Database
from assistant.storage.models import AdvisorySession, Manufacturer, SessionExchange
from tools.advisory_allowance import advisory_allowance
from tools.errors import LocalizedError
from tools.result import CalcResult

# what a session's summary and JSON need, loaded with it (sessions are used after the unit of work ends)
_WITH_DETAILS = [selectinload(AdvisorySession.manufacturer), selectinload(AdvisorySession.exchanges)]


class Advisory:
    def __init__(self, service: AnswerService, db: Database) -> None:
        self.service = service
        self.db = db

    # --- manufacturers ----------------------------------------------------------------------

    def add_manufacturer(self, name: str, country: str, contact_lang: str) -> Manufacturer:
        row = Manufacturer(name=name.strip(), country=country.strip(), contact_lang=contact_lang)
        with self.db.session() as s:
            s.add(row)
        return row

    def manufacturer(self, manufacturer_id: int, lang: str = "en") -> Manufacturer:
        with self.db.session() as s:
            row = s.get(Manufacturer, manufacturer_id)
            if row is None:
                raise LocalizedError(
                    "not_found", lang=lang, status=404, what=texts("workflow.record.manufacturer"), id=manufacturer_id
                )
            return row

    def manufacturers(self, only: int | None = None) -> list[Manufacturer]:
        with self.db.session() as s:
            q = select(Manufacturer).order_by(Manufacturer.name)
            if only is not None:
                q = q.where(Manufacturer.id == only)
            return list(s.scalars(q))

    # --- allowance --------------------------------------------------------------------------

    def allowance(self, manufacturer_id: int, year: int, planned_hours: float = 0) -> CalcResult:
        with self.db.session() as s:
            used = _hours_used(s, manufacturer_id, year)
        return advisory_allowance(year, used, planned_hours=planned_hours)

    # --- sessions ---------------------------------------------------------------------------

    def log_session(
        self,
        manufacturer_id: int,
        by: Principal,
        held_on: date,
        duration_hours: float,
        advisor: str,
        topics: list[str],
        notes: str,
        questions: list[str],
        confirm_over_allowance: bool,
        lang: str,
    ) -> tuple[AdvisorySession, CalcResult]:
        """Record a session; its questions are answered now in the manufacturer's language.

        The questions are answered first, outside any transaction (an LLM call must not hold the
        write lock); then one transaction locks the manufacturer, reads the hours used, checks the
        allowance and stores the session, so two sessions logged at once cannot both pass it."""
        maker = self.manufacturer(manufacturer_id, lang)
        # a session that clearly does not fit is refused before any question is answered; the
        # binding check is the one made under the lock below
        _over(self.allowance(manufacturer_id, held_on.year, duration_hours), confirm_over_allowance, lang)
        answers = [self.service.ask(q, lang=maker.contact_lang) for q in questions if q.strip()]
        with self.db.session() as s:
            self._lock_manufacturer(s, manufacturer_id, lang)
            used = _hours_used(s, manufacturer_id, held_on.year)
            over = _over(advisory_allowance(held_on.year, used, duration_hours), confirm_over_allowance, lang)
            row = AdvisorySession(
                manufacturer_id=manufacturer_id,
                held_on=held_on,
                duration_hours=duration_hours,
                advisor=advisor.strip() or by.name,
                topics=[t.strip() for t in topics if t.strip()],
                notes=notes,
                over_allowance=over,
                created_by=by.name,
            )
            s.add(row)
            s.flush()
            s.add_all(_exchange(row.id, i, answer) for i, answer in enumerate(answers))
        return self.session(row.id, lang), self.allowance(manufacturer_id, held_on.year)

    def ask_in_session(self, session_id: int, question: str, lang: str) -> SessionExchange:
        sess = self.session(session_id, lang)
        answer = self.service.ask(question, lang=sess.manufacturer.contact_lang)  # before the write transaction
        exchange = _exchange(session_id, len(sess.exchanges), answer)
        with self.db.session() as s:
            s.add(exchange)
        return exchange

    def _lock_manufacturer(self, s: Session, manufacturer_id: int, lang: str) -> None:
        """Serialise allowance checks for one manufacturer until ``s`` commits or rolls back.

        SQLite: take the database's write lock now (pysqlite would only begin at the first write,
        after the hours are read); a second writer waits for it (busy timeout). PostgreSQL: lock the
        manufacturer's row (``FOR NO KEY UPDATE``: concurrent checks wait, inserts that merely
        reference the manufacturer do not)."""
        if self.db.is_sqlite:
            s.execute(text("BEGIN IMMEDIATE"))
        if s.get(Manufacturer, manufacturer_id, with_for_update={"key_share": True}) is None:
            raise LocalizedError(
                "not_found", lang=lang, status=404, what=texts("workflow.record.manufacturer"), id=manufacturer_id
            )

    def session(self, session_id: int, lang: str = "en") -> AdvisorySession:
        with self.db.session() as s:
            row = s.get(AdvisorySession, session_id, options=_WITH_DETAILS)
            if row is None:
                raise LocalizedError(
                    "not_found", lang=lang, status=404, what=texts("workflow.record.session"), id=session_id
                )
            return row

    def sessions(self, manufacturer_id: int) -> list[AdvisorySession]:
        with self.db.session() as s:
            rows = list(
                s.scalars(
                    select(AdvisorySession)
                    .options(*_WITH_DETAILS)
                    .where(AdvisorySession.manufacturer_id == manufacturer_id)
                    .order_by(AdvisorySession.held_on, AdvisorySession.id)
                )
            )
            return rows


def _hours_used(s: Session, manufacturer_id: int, year: int) -> list[float]:
    rows = s.scalars(
        select(AdvisorySession.duration_hours).where(
            AdvisorySession.manufacturer_id == manufacturer_id,
            extract("year", AdvisorySession.held_on) == year,
        )
    )
    return [float(h) for h in rows]


def _over(check: CalcResult, confirmed: bool, lang: str) -> bool:
    """Whether the session goes past the allowance; refused (409, with the figures) unless confirmed."""
    over = check.verdict == "exceeds_allowance"
    if over and not confirmed:
        raise LocalizedError("over_allowance", lang=lang, status=409, warning=check.warnings[0].text)
    return over


def _exchange(session_id: int, position: int, answer: Answer) -> SessionExchange:
    return SessionExchange(
        session_id=session_id,
        position=position,
        question=answer.question,
        answer=answer.answer,
        language=answer.language,
        refused=answer.refused,
        citations=[c.model_dump() for c in answer.citations],
        tool_calls=[tc.model_dump() for tc in answer.tool_calls],
    )


def session_json(row: AdvisorySession) -> dict[str, Any]:
    return {
        "id": row.id,
        "manufacturer_id": row.manufacturer_id,
        "date": row.held_on.isoformat(),
        "duration_hours": row.duration_hours,
        "advisor": row.advisor,
        "topics": row.topics,
        "notes": row.notes,
        "over_allowance": row.over_allowance,
        "exchanges": [
            {
                "question": e.question,
                "answer": e.answer,
                "language": e.language,
                "refused": e.refused,
                "citations": e.citations,
                "tool_calls": e.tool_calls,
            }
            for e in row.exchanges
        ],
    }


def manufacturer_json(row: Manufacturer) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "country": row.country, "contact_lang": row.contact_lang}
