"""``POST /v1/documents?translate=true``: the uploaded document is machine-translated (scripted model) before
it is ingested, the response says what was translated, and English questions then find it with its
translation; without an LLM, or with a failing one, the upload is ingested as before."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient
from langchain_core.language_models.chat_models import BaseChatModel

from tests.assistant.api.upload_app import upload_client
from tests.assistant.llm.scripted_translator import DOC_NAME, DOC_VI, ScriptedTranslator

if TYPE_CHECKING:
    import httpx2  # what Starlette's TestClient answers with

ADMIN = {"Authorization": "Bearer admin-translate-key"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return upload_client(tmp_path_factory.mktemp("upload-translate"), "admin-translate-key", glossary=True)


@contextmanager
def llm(client: TestClient, model: BaseChatModel) -> Iterator[None]:
    """The app's configured model, for the upload only (answers stay in no-LLM mode)."""
    service = client.app.state.service  # type: ignore[attr-defined]
    service.chat_model = model
    try:
        yield
    finally:
        service.chat_model = None


def _upload(client: TestClient, name: str, text: str, translate: bool = True) -> httpx2.Response:
    return client.post(
        "/v1/documents",
        params={"translate": "true"} if translate else {},
        files={"file": (name, text.encode("utf-8"), "text/markdown")},
        headers=ADMIN,
    )


def test_an_upload_is_translated_then_found_in_english_with_the_machine_note(client: TestClient) -> None:
    model = ScriptedTranslator()
    with llm(client, model):
        res = _upload(client, DOC_NAME, DOC_VI)
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["added"] == [DOC_NAME]
    languages = body["translation"]["languages"]
    assert {lang: x["translated"] for lang, x in languages.items()} == {"zh": 6, "en": 6}
    assert body["translation"]["model_calls"] == 2
    assert body["translations_served"] == {"languages": ["en", "zh"], "segments": 12, "left_out": 0}
    uploads = Path(client.app.state.settings.data_dir)  # type: ignore[attr-defined]
    assert (uploads / "translations" / "huong-dan-nha-may.en.jsonl").is_file()

    hits = client.get("/v1/retrieve", params={"q": "What is the factory's base year?", "k": 3}).json()
    top = next(h for h in hits if h["doc"] == DOC_NAME)
    assert top["translation_lang"] == "en" and "The factory's base year is 2019." in top["translation"]
    answer = client.post("/v1/ask", json={"question": "How many solar panels did the factory install on its roofs?"})
    assert answer.status_code == 200
    assert "Machine translation, not reviewed by a person" in answer.json()["answer"]

    # the same upload again: nothing asked, nothing re-indexed
    again = ScriptedTranslator()
    with llm(client, again):
        res = _upload(client, DOC_NAME, DOC_VI)
    assert res.json()["unchanged"] == [DOC_NAME] and again.batches == []
    assert res.json()["translation"]["languages"]["en"]["reused"] == 6


def test_a_dropped_number_is_reported_in_the_response(client: TestClient) -> None:
    model = ScriptedTranslator(edit=lambda lang, src, out: out.replace("2,400 ", "") if lang == "en" else out)
    with llm(client, model):
        res = _upload(client, "ban-sao.md", DOC_VI)
    assert res.status_code == 200, res.text
    en = res.json()["translation"]["languages"]["en"]
    assert en["translated"] == 5 and [f["id"] for f in en["failed"]] == ["245-328"]
    assert "numbers missing: 2.400" in en["failed"][0]["problem"]
    assert res.json()["translations_served"]["segments"] == 11


def test_without_an_llm_the_upload_is_ingested_without_translations(client: TestClient) -> None:
    res = _upload(client, "ghi-chu.md", "# Ghi chú\n\nNhà máy dùng 100% điện mặt trời vào năm 2035.\n")
    assert res.status_code == 200, res.text
    assert res.json()["added"] == ["ghi-chu.md"]
    assert res.json()["translation"] == {"skipped": "no_llm"} and res.json()["translations_served"]["languages"] == []


def test_a_failing_llm_never_fails_the_upload(client: TestClient) -> None:
    with llm(client, ScriptedTranslator(fail=TimeoutError("model server timed out"))):
        res = _upload(client, "ghi-chu-2.md", "# Ghi chú hai\n\nNhà máy giảm 20% phát thải vào năm 2028.\n")
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["added"] == ["ghi-chu-2.md"]
    assert all(x["translated"] == 0 and x["untranslated"] for x in body["translation"]["languages"].values())


def test_not_asked_means_not_translated(client: TestClient) -> None:
    model = ScriptedTranslator()
    with llm(client, model):
        res = _upload(client, "khong-dich.md", "# Không dịch\n\nNhà máy báo cáo vào tháng 4.\n", translate=False)
    assert res.status_code == 200 and res.json()["translation"] is None and model.batches == []


def test_the_existing_checks_still_come_first(client: TestClient) -> None:
    model = ScriptedTranslator()
    with llm(client, model):
        assert _upload(client, "../x.md", DOC_VI).status_code == 422
        assert _upload(client, "tool.exe", DOC_VI).status_code == 415
        assert _upload(client, "guide.md", DOC_VI).status_code == 409  # the corpus owns that name
        broken = client.post(
            "/v1/documents",
            params={"translate": "true"},
            files={"file": ("broken.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 50, "application/pdf")},
            headers=ADMIN,
        )
    assert broken.status_code == 422 and model.batches == []
    assert client.post("/v1/documents?translate=true", files={"file": ("a.md", b"x", "text/plain")}).status_code == 401
