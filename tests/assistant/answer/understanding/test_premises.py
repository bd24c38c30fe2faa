"""Premises: every rule a claim can be about has its correction in the catalog, in all three languages."""

from __future__ import annotations

from assistant.answer.understanding.premises import find_premises, premise_table
from assistant.answer.understanding.reading import read_question
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


def test_a_yearly_rate_claimed_after_its_year_word_in_chinese_is_a_premise() -> None:
    r = read_question("听说WB2C要求每年至少线性减排4.2%?我们2022年到2030年范围一二减28%,是不是不够?", "zh")
    found = find_premises(r, "sbti-apparel-2019")
    cut = r.one("reduction")
    assert [p.rule.id for p in found] == ["abs_rate.wb2c"] and cut is not None and cut.value == 28.0


def test_a_coverage_claim_is_not_read_as_the_scope3_trigger() -> None:
    r = read_question("Is it true scope 3 targets must cover at least 95% of scope 3? Our scope 3 is 60,000 t.", "en")
    assert [p.rule.id for p in find_premises(r, "sbti-apparel-2019")] == ["scope3_coverage_min"]


def test_what_the_asker_thought_or_a_consultant_said_is_a_claim_to_correct() -> None:
    thought = read_question("Em tưởng mục tiêu scope 3 chỉ cần phủ một nửa tổng scope 3 là được?", "vi")
    assert [p.rule.id for p in find_premises(thought, "sbti-apparel-2019")] == ["scope3_coverage_min"]
    told = read_question(
        "Em nghe bên tư vấn nói là được loại trừ tối đa 10% phát thải scope 1+2 khỏi ranh giới mục tiêu.", "vi"
    )
    assert [p.rule.id for p in find_premises(told, "sbti-apparel-2019")] == ["scope12_exclusion_max"]
