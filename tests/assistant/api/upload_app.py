"""An app for the document-upload tests: its own one-document corpus and index, and an admin key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.app import create_app
from assistant.config import Settings
from assistant.corpus.ingest import ingest
from tests.conftest import CORPUS

GUIDE = "# Scope 3\n\nA scope 3 target must cover two-thirds of scope 3 emissions when they are 40% of the total.\n"


def upload_client(root: Path, admin_key: str, *, glossary: bool = False, **settings: Any) -> TestClient:
    """A client of an app whose corpus (in ``root``) is one guide, plus the bundled glossary when asked, indexed."""
    corpus = root / "corpus"
    corpus.mkdir()
    if glossary:
        (corpus / "glossary.csv").write_bytes((CORPUS / "glossary.csv").read_bytes())
    (corpus / "guide.md").write_text(GUIDE, encoding="utf-8")
    app_settings = Settings(
        data_dir=root / "data", corpus_dir=corpus, ui_enabled=False, admin_key=SecretStr(admin_key), **settings
    )
    assert not ingest(app_settings, progress=False).failed
    return TestClient(create_app(app_settings))
