"""Manufacturers, advisory sessions up to and past the ten-hour allowance, summaries, and who may
read them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

Headers = dict[str, str]


@pytest.fixture(scope="module")
def advisor(key_for: Callable[..., Headers]) -> Headers:
    return key_for("advisor", "Trần Minh (advisor)")


@pytest.fixture(scope="module")
def factory(wf_client: TestClient, advisor: Headers) -> dict[str, Any]:
    res = wf_client.post(
        "/v1/manufacturers",
        json={"name": "Công ty May Sông Hồng", "country": "Vietnam", "contact_lang": "vi"},
        headers=advisor,
    )
    assert res.status_code == 200, res.text
    return dict(res.json())


def _session(hours: float, day: str = "2026-03-10", **kw: Any) -> dict[str, Any]:
    return {"date": day, "duration_hours": hours, "advisor": "Trần Minh", "topics": ["scope 3"], **kw}


def test_sessions_up_to_and_past_the_allowance(
    wf_client: TestClient, advisor: Headers, factory: dict[str, Any]
) -> None:
    mid = factory["id"]
    url = f"/v1/manufacturers/{mid}/sessions"
    first = wf_client.post(
        url,
        json=_session(
            4,
            questions=["Mục tiêu phạm vi 1 và 2 cần giảm bao nhiêu phần trăm mỗi năm theo 1,5°C?"],
            notes="Nhà máy đã có bảng kê năm 2022.",
        ),
        headers=advisor,
    )
    assert first.status_code == 200, first.text
    s1 = first.json()
    assert s1["allowance"]["outputs"]["used_hours"] == 4
    assert s1["allowance"]["outputs"]["left_hours"] == 6
    ex = s1["exchanges"][0]
    assert ex["language"] == "vi" and ex["citations"]
    assert "4,2" in ex["answer"] or "4.2" in ex["answer"]

    second = wf_client.post(url, json=_session(6, "2026-06-01"), headers=advisor).json()
    assert second["allowance"]["outputs"]["left_hours"] == 0
    # a session in another year counts against that year's allowance
    other_year = wf_client.post(url, json=_session(2, "2027-01-15"), headers=advisor).json()
    assert other_year["allowance"]["outputs"]["left_hours"] == 8

    over = wf_client.post(url, json=_session(1.5, "2026-09-01"), headers={**advisor, "Accept-Language": "vi"})
    assert over.status_code == 409
    assert "vượt 1.5 giờ" in over.json()["message"] and "confirm_over_allowance" in over.json()["message"]
    listed = wf_client.get(url, headers=advisor).json()
    assert len(listed) == 3  # the refused session was not stored

    confirmed = wf_client.post(url, json=_session(1.5, "2026-09-01", confirm_over_allowance=True), headers=advisor)
    assert confirmed.status_code == 200 and confirmed.json()["over_allowance"] is True
    allowance = wf_client.get(f"/v1/manufacturers/{mid}/allowance", params={"year": 2026}, headers=advisor).json()
    assert allowance["outputs"]["used_hours"] == 11.5 and allowance["outputs"]["left_hours"] == 0
    plan = wf_client.get(
        f"/v1/manufacturers/{mid}/allowance", params={"year": 2027, "planned_hours": 3}, headers=advisor
    ).json()
    assert plan["verdict"] == "within_allowance" and plan["outputs"]["left_after_planned"] == 5


def test_ask_during_a_session_and_export_the_summary(
    wf_client: TestClient, advisor: Headers, factory: dict[str, Any]
) -> None:
    sess = wf_client.post(
        f"/v1/manufacturers/{factory['id']}/sessions", json=_session(1, "2028-02-02"), headers=advisor
    ).json()
    # asked in English by the advisor, answered in the manufacturer's language
    res = wf_client.post(
        f"/v1/sessions/{sess['id']}/questions",
        json={"question": "What is the base year rule for MCAP?"},
        headers=advisor,
    )
    assert res.status_code == 200
    assert res.json()["exchanges"][-1]["language"] == "vi"
    md = wf_client.get(f"/v1/sessions/{sess['id']}/summary", headers=advisor)
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    text = md.text
    assert "# Tóm tắt buổi tư vấn MCAP" in text and "Công ty May Sông Hồng" in text
    assert "Nguồn" in text and ".txt" in text  # every answer's sources
    assert "còn 9.0 giờ" in text or "còn 9 giờ" in text
    page = wf_client.get(f"/v1/sessions/{sess['id']}/summary", params={"format": "html"}, headers=advisor)
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="vi">' in page.text and "<h1>Tóm tắt buổi tư vấn MCAP</h1>" in page.text


def test_summary_html_escapes_what_people_typed(
    wf_client: TestClient, advisor: Headers, factory: dict[str, Any]
) -> None:
    sess = wf_client.post(
        f"/v1/manufacturers/{factory['id']}/sessions",
        json=_session(0.5, "2029-05-05", notes="<script>alert(1)</script>"),
        headers=advisor,
    ).json()
    page = wf_client.get(f"/v1/sessions/{sess['id']}/summary", params={"format": "html"}, headers=advisor).text
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_who_may_read_a_manufacturers_sessions(
    wf_client: TestClient, advisor: Headers, factory: dict[str, Any], key_for: Callable[..., Headers]
) -> None:
    other = wf_client.post(
        "/v1/manufacturers", json={"name": "深圳鞋业", "country": "China", "contact_lang": "zh"}, headers=advisor
    ).json()
    wf_client.post(f"/v1/manufacturers/{other['id']}/sessions", json=_session(2, "2026-04-04"), headers=advisor)
    own = key_for("manufacturer", "Sông Hồng", manufacturer_id=factory["id"])
    assert wf_client.get(f"/v1/manufacturers/{factory['id']}/sessions", headers=own).status_code == 200
    denied = wf_client.get(f"/v1/manufacturers/{other['id']}/sessions", headers={**own, "Accept-Language": "zh"})
    assert denied.status_code == 403 and "无权" in denied.json()["message"]
    theirs = wf_client.get(f"/v1/manufacturers/{other['id']}/sessions", headers=advisor).json()
    assert wf_client.get(f"/v1/sessions/{theirs[0]['id']}", headers=own).status_code == 403
    assert wf_client.get(f"/v1/sessions/{theirs[0]['id']}/summary", headers=own).status_code == 403
    assert [m["id"] for m in wf_client.get("/v1/manufacturers", headers=own).json()] == [factory["id"]]
    # manufacturers cannot log sessions (their hours are the advisors' to count); staff cannot read sessions
    assert (
        wf_client.post(f"/v1/manufacturers/{factory['id']}/sessions", json=_session(1), headers=own).status_code == 403
    )
    staff = key_for("staff")
    assert wf_client.get(f"/v1/manufacturers/{other['id']}/sessions", headers=staff).status_code == 403
    assert wf_client.get(f"/v1/manufacturers/{other['id']}/sessions").status_code == 401


def test_bad_session_input(wf_client: TestClient, advisor: Headers, factory: dict[str, Any]) -> None:
    url = f"/v1/manufacturers/{factory['id']}/sessions"
    assert wf_client.post(url, json=_session(-1), headers=advisor).status_code == 422
    assert wf_client.post(url, json=_session(2, "not a date"), headers=advisor).status_code == 422
    assert wf_client.post("/v1/manufacturers/424242/sessions", json=_session(1), headers=advisor).status_code == 404
    assert (
        wf_client.post("/v1/manufacturers", json={"name": "X", "contact_lang": "fr"}, headers=advisor).status_code
        == 422
    )
