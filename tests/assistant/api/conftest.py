"""An app with its own workflow database and an admin key, and keys for each role."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.app import create_app
from assistant.config import Settings

ADMIN_KEY = "admin-key-for-tests-0123456789"


@pytest.fixture(scope="module")
def workflow_settings(corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    db: Path = tmp_path_factory.mktemp("workflow-db") / "assistant.db"
    return corpus_settings.model_copy(
        update={"ui_enabled": False, "database_url": SecretStr(f"sqlite:///{db}"), "admin_key": SecretStr(ADMIN_KEY)}
    )


@pytest.fixture(scope="module")
def wf_client(workflow_settings: Settings) -> TestClient:
    return TestClient(create_app(workflow_settings))


Headers = dict[str, str]


@pytest.fixture(scope="module")
def key_for(wf_client: TestClient) -> Callable[..., Headers]:
    """Headers carrying a new key of ``role`` (created through the admin API)."""

    def make(role: str, name: str = "", manufacturer_id: int | None = None) -> Headers:
        res = wf_client.post(
            "/v1/admin/keys",
            json={"name": name or f"test {role}", "role": role, "manufacturer_id": manufacturer_id},
            headers={"Authorization": f"Bearer {ADMIN_KEY}"},
        )
        assert res.status_code == 200, res.text
        return {"Authorization": f"Bearer {res.json()['key']}"}

    return make


@pytest.fixture(scope="module")
def admin() -> Headers:
    return {"Authorization": f"Bearer {ADMIN_KEY}"}
