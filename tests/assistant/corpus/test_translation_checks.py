"""``check_translation``: a translated segment keeps its source's figures, ids, links and terms of art."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from assistant.corpus.glossary import Glossary, load_glossary
from assistant.corpus.translation_checks import check_translation
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(CORPUS / "glossary.csv")


def _problems(glossary: Glossary, source: str, src: str, translation: str, tgt: str) -> tuple[str, ...]:
    return check_translation(source, src, translation, tgt, glossary).problems


SCOPE3_ZH = "范围三目标必须覆盖范围三排放总量的三分之二。"
ADVISORY_VI = "Mỗi năm có mười giờ tư vấn, giúp giảm 4,2% lượng phát thải."
RENEWABLE_EN = "Companies should source 80% renewable electricity by 2025 and 100% by 2030."
LINKS_EN = (
    "See indicator 1.1.3 and clause C16 at https://sciencebasedtargets.org/resources or write to mcap@cascale.org."
)
LINKS_VI = (
    "Xem chỉ số 1.1.3 và điều khoản C16 tại https://sciencebasedtargets.org/resources "
    "hoặc viết thư tới mcap@cascale.org."
)


@pytest.mark.parametrize(
    ("source", "src", "translation", "tgt"),
    [
        (SCOPE3_ZH, "zh", "Scope 3 targets must cover two thirds of total scope 3 emissions.", "en"),
        (SCOPE3_ZH, "zh", "Scope 3 targets must cover 2/3 of total scope 3 emissions.", "en"),
        (SCOPE3_ZH, "zh", "Mục tiêu phạm vi 3 phải bao phủ hai phần ba tổng lượng phát thải phạm vi 3.", "vi"),
        (ADVISORY_VI, "vi", "Each year there are ten hours of advisory support, helping cut emissions by 4.2%.", "en"),
        (ADVISORY_VI, "vi", "每年有十小时的咨询支持，帮助减少4.2%的排放。", "zh"),
        (RENEWABLE_EN, "en", "Các công ty nên sử dụng 80% điện tái tạo vào năm 2025 và 100% vào năm 2030.", "vi"),
        (RENEWABLE_EN, "en", "企业应在2025年前采购80%的可再生电力，2030年前达到100%。", "zh"),
        (LINKS_EN, "en", LINKS_VI, "vi"),
        (
            LINKS_EN,
            "en",
            "参见指标1.1.3和条款C16（https://sciencebasedtargets.org/resources），或致信mcap@cascale.org。",
            "zh",
        ),
        ("营收470万元", "zh", "revenue of 4.7 million yuan", "en"),
        ("营收470万元", "zh", "doanh thu 4,7 triệu nhân dân tệ", "vi"),
        ("投资1.5万亿美元", "zh", "an investment of USD 1.5 trillion", "en"),
        ("Có hai mươi mốt nhà máy và mười lăm nhà cung cấp.", "vi", "There are 21 factories and 15 suppliers.", "en"),
        ("There are twenty-one factories.", "en", "有二十一家工厂。", "zh"),
        ("十年内设定科学碳目标", "zh", "set a science-based target within ten years", "en"),
        ("十年内设定科学碳目标", "zh", "đặt mục tiêu dựa trên khoa học trong vòng mười năm", "vi"),
        ("２０３０年减排CO₂", "zh", "cut CO2 by 2030", "en"),  # full-width digits, subscripts
    ],
)
def test_good_renderings_pass(glossary: Glossary, source: str, src: str, translation: str, tgt: str) -> None:
    assert _problems(glossary, source, src, translation, tgt) == ()


def test_a_dropped_number_fails(glossary: Glossary) -> None:
    problems = _problems(glossary, RENEWABLE_EN, "en", "企业应在2025年前采购80%的可再生电力。", "zh")
    assert problems == ("numbers missing: 100, 2030",)
    problems = _problems(glossary, SCOPE3_ZH, "zh", "Scope 3 targets must cover total scope 3 emissions.", "en")
    assert problems == ("numbers missing: 三分之二",)


@pytest.mark.parametrize(
    ("translation", "tgt"),
    [
        ("Each year there are ten hours of advisory support, helping cut emissions by 4.3%.", "en"),
        ("每年有十小时的咨询支持，帮助减少4.3%的排放。", "zh"),
    ],
)
def test_a_changed_number_fails(glossary: Glossary, translation: str, tgt: str) -> None:
    problems = _problems(glossary, ADVISORY_VI, "vi", translation, tgt)
    assert problems == ("numbers missing: 4,2", "numbers not in the source: 4.3")


def test_a_changed_multiplied_figure_fails(glossary: Glossary) -> None:
    problems = _problems(glossary, "营收470万元", "zh", "revenue of 4.8 million yuan", "en")
    assert problems == ("numbers missing: 470", "numbers not in the source: 4.8")


def test_a_changed_number_word_fails(glossary: Glossary) -> None:
    problems = _problems(glossary, ADVISORY_VI, "vi", "Each year there are twelve hours of advice; 4.2% less.", "en")
    assert problems == ("numbers missing: mười",)


@pytest.mark.parametrize(
    ("translation", "missing"),
    [
        (LINKS_VI.replace("điều khoản C16", "điều khoản"), "C16"),
        (LINKS_VI.replace("chỉ số 1.1.3", "chỉ số"), "1.1.3"),
        (LINKS_VI.replace("https://sciencebasedtargets.org/resources", "trang web của SBTi"), "https://"),
        (LINKS_VI.replace("viết thư tới mcap@cascale.org", "liên hệ Cascale"), "mcap@cascale.org"),
    ],
)
def test_a_missing_clause_id_url_or_email_fails(glossary: Glossary, translation: str, missing: str) -> None:
    assert translation != LINKS_VI
    problems = _problems(glossary, LINKS_EN, "en", translation, "vi")
    lits = [p for p in problems if p.startswith("ids/links missing: ")]
    assert len(lits) == 1 and missing in lits[0], problems


def test_a_changed_clause_id_fails(glossary: Glossary) -> None:
    problems = _problems(glossary, LINKS_EN, "en", LINKS_VI.replace("C16", "C17"), "vi")
    assert "ids/links missing: C16" in problems
    assert "numbers not in the source: 17" in problems


@pytest.mark.parametrize(
    ("source", "src", "translation", "tgt", "miss"),
    [
        ("设定科学碳目标", "zh", "set a climate goal", "en", "科学碳目标 → science-based target"),
        ("设定科学碳目标", "zh", "đặt mục tiêu khí hậu", "vi", "科学碳目标 → mục tiêu dựa trên khoa học"),
        ("范围三目标", "zh", "value-chain targets", "en", "范围三 → scope 3"),
        ("Mục tiêu phạm vi 3", "vi", "供应链目标", "zh", "phạmvi3 → 范围三"),  # the source form as matched (folded)
    ],
)
def test_an_enforced_glossary_term_rendered_wrongly_fails(
    glossary: Glossary, source: str, src: str, translation: str, tgt: str, miss: str
) -> None:
    problems = _problems(glossary, source, src, translation, tgt)
    assert f"glossary terms not rendered: {miss}" in problems


def test_an_accepted_alias_of_a_term_passes(glossary: Glossary) -> None:
    """The glossary's aliases in the target language are as good as its preferred term."""
    assert _problems(glossary, "设定科学碳目标", "zh", "set an SBT", "en") == ()
    assert _problems(glossary, "范围三目标", "zh", "value chain emissions targets", "en") == ()
    # without the glossary only figures, ids and links are checked
    assert check_translation("设定科学碳目标", "zh", "set a climate goal", "en").passed


