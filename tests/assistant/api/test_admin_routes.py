"""Keys: only admins make them, they are shown once and stored hashed, revoked keys stop working,
and the chat can be closed behind its own key."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.app import create_app
from assistant.config import Settings

Headers = dict[str, str]


def test_only_admins_make_keys(wf_client: TestClient, key_for: Callable[..., Headers], admin: Headers) -> None:
    staff = key_for("staff")
    res = wf_client.post("/v1/admin/keys", json={"name": "x", "role": "admin"}, headers=staff)
    assert res.status_code == 403
    assert wf_client.post("/v1/admin/keys", json={"name": "x", "role": "admin"}).status_code == 401
    bad = wf_client.post("/v1/admin/keys", json={"name": "x", "role": "manufacturer"}, headers=admin)
    assert bad.status_code == 422 and "manufacturer_id" in bad.json()["message"]
    assert wf_client.post("/v1/admin/keys", json={"name": "x", "role": "root"}, headers=admin).status_code == 422


def test_keys_are_stored_hashed_and_can_be_revoked(
    wf_client: TestClient, workflow_settings: Settings, admin: Headers
) -> None:
    made = wf_client.post("/v1/admin/keys", json={"name": "Hoa", "role": "staff"}, headers=admin).json()
    key = made["key"]
    assert workflow_settings.database_url is not None
    path = workflow_settings.database_url.get_secret_value().removeprefix("sqlite:///")
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert key not in dump  # only its hash is kept
    headers = {"X-API-Key": key}
    assert wf_client.get("/v1/drafts", headers=headers).status_code == 200
    listed = wf_client.get("/v1/admin/keys", headers=admin).json()
    assert all("key" not in k for k in listed) and any(k["id"] == made["id"] for k in listed)
    assert wf_client.delete(f"/v1/admin/keys/{made['id']}", headers=admin).status_code == 200
    assert wf_client.get("/v1/drafts", headers=headers).status_code == 401
    assert wf_client.delete(f"/v1/admin/keys/{made['id']}", headers=admin).status_code == 404


def test_chat_key_closes_the_manufacturer_routes(workflow_settings: Settings, admin: Headers) -> None:
    client = TestClient(create_app(workflow_settings.model_copy(update={"chat_key": SecretStr("chat-secret")})))
    body = {"question": "What is scope 3?"}
    closed = client.post("/v1/ask", json=body, headers={"Accept-Language": "zh"})
    assert closed.status_code == 401 and "API密钥" in closed.json()["message"]
    assert client.get("/v1/retrieve", params={"q": "scope 3"}).status_code == 401
    assert client.post("/v1/tools/absolute_contraction", json={}).status_code == 401
    assert client.post("/v1/ask", json=body, headers={"Authorization": "Bearer chat-secret"}).status_code == 200
    assert client.post("/v1/ask", json=body, headers=admin).status_code == 200
    assert client.get("/healthz").status_code == 200  # probes stay open


def test_without_a_usable_database_the_chat_still_answers(corpus_settings: Settings, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the database folder should be")
    settings = corpus_settings.model_copy(
        update={"ui_enabled": False, "database_url": SecretStr(f"sqlite:///{blocker}/sub/assistant.db")}
    )
    client = TestClient(create_app(settings))
    assert client.post("/v1/ask", json={"question": "What is scope 3?"}).status_code == 200
    res = client.post(
        "/v1/draft-reply", json={"message": "hi"}, headers={"Authorization": "Bearer x", "Accept-Language": "vi"}
    )
    assert res.status_code == 503
    assert "cơ sở dữ liệu" in res.json()["message"]
    closed = TestClient(create_app(settings.model_copy(update={"chat_key": SecretStr("chat-secret")})))
    body = {"question": "What is scope 3?"}
    assert closed.post("/v1/ask", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert closed.post("/v1/ask", json=body, headers={"Authorization": "Bearer chat-secret"}).status_code == 200
