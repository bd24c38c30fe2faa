"""Two advisors logging a session for the same manufacturer at the same moment cannot both pass the
ten-hour yearly allowance, and the questions asked in a session are answered before the write
transaction opens, so no LLM call holds the database's write lock (issue 12).

Each of the two concurrent callers has its own ``Database`` (as two workers of the app would), so
only a lock taken in the database itself serialises them; the calculator is slowed a little so
that an unlocked check-then-insert would be interleaved in nearly every round."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from assistant.access.keys import Principal
from assistant.answer.models import Answer
from assistant.storage.database import Database
from assistant.storage.models import AdvisorySession, Manufacturer
from assistant.workflows import advisory as advisory_module
from assistant.workflows.advisory import Advisory
from tests.assistant.storage import test_migrations
from tools.errors import LocalizedError

postgres_url = test_migrations.postgres_url  # the PostgreSQL server those tests start (skipped when absent)

DAY = date(2026, 3, 10)
USED = 6.0  # hours already held this year
EACH = 3.0  # each concurrent session: one fits the ten hours, two do not
ROUNDS = 12
ADVISOR = Principal(name="Trần Minh (advisor)", role="advisor")


class TransactionWatch:
    """Which threads have a transaction open on the watched engines right now."""

    def __init__(self) -> None:
        self._local = threading.local()

    def watch(self, db: Database) -> Database:
        event.listen(db.engine, "begin", lambda _conn: self._move(+1))
        event.listen(db.engine, "commit", lambda _conn: self._move(-1))
        event.listen(db.engine, "rollback", lambda _conn: self._move(-1))
        return db

    def _move(self, by: int) -> None:
        self._local.depth = max(getattr(self._local, "depth", 0) + by, 0)

    def open_here(self) -> bool:
        return bool(getattr(self._local, "depth", 0))


class StubService:
    """Answers without an LLM; records any question answered while the asking thread has a database
    transaction open, or (SQLite, when ``db_file`` is given) while anyone holds the write lock."""

    def __init__(self, watch: TransactionWatch, db_file: Path | None = None) -> None:
        self.watch = watch
        self.db_file = db_file
        self.asked: list[str] = []
        self.violations: list[str] = []

    def ask(self, question: str, lang: str | None = None, **_: Any) -> Answer:
        self.asked.append(question)
        if self.watch.open_here():
            self.violations.append(f"{question!r} answered inside an open transaction")
        if self.db_file is not None and _write_locked(self.db_file):
            self.violations.append(f"{question!r} answered while the SQLite write lock was held")
        time.sleep(0.01)  # an LLM call takes a while
        return Answer(question=question, language=lang or "en", answer=f"answer to {question}", refused=False)


def _write_locked(path: Path) -> bool:
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc) or "busy" in str(exc), exc
        return True
    finally:
        probe.close()


@pytest.fixture
def slow_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The allowance calculation takes a moment (the real calculator, slowed), widening the gap
    between reading the hours used and storing the new session."""
    real = advisory_module.advisory_allowance

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.02)
        return real(*args, **kwargs)

    monkeypatch.setattr(advisory_module, "advisory_allowance", slow)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assistant.db'}"


def _manufacturer_with_hours_used(db: Database, hours: float) -> int:
    with db.session() as s:
        m = Manufacturer(name="Công ty May Sông Hồng", country="Vietnam", contact_lang="vi")
        s.add(m)
        s.flush()
        s.add(AdvisorySession(manufacturer_id=m.id, held_on=DAY, duration_hours=hours, advisor="A"))
        return m.id


def _stored(db: Database, manufacturer_id: int) -> list[AdvisorySession]:
    with db.session() as s:
        return list(s.scalars(select(AdvisorySession).where(AdvisorySession.manufacturer_id == manufacturer_id)))


def _log(advisory: Advisory, manufacturer_id: int, confirm: bool, question: str) -> AdvisorySession:
    row, _ = advisory.log_session(
        manufacturer_id,
        ADVISOR,
        held_on=DAY,
        duration_hours=EACH,
        advisor="Trần Minh",
        topics=["scope 3"],
        notes="",
        questions=[question],
        confirm_over_allowance=confirm,
        lang="en",
    )
    return row


