"""The OpenAI-compatible endpoint read by the official ``openai`` client, over real HTTP."""

from __future__ import annotations

import httpx
import pytest
from openai import OpenAI

pytestmark = pytest.mark.slow


def _client(base: str) -> OpenAI:
    return OpenAI(base_url=f"{base}/v1", api_key="not-needed", max_retries=0)


def test_non_streaming_answer_with_citations(live_server: str) -> None:
    res = _client(live_server).chat.completions.create(
        model="climate-target-assistant",
        messages=[{"role": "user", "content": "范围三目标需要覆盖多大比例的范围三排放？"}],
    )
    text = res.choices[0].message.content or ""
    assert res.choices[0].finish_reason == "stop"
    assert "三分之二" in text and "来源" in text  # the quote, and the sources list in the asker's language
    extra = res.model_extra or {}
    assert extra["citations"] and extra["citations"][0]["doc"] == "004_3e93d633cc5b91bd.txt"
    assert extra["assistant"]["language"] == "zh"


def test_streaming_chunks_add_up_to_the_answer(live_server: str) -> None:
    stream = _client(live_server).chat.completions.create(
        model="climate-target-assistant",
        messages=[{"role": "user", "content": "How much must scope 1+2 emissions fall from 2020 to 2030 for 1.5°C?"}],
        stream=True,
    )
    pieces: list[str] = []
    finish = None
    extras: dict[str, object] = {}
    for chunk in stream:
        delta = chunk.choices[0].delta.content
        if delta:
            pieces.append(delta)
        if chunk.choices[0].finish_reason:
            finish = chunk.choices[0].finish_reason
            extras = chunk.model_extra or {}
    text = "".join(pieces)
    assert len(pieces) > 3 and finish == "stop"
    assert "42%" in text  # 4.2 %/yr × 10 years, linear, from the calculator
    assistant = extras["assistant"]
    assert isinstance(assistant, dict) and assistant["tool_calls"][0]["name"] == "absolute_contraction"


def test_follow_up_uses_the_conversation(live_server: str) -> None:
    res = _client(live_server).chat.completions.create(
        model="x",
        messages=[
            {"role": "system", "content": "You are helpful."},
            {"role": "user", "content": "How much must scope 1+2 emissions fall from 2020 to 2030 for 1.5°C?"},
            {"role": "assistant", "content": "42%"},
            {"role": "user", "content": "and for well-below 2°C?"},
        ],
    )
    call = (res.model_extra or {})["assistant"]["tool_calls"][0]
    assert call["arguments"]["base_year"] == 2020 and call["arguments"]["ambition"] == "wb2c"
    assert "25%" in (res.choices[0].message.content or "")


def test_bad_requests_get_clear_errors(live_server: str) -> None:
    only_system = httpx.post(
        f"{live_server}/v1/chat/completions", json={"messages": [{"role": "system", "content": "hi"}]}
    )
    assert only_system.status_code == 422 and only_system.json()["error"] == "no_user_message"
    huge = httpx.post(
        f"{live_server}/v1/ask?lang=vi",
        content=b'{"question": "' + b"a" * 1_100_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert huge.status_code == 413 and "quá lớn" in huge.json()["message"]
    assert huge.headers["x-request-id"]
    wrong_type = httpx.post(f"{live_server}/v1/tools/geva?lang=zh", json={"base_year": "soon", "target_year": 2030})
    assert wrong_type.status_code == 422 and "请求数据无效" in wrong_type.json()["message"]


def test_openapi_has_a_typed_route_per_calculator(live_server: str) -> None:
    spec = httpx.get(f"{live_server}/openapi.json").json()
    from tools.registry import CALCULATORS

    for name in CALCULATORS:
        op = spec["paths"][f"/v1/tools/{name}"]["post"]
        ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        schema = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
        assert schema["properties"], name
    assert "/v1/chat/completions" in spec["paths"]
    assert httpx.get(f"{live_server}/docs").status_code == 200
