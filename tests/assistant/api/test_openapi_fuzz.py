"""Schemathesis against the app's own OpenAPI document: every operation, with data that fits its
schema and data that does not, must never answer with a 5xx (bad input gets a clear 4xx; 503 is for a
missing index, and here the index is up).

The schema is loaded when the module is imported, from an app on an empty data folder (the OpenAPI
document does not depend on the index); the requests go to the real app on the ingested corpus. Not
``schemathesis.pytest.from_fixture``: with pytest 9.2 its lazy loader fails on ``Function._nodeid``
(schemathesis 4.32.5).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from pydantic import SecretStr

from assistant.api.app import create_app
from assistant.api.ids import MAX_ID
from assistant.config import Settings

pytestmark = pytest.mark.slow

ADMIN_KEY = "fuzz-admin-key-0123456789abcdef"
ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}  # so the staff and admin routes run their handlers, not a 401

_schema_dir = tempfile.TemporaryDirectory(prefix="openapi-schema-")
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(Settings(data_dir=Path(_schema_dir.name), ui_enabled=False))
)


@pytest.fixture(scope="module")
def fuzz_app(corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The real app on the session's ingested corpus, with its own workflow database (the fuzzer
    stores feedback, drafts and keys there, not in the shared corpus folder)."""
    db = tmp_path_factory.mktemp("fuzz-db") / "workflow.db"
    update: dict[str, Any] = {
        "ui_enabled": False,
        "database_url": SecretStr(f"sqlite:///{db}"),
        "admin_key": SecretStr(ADMIN_KEY),
    }
    return create_app(corpus_settings.model_copy(update=update))


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case: schemathesis.Case, fuzz_app: FastAPI) -> None:
    response = case.call(app=fuzz_app, headers=ADMIN)  # a 500 re-raises here, from the in-process client
    case.validate_response(response, checks=[schemathesis.checks.not_a_server_error])


def test_huge_path_ids_are_a_422(fuzz_app: FastAPI) -> None:
    client = TestClient(fuzz_app, raise_server_exceptions=False)
    big = MAX_ID + 1
    for method, path in [
        ("GET", f"/v1/manufacturers/{big}"),
        ("GET", f"/v1/manufacturers/{big}/allowance"),
        ("GET", f"/v1/sessions/{big}"),
        ("GET", f"/v1/sessions/{-big - 1}/summary"),
        ("GET", f"/v1/drafts/{big}"),
        ("DELETE", f"/v1/admin/keys/{big}"),
    ]:
        assert client.request(method, path, headers=ADMIN).status_code == 422, (method, path)


def test_feedback_export_with_free_form_tool_calls(fuzz_app: FastAPI) -> None:
    client = TestClient(fuzz_app, raise_server_exceptions=False)
    body = {"question": "q", "lang": "en", "rating": "up", "tool_calls": [{}]}
    assert client.post("/v1/feedback", json=body, headers=ADMIN).status_code == 200
    assert client.get("/v1/feedback/export", headers=ADMIN).status_code == 200
