"""Premises: every rule a claim can be about has its correction in the catalog, in all three languages."""

from __future__ import annotations

from assistant.answer.understanding.premises import premise_table
from assistant.messages import t


def test_every_premise_rule_has_a_correction_message() -> None:
    for spec in premise_table():
        for lang in ("vi", "zh", "en"):
            assert "{" not in t(f"answer.premise_rule.{spec['rule']}", lang, value=1.0), spec["rule"]
