"""Bad input over HTTP: a clear 4xx in the asker's language, never a 5xx (property-based for the
calculators)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.api.app import create_app
from assistant.config import Settings
from assistant.llm.tool_binding import tool_schemas


@pytest.fixture(scope="module")
def client(corpus_settings: Settings) -> TestClient:
    return TestClient(create_app(corpus_settings.model_copy(update={"ui_enabled": False})))


@pytest.mark.parametrize(
    ("body", "lang", "words"),
    [
        ({"question": ""}, "vi", "trống"),
        ({"question": "   \n\t "}, "zh", "为空"),
        ({"question": "x" * 100_000}, "en", "too long"),
        ({"question": "范围三" * 3000}, "zh", "过长"),
    ],
)
def test_bad_questions(client: TestClient, body: dict[str, Any], lang: str, words: str) -> None:
    res = client.post("/v1/ask", json={**body, "lang": lang})
    assert res.status_code == 422
    assert words in res.json()["message"]


def test_binary_and_malformed_bodies(client: TestClient) -> None:
    binary = client.post("/v1/ask", content=bytes(range(256)) * 4, headers={"content-type": "application/json"})
    assert binary.status_code == 422
    nul = client.post("/v1/ask", json={"question": "\x00\x01\x02 范围三 \ufffd"})
    assert nul.status_code == 200  # control characters are dropped; the rest is a question
    wrong_type = client.post("/v1/ask", json={"question": ["a", "b"]})
    assert wrong_type.status_code == 422
    bad_lang = client.post("/v1/ask", json={"question": "scope 3", "lang": "fr"})
    assert bad_lang.status_code == 422


_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=12),
    st.lists(st.text(max_size=6), max_size=3),
)


@pytest.mark.parametrize("name", sorted(tool_schemas()))
def test_calculators_never_fail_with_a_server_error(client: TestClient, name: str) -> None:
    fields = list(tool_schemas()[name]["properties"])

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.dictionaries(st.sampled_from(fields), _values, max_size=len(fields)))
    def check(arguments: dict[str, Any]) -> None:
        res = client.post(f"/v1/tools/{name}?lang=vi", json=arguments)
        assert res.status_code in (200, 422), (arguments, res.text)
        if res.status_code == 422:
            assert res.json()["message"]

    check()
