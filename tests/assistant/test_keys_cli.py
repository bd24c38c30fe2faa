"""``assistant keys``: a key made in the shell opens the API for its role; revoked, it does not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.config import Settings
from tests.conftest import REPO


def _keys(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", "keys", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_create_list_revoke(tmp_path: Path, corpus_settings: Settings) -> None:
    data = tmp_path / "data"
    made = _keys(["create", "--name", "Lan", "--role", "staff"], data)
    assert made.returncode == 0, made.stderr
    key = json.loads(made.stdout)["key"]
    # the workflow database is the one the command wrote under the data dir (no index needed there)
    settings = corpus_settings.model_copy(update={"ui_enabled": False, "database_url": None, "data_dir": data})
    client = TestClient(create_app(settings))
    assert client.get("/v1/drafts", headers={"X-API-Key": key}).status_code == 200
    listed = _keys(["list"], data)
    assert "staff" in listed.stdout and key not in listed.stdout
    key_id = json.loads(made.stdout)["id"]
    assert _keys(["revoke", str(key_id)], data).returncode == 0
    assert client.get("/v1/drafts", headers={"X-API-Key": key}).status_code == 401
    bad = _keys(["create", "--name", "x", "--role", "manufacturer"], data)
    assert bad.returncode == 2 and "manufacturer_id" in bad.stderr
