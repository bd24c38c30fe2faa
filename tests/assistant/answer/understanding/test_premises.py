"""Premises: every rule a claim can be about has its correction in the catalog, in all three languages."""

from __future__ import annotations

from assistant.answer.understanding.premises import premise_table
from assistant.messages import t


def test_every_premise_rule_has_a_correction_message() -> None:
    for spec in premise_table():
        for lang in ("vi", "zh", "en"):
            assert "{" not in t(f"answer.premise_rule.{spec['rule']}", lang, value=1.0), spec["rule"]


def test_a_total_cut_with_the_word_linear_claims_no_yearly_rule() -> None:
    from assistant.answer.understanding.premises import find_premises
    from assistant.answer.understanding.reading import read_question

    asked = read_question(
        "A 30% cut per pair of shoes from 2017 to 2030 is what linear annual intensity reduction?", "en"
    )
    assert find_premises(asked, "sbti-apparel-2019") == []
    told = read_question("SBTi wants per-unit scope 3 targets to fall by at least 3% per year. Is that right?", "en")
    assert [p.rule.id for p in find_premises(told, "sbti-apparel-2019")] == ["s3_physical_intensity_rate"]
