"""Feedback is stored and exported as eval question-file items that the eval can read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from evals.question_file import load_questions

Headers = dict[str, str]


def test_feedback_export_as_question_items(
    wf_client: TestClient, key_for: Callable[..., Headers], tmp_path: Path
) -> None:
    answer = wf_client.post("/v1/ask", json={"question": "范围一和范围二目标的最低年度线性减排率是多少？"}).json()
    up = {
        "question": answer["question"],
        "answer": answer["answer"],
        "lang": "zh",
        "rating": "up",
        "citations": answer["citations"],
        "tool_calls": answer["tool_calls"],
    }
    assert wf_client.post("/v1/feedback", json=up).status_code == 200
    down = {
        "question": "What share of scope 3 emissions must a target cover?",
        "answer": "Half of them.",
        "lang": "en",
        "rating": "down",
        "correction": "Two-thirds: 67% of scope 3 emissions when they are 40% or more of the total.",
    }
    assert wf_client.post("/v1/feedback", json=down).status_code == 200
    assert wf_client.post("/v1/feedback", json={**down, "rating": "meh"}).status_code == 422

    staff = key_for("staff")
    assert wf_client.get("/v1/feedback/export").status_code == 401
    assert wf_client.get("/v1/feedback/export", headers=key_for("advisor")).status_code == 403
    res = wf_client.get("/v1/feedback/export", headers=staff)
    assert res.status_code == 200
    items = [json.loads(line) for line in res.text.splitlines()]
    by_lang = {i["lang"]: i for i in items}
    assert by_lang["en"]["must_include"][:2] == ["67%", "40%"]
    assert by_lang["en"]["needs_review"] is True and by_lang["en"]["feedback"]["rating"] == "down"
    assert by_lang["zh"]["source_doc"] == answer["citations"][0]["doc"]
    # the export is a question file the eval reads
    path = tmp_path / "feedback.jsonl"
    path.write_text(res.text, encoding="utf-8")
    assert len(load_questions(path)) == len(items)
