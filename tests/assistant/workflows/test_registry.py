"""While the workflow database is down every request gets a fresh error: one stored exception raised
again and again would grow its traceback with every request."""

from __future__ import annotations

import traceback
from pathlib import Path

from pydantic import SecretStr

from assistant.answer.service import AnswerService
from assistant.config import Settings
from assistant.workflows.registry import WorkflowsUnavailable, open_workflows


def test_an_unreachable_database_gives_a_fresh_error_each_time(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=SecretStr("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    found = open_workflows(AnswerService(settings))
    assert isinstance(found, WorkflowsUnavailable)
    first, second = found.error(), found.error()
    assert first is not second and first.code == second.code == "database_unavailable"
    try:
        raise first
    except Exception as raised:
        depth = len(traceback.extract_tb(raised.__traceback__))
    assert second.__traceback__ is None and depth == 1
