"""Read question files in the contract's JSON Lines format (unknown fields kept)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Question:
    id: str
    lang: str
    question: str
    kind: str = "fact"
    must_include: list[str] = field(default_factory=list)
    any_of: list[list[str]] = field(default_factory=list)
    must_not_include: list[str] = field(default_factory=list)
    expect_refusal: bool = False
    source_doc: str | None = None
    source_quote: str | None = None
    expected_tool: str | None = None
    expected_value: float | None = None
    # extensions of the contract's format (blind sets): what a right answer does besides its words
    expect_clarify: bool = False  # an input is missing: the answer asks for it
    expected_verdict: str | None = None  # "yes" / "no" for a criteria check
    wrong_premise: str | None = None  # the user's wrong rule; the answer corrects it
    expect_error: bool = False  # impossible input: the answer says what is wrong
    decline: str | None = None  # "off_topic" / "secret": declined, nothing cited
    expect_question_back: bool = False  # no words in the input: a question back
    answer_span: str | None = None  # the words of the source that carry the value
    uncovered_part: str | None = None  # a partial question: the part the documents do not cover
    extra: dict[str, Any] = field(default_factory=dict)


def load_questions(path: Path) -> list[Question]:
    known = set(Question.__dataclass_fields__) - {"extra"}
    out: list[Question] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not valid JSON: {exc}") from exc
        if "message" in row and "questions" in row:
            raise ValueError(f"{path}:{n}: an e-mail item; score e-mail files with the e-mail eval")
        fields = {k: v for k, v in row.items() if k in known}
        extra = {k: v for k, v in row.items() if k not in known}
        out.append(Question(**fields, extra=extra))
    return out


def round_of(path: Path) -> str:
    """The blind round a question file belongs to ("i15r12_answerable.jsonl" -> "r12"), else its stem: dev figures
    are measured leaving each round out in turn."""
    m = re.search(r"r(\d+)_", path.name)
    return f"r{m.group(1)}" if m else path.stem