def test_glossary_terms_are_matched_leftmost_longest(glossary: Glossary) -> None:
    """``范围一和范围二`` is one term (scope 1 and 2), not also ``范围二`` (scope 2, which "scope 1 and 2"
    does not contain), and ``科学碳目标设定`` is science-based target setting, not CATI's ``碳目标设定``."""
    by_id = {e.id: e for e in glossary.entries}
    assert by_id["scope-2"].enforce and by_id["scope-1-2"].enforce
    assert _problems(glossary, "设定范围一和范围二目标", "zh", "Set scope 1 and 2 targets", "en") == ()
    assert _problems(glossary, "设定范围一和范围二目标", "zh", "Đặt mục tiêu phạm vi 1 và 2", "vi") == ()
    # the longer term is enforced itself
    assert _problems(glossary, "设定范围一和范围二目标", "zh", "Set scope 2 targets", "en") == (
        "glossary terms not rendered: 范围一和范围二 → scope 1 and 2",
    )

    # CATI's term enforced, so a match inside 科学碳目标设定 would be a false alarm
    cati = Glossary(
        [dataclasses.replace(e, enforce=True) if e.id == "cati-target-setting" else e for e in glossary.entries],
        glossary.source,
    )
    assert check_translation("科学碳目标设定", "zh", "science-based target setting", "en", cati).passed
    assert check_translation("CATI的碳目标设定", "zh", "CATI's Carbon Targets Setting", "en", cati).passed
    assert check_translation("CATI的碳目标设定", "zh", "CATI's goal setting", "en", cati).problems == (
        "glossary terms not rendered: 碳目标设定 → Carbon Targets Setting",
    )


def test_a_page_number_glued_to_a_year_matches_its_parts(glossary: Glossary) -> None:
    """``122019年4月`` (footnote page 12, April 2019, glued by extraction) is rendered "[12] … April 2019"."""
    source = "122019年4月"
    assert _problems(glossary, source, "zh", "[12] April 2019", "en") == ()
    assert _problems(glossary, source, "zh", "[12] tháng 4 năm 2019", "vi") == ()
    assert _problems(glossary, source, "zh", "[12] March 2019", "en") == ("numbers missing: 4",)
    assert _problems(glossary, source, "zh", "[13] April 2019", "en") == (
        "numbers missing: 122019",
        "numbers not in the source: 13",
    )


def test_an_empty_translation_fails(glossary: Glossary) -> None:
    assert _problems(glossary, RENEWABLE_EN, "en", "  ", "vi") == ("empty translation",)


def test_an_invented_figure_fails(glossary: Glossary) -> None:
    problems = _problems(glossary, "Cascale hỗ trợ nhà sản xuất.", "vi", "Cascale supports 300 manufacturers.", "en")
    assert problems == ("numbers not in the source: 300",)


def test_the_shipped_glossary_is_read(glossary: Glossary) -> None:
    assert glossary.source == Path(CORPUS / "glossary.csv")
    assert sum(e.enforce for e in glossary.entries) > 10
