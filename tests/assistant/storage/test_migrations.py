"""The migrations build exactly the schema the models describe, on SQLite and on a real PostgreSQL
server started for the test (skipped, with the reason, where PostgreSQL is not installed)."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from assistant.access.keys import create_key, identify
from assistant.storage.database import Database
from assistant.storage.models import AdvisorySession, Base, Manufacturer
from evals.server_process import free_port, wait_until_ready


def _same_schema(db: Database) -> None:
    db.upgrade()
    assert db.current_revision() == db.head_revision()
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def _round_trip(db: Database) -> None:
    with db.session() as s:
        m = Manufacturer(name="Nhà máy Sài Gòn", country="Vietnam", contact_lang="vi")
        s.add(m)
        s.flush()
        s.add(
            AdvisorySession(
                manufacturer_id=m.id, held_on=date(2026, 1, 5), duration_hours=1.5, advisor="A", topics=["范围三"]
            )
        )
        mid = m.id
    _, key = create_key(db, "x", "manufacturer", manufacturer_id=mid)
    who = identify(db, key, None)
    assert who is not None and who.manufacturer_id == mid
    with db.session() as s:
        row = s.get(Manufacturer, mid)
        assert row is not None and row.sessions[0].topics == ["范围三"]


def test_sqlite(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    _same_schema(db)
    db.upgrade()  # a second start changes nothing
    _round_trip(db)


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


@pytest.fixture(scope="module")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: use the postgres system user
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser")
        run_as = ["runuser", "-u", "postgres", "--"]
        # pytest's temporary folders are private to root; the server needs its own
        root = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
        shutil.chown(root, "postgres")
    else:
        root = tmp_path_factory.mktemp("pg")
    data = root / "data"
    port = free_port()
    user = "postgres" if run_as else getpass.getuser()
    subprocess.run(
        [*run_as, str(bindir / "initdb"), "-D", str(data), "-U", user, "--auth=trust"], check=True, capture_output=True
    )
    subprocess.run(
        [
            *run_as,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(root / "log"),
            "-w",
            "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        url = f"postgresql+psycopg://{user}@127.0.0.1:{port}/postgres"

        def connects() -> bool:
            try:
                Database(url).engine.connect().close()
                return True
            except Exception:
                return False

        log = root / "log"
        wait_until_ready(
            check=connects,
            timeout=10,
            name="postgres",
            describe=lambda: f"; server log:\n{log.read_text(errors='replace')[-3000:] if log.exists() else ''}",
        )
        yield url
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_postgresql(postgres_url: str) -> None:
    db = Database(postgres_url)
    _same_schema(db)
    _round_trip(db)
