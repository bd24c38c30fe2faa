from __future__ import annotations

from fastapi.testclient import TestClient

from assistant.api.app import create_app


def test_health_ready_and_retrieve(corpus_settings) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(corpus_settings))
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").json() == {"ready": True}
    res = client.get("/v1/retrieve", params={"q": "CATI 治理机制", "k": 3})
    assert res.status_code == 200
    assert len(res.json()) == 3
    assert client.get("/v1/retrieve", params={"q": ""}).status_code == 422


def test_not_ready_without_index(make_settings) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(make_settings()))
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503
    res = client.get("/v1/retrieve", params={"q": "范围三"})
    assert res.status_code == 503
    assert "索引" in res.json()["message"]
