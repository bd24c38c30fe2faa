"""Every error a user sees is in the asker's language, chosen in the README's order: ``?lang=``, then
``Accept-Language``, then the body's ``lang`` — on every kind of error: the routes' own (LocalizedError),
request validation (422), the size limit (413), keys (401/403), missing records and paths (404), a wrong
method (405) and the chat gate. No index is needed: each request fails before retrieval."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Protocol

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.app import create_app
from assistant.config import Settings

ADMIN = "admin-key-for-error-language-tests"
CHAT = "chat-key-for-error-language-tests"
VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _settings(tmp_path: Path, **extra: Any) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        corpus_dir=tmp_path / "no-corpus",
        ui_enabled=False,
        admin_key=SecretStr(ADMIN),
        database_url=SecretStr(f"sqlite:///{tmp_path / 'assistant.db'}"),
        **extra,
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(_settings(tmp_path_factory.mktemp("error-language"))))


@pytest.fixture(scope="module")
def gated(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(_settings(tmp_path_factory.mktemp("chat-gate"), chat_key=SecretStr(CHAT))))


class _Response(Protocol):
    """What the checks read of a TestClient response (httpx's or httpx2's, whichever Starlette uses)."""

    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    def json(self) -> Any: ...


def assert_in(res: _Response, lang: str, status: int, code: str | None = None) -> None:
    """The response is the error ``code`` with ``status``, and its message is the ``lang`` one, in that script."""
    body = res.json()
    assert res.status_code == status, res.text
    if code:
        assert body["error"] == code, body
    assert body["lang"] == lang, body
    assert body["message"] == body["messages"][lang], body
    others = {body["messages"][other] for other in ("vi", "zh", "en") if other != lang}
    assert body["message"] not in others, body  # a message that is really in that language, not a copy
    if lang == "vi":
        assert VI_LETTERS.search(body["message"]), body["message"]
    elif lang == "zh":
        assert CJK.search(body["message"]), body["message"]
    else:
        assert not CJK.search(body["message"]) and not VI_LETTERS.search(body["message"]), body["message"]


# --- the empty question of the issue: each way of saying the language, and their order ----------------


def test_empty_question_with_query_lang(client: TestClient) -> None:
    assert_in(client.post("/v1/ask?lang=vi", json={"question": ""}), "vi", 422, "empty_question")


def test_empty_question_with_accept_language(client: TestClient) -> None:
    res = client.post("/v1/ask", json={"question": "  "}, headers={"Accept-Language": "vi"})
    assert_in(res, "vi", 422, "empty_question")
    res = client.post("/v1/ask", json={"question": ""}, headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"})
    assert_in(res, "zh", 422, "empty_question")


def test_empty_question_with_body_lang(client: TestClient) -> None:
    assert_in(client.post("/v1/ask", json={"question": "", "lang": "zh"}), "zh", 422, "empty_question")


def test_query_beats_header_beats_body(client: TestClient) -> None:
    both = client.post("/v1/ask?lang=vi", json={"question": "", "lang": "en"}, headers={"Accept-Language": "zh"})
    assert_in(both, "vi", 422, "empty_question")
    header = client.post("/v1/ask", json={"question": "", "lang": "vi"}, headers={"Accept-Language": "zh"})
    assert_in(header, "zh", 422, "empty_question")
    unsupported = client.post("/v1/ask?lang=fr", json={"question": "", "lang": "zh"}, headers={"Accept-Language": "de"})
    assert_in(unsupported, "zh", 422, "empty_question")  # languages the assistant does not speak are skipped


def test_without_any_language_english(client: TestClient) -> None:
    assert_in(client.post("/v1/ask", json={"question": ""}), "en", 422, "empty_question")


# --- other routes and other kinds of error --------------------------------------------------------------


def test_request_validation_422(client: TestClient) -> None:
    assert_in(client.post("/v1/ask?lang=zh", json={"lang": "vi"}), "zh", 422, "invalid_request")  # no question
    assert_in(client.get("/v1/retrieve?q=", headers={"Accept-Language": "vi"}), "vi", 422, "invalid_request")
    too_long = client.post("/v1/ask", json={"question": "x" * 200_000, "lang": "zh"})
    assert_in(too_long, "zh", 422, "invalid_request")
    bad_calc = client.post("/v1/tools/absolute_contraction?lang=vi", json={"base_year": "soon"})
    assert_in(bad_calc, "vi", 422)


def test_request_too_large_413(client: TestClient) -> None:
    big = b'{"question": "' + b"x" * 1_100_000 + b'"}'
    headers = {"content-type": "application/json"}
    assert_in(client.post("/v1/ask?lang=vi", content=big, headers=headers), "vi", 413, "request_too_large")
    res = client.post("/v1/ask", content=big, headers={**headers, "Accept-Language": "zh"})
    assert_in(res, "zh", 413, "request_too_large")


def test_keys_401_and_403(client: TestClient) -> None:
    assert_in(client.get("/v1/drafts?lang=vi"), "vi", 401, "auth_required")
    res = client.post("/v1/draft-reply", json={"message": "Xin chào", "lang": "zh"})
    assert_in(res, "zh", 401, "auth_required")
    made = client.post(
        "/v1/admin/keys", json={"name": "advisor", "role": "advisor"}, headers={"Authorization": f"Bearer {ADMIN}"}
    )
    assert made.status_code == 200, made.text
    advisor = {"Authorization": f"Bearer {made.json()['key']}"}
    assert_in(client.get("/v1/admin/keys?lang=zh", headers=advisor), "zh", 403, "forbidden")
    res = client.post("/v1/draft-reply", json={"message": "Hi", "lang": "vi"}, headers=advisor)  # staff's job
    assert_in(res, "vi", 403, "forbidden")


def test_not_found_404(client: TestClient) -> None:
    admin = {"Authorization": f"Bearer {ADMIN}"}
    assert_in(client.get("/v1/drafts/987654?lang=vi", headers=admin), "vi", 404, "not_found")
    assert_in(client.post("/v1/tools/no_such_tool", json={"lang": "zh"}), "zh", 404, "unknown_calculator")
    assert_in(client.get("/v1/no-such-route", headers={"Accept-Language": "vi"}), "vi", 404, "route_not_found")
    assert_in(client.post("/v1/no-such-route", json={"lang": "zh"}), "zh", 404, "route_not_found")


def test_wrong_method_405_keeps_allow(client: TestClient) -> None:
    res = client.get("/v1/ask?lang=zh")
    assert_in(res, "zh", 405, "method_not_allowed")
    assert "POST" in res.headers["allow"]


def test_chat_gate_401(gated: TestClient) -> None:
    assert_in(gated.post("/v1/ask?lang=vi", json={"question": "x"}), "vi", 401, "auth_required")
    assert_in(gated.post("/v1/ask", json={"question": "x", "lang": "zh"}), "zh", 401, "auth_required")
    res = gated.get("/v1/retrieve?q=scope", headers={"Accept-Language": "vi"})
    assert_in(res, "vi", 401, "auth_required")
    chat = gated.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "x"}], "lang": "zh"})
    assert_in(chat, "zh", 401, "auth_required")
    passed = gated.post("/v1/ask?lang=vi", json={"question": ""}, headers={"Authorization": f"Bearer {CHAT}"})
    assert_in(passed, "vi", 422, "empty_question")  # through the gate, the route's own error
