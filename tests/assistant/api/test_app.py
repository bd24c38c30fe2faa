from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.config import Settings


def test_health_ready_and_retrieve(corpus_settings: Settings) -> None:
    client = TestClient(create_app(corpus_settings))
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").json() == {"ready": True}
    res = client.get("/v1/retrieve", params={"q": "CATI 治理机制", "k": 3})
    assert res.status_code == 200
    assert len(res.json()) == 3
    assert client.get("/v1/retrieve", params={"q": ""}).status_code == 422


def test_not_ready_without_index(make_settings: Callable[..., Settings]) -> None:
    client = TestClient(create_app(make_settings()))
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503
    res = client.get("/v1/retrieve", params={"q": "范围三"})
    assert res.status_code == 503
    assert "索引" in res.json()["message"]


def test_ask_and_tools_over_http(corpus_settings: Settings) -> None:
    client = TestClient(create_app(corpus_settings))
    res = client.post("/v1/ask", json={"question": "Is a 30% cut from 2020 to 2030 enough?", "lang": "vi"})
    assert res.status_code == 200
    body = res.json()
    assert {"question", "language", "answer", "refused", "citations", "tool_calls", "mode", "timings_ms"} <= set(body)
    assert body["language"] == "vi" and body["mode"] == "no-llm"
    assert body["tool_calls"][0]["name"] == "check_absolute_target"
    assert client.post("/v1/ask", json={"question": "  "}).status_code == 422

    ok = client.post("/v1/tools/geva", json={"base_year": 2015, "target_year": 2030, "value_added_growth_percent": 6})
    assert ok.status_code == 200 and round(ok.json()["outputs"]["absolute_change_percent"], 2) == -19.31
    bad = client.post("/v1/tools/absolute_contraction?lang=zh", json={"base_year": 2030, "target_year": 2020})
    assert bad.status_code == 422 and "目标年" in bad.json()["message"]
    assert client.post("/v1/tools/absolute_contraction", json={"base_year": 2020}).status_code == 422
    assert client.post("/v1/tools/nope", json={}).status_code == 404
