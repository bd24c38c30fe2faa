"""Engine, sessions and migrations. SQLite under the data dir by default; ``ASSISTANT_DATABASE_URL``
points at a shared database (PostgreSQL) instead."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from assistant.config import Settings
from tools.errors import LocalizedError


class DatabaseUnavailableError(LocalizedError):
    """The workflow database cannot be used (HTTP 503); the chat keeps answering without it."""

    default_status = 503
    default_code = "database_unavailable"

    def __init__(self, detail: str) -> None:
        super().__init__(detail=detail[:200])


def database_url(settings: Settings) -> str:
    if settings.database_url:
        return settings.database_url.get_secret_value()
    return f"sqlite:///{settings.data_dir / 'assistant.db'}"


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict[str, Any] = {"pool_pre_ping": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        url = database_url(settings)
        if url.startswith("sqlite:///"):
            try:
                Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseUnavailableError(str(exc)) from exc
        return cls(url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._sessions() as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise

    # --- migrations ------------------------------------------------------------------------

    def alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("assistant.storage") / "migrations"))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return cfg

    def upgrade(self) -> None:
        """Bring the schema to the newest migration; several workers starting at once take turns."""
        try:
            with self._migration_lock(), self.engine.begin() as conn:
                if self.current_revision(conn) == self.head_revision():
                    return
                cfg = self.alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except (SQLAlchemyError, OSError) as exc:
            raise DatabaseUnavailableError(str(exc).splitlines()[0]) from exc

    def head_revision(self) -> str | None:
        return ScriptDirectory.from_config(self.alembic_config()).get_current_head()

    def current_revision(self, conn: Any = None) -> str | None:
        if conn is None:
            with self.engine.connect() as c:
                return MigrationContext.configure(c).get_current_revision()
        return MigrationContext.configure(conn).get_current_revision()

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        if self.is_sqlite and self.url.startswith("sqlite:///") and self.url != "sqlite:///:memory:":
            lock_path = Path(self.url.removeprefix("sqlite:///") + ".migrate.lock")
            with lock_path.open("w") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(fh, fcntl.LOCK_UN)
        elif self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_lock(72657)"))
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(72657)"))
        else:
            yield


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()