def _at_once(calls: list[Callable[[], AdvisorySession]]) -> list[Any]:
    """Run the calls in threads released together; each one's session, ``(code, status)`` of its
    ``LocalizedError``, or any other exception."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = calls[i]()
        except LocalizedError as exc:
            outcomes[i] = (exc.code, exc.status)
        except BaseException as exc:  # reported by the caller's assertions
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes


def _race(url: str, confirm: bool) -> None:
    """``ROUNDS`` times: a manufacturer with six hours used, and two callers (own ``Database`` each)
    logging a three-hour session at the same moment."""
    setup = Database(url)
    setup.upgrade()
    watch = TransactionWatch()
    services = [StubService(watch), StubService(watch)]
    workers = [Advisory(services[i], watch.watch(Database(url))) for i in range(2)]  # type: ignore[arg-type]
    for rnd in range(ROUNDS):
        mid = _manufacturer_with_hours_used(setup, USED)
        outcomes = _at_once(
            [partial(_log, workers[i], mid, confirm, f"round {rnd} caller {i}: base year?") for i in range(2)]
        )
        stored = _stored(setup, mid)
        hours = sorted(r.duration_hours for r in stored)
        if confirm:
            # both are kept; the one that went past the allowance is the one flagged
            assert all(isinstance(o, AdvisorySession) for o in outcomes), (rnd, outcomes)
            assert sorted(bool(o.over_allowance) for o in outcomes) == [False, True], (rnd, outcomes)
            assert hours == [EACH, EACH, USED], (rnd, hours)
        else:
            refused = [o for o in outcomes if not isinstance(o, AdvisorySession)]
            assert refused == [("over_allowance", 409)], (rnd, outcomes)
            assert sum(hours) == USED + EACH, (rnd, hours)  # the allowance never goes past ten hours
        for i, o in enumerate(outcomes):
            if isinstance(o, AdvisorySession):
                assert [e.answer for e in o.exchanges] == [f"answer to round {rnd} caller {i}: base year?"]
    assert sum(len(s.asked) for s in services) > 0
    assert [v for s in services for v in s.violations] == []


@pytest.mark.parametrize("confirm", [False, True], ids=["refused", "confirmed"])
def test_concurrent_sessions_sqlite(sqlite_url: str, slow_check: None, confirm: bool) -> None:
    _race(sqlite_url, confirm)


@pytest.mark.parametrize("confirm", [False, True], ids=["refused", "confirmed"])
def test_concurrent_sessions_postgresql(postgres_url: str, slow_check: None, confirm: bool) -> None:
    _race(postgres_url, confirm)


def test_questions_are_answered_before_the_write_transaction(tmp_path: Path) -> None:
    db_file = tmp_path / "assistant.db"
    db = Database(f"sqlite:///{db_file}")
    db.upgrade()
    watch = TransactionWatch()
    service = StubService(watch, db_file)
    advisory = Advisory(service, watch.watch(db))  # type: ignore[arg-type]
    mid = _manufacturer_with_hours_used(db, 1)
    row, after = advisory.log_session(
        mid,
        ADVISOR,
        held_on=DAY,
        duration_hours=2,
        advisor="",
        topics=[],
        notes="",
        questions=["Mục tiêu phạm vi 1 và 2?", "  ", "Năm cơ sở?"],
        confirm_over_allowance=False,
        lang="en",
    )
    assert service.asked == ["Mục tiêu phạm vi 1 và 2?", "Năm cơ sở?"]
    assert service.violations == []
    assert [(e.position, e.question, e.language) for e in row.exchanges] == [
        (0, "Mục tiêu phạm vi 1 và 2?", "vi"),
        (1, "Năm cơ sở?", "vi"),
    ]
    assert row.advisor == ADVISOR.name and after.outputs["used_hours"] == 3
    advisory.ask_in_session(row.id, "And scope 3?", "en")
    assert service.violations == []
    assert [e.position for e in advisory.session(row.id).exchanges] == [0, 1, 2]


def test_a_session_that_does_not_fit_is_refused_before_any_question_is_answered(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'assistant.db'}")
    db.upgrade()
    service = StubService(TransactionWatch())
    mid = _manufacturer_with_hours_used(db, 9)
    with pytest.raises(LocalizedError) as refused:
        Advisory(service, db).log_session(  # type: ignore[arg-type]
            mid, ADVISOR, DAY, 2, "", [], "", ["Năm cơ sở?"], confirm_over_allowance=False, lang="vi"
        )
    assert (refused.value.code, refused.value.status) == ("over_allowance", 409)
    assert service.asked == []  # no LLM call spent on a session that is not stored
    assert len(_stored(db, mid)) == 1


def test_unknown_manufacturer(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'assistant.db'}")
    db.upgrade()
    service = StubService(TransactionWatch())
    with pytest.raises(LocalizedError) as missing:
        Advisory(service, db).log_session(  # type: ignore[arg-type]
            424242, ADVISOR, DAY, 1, "", [], "", ["q?"], confirm_over_allowance=False, lang="en"
        )
    assert missing.value.status == 404 and service.asked == []
