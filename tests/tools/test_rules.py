from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import CORPUS
from tools import rules


def _fold(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("row", rules.all_rows(), ids=lambda r: f"{r['rule_set']}:{r['id']}")
def test_every_rule_has_a_source_and_quotes_are_exact(row: dict[str, Any]) -> None:
    if row.get("document"):
        text = _fold((CORPUS / row["document"]).read_text(encoding="utf-8"))
        assert row["clause"] and row["quote"]
        assert _fold(row["quote"]) in text, row["quote"]
    else:
        assert row.get("source"), row["id"]


def test_cati_and_mcap_quotes_are_in_their_documents() -> None:
    cati = rules.cati()
    assert sum(cati["indicators"].values()) == 100
    assert sum(d["weight"] for d in cati["dimensions"].values()) == 100
    for sub, row in cati["subdimensions"].items():
        assert row["points"] == sum(p for k, p in cati["indicators"].items() if k.startswith(sub + "."))
    mcap = rules.mcap()
    text = (CORPUS / mcap["document"]).read_text(encoding="utf-8")
    for e in mcap["element"]:
        assert e["quote"] in text
    assert mcap["advisory_quote"] in text and mcap["contact"] in text


def test_current_floor_inherits_unrestated_rules_and_says_so() -> None:
    ref = rules.ref("sbti-current-floor", "scope3_trigger")
    assert ref.value == 40.0 and "2019" in ref.note
    assert rules.value("sbti-current-floor", "min_ambition.s1+s2") == "1.5C"
    assert rules.value("sbti-apparel-2019", "min_ambition.s1+s2") == "wb2c"


def test_cati_row_quotes_and_industry_rows_are_in_the_document() -> None:
    cati = rules.cati()
    text = _fold((CORPUS / cati["document"]).read_text(encoding="utf-8"))
    # Table cells: the ingest writes a tab between cells as " | " (assistant/corpus/cleaning.py); so do the rows.
    cells = _fold(re.sub(r"[ \t]*\t[ \t]*", " | ", (CORPUS / cati["document"]).read_text(encoding="utf-8")))
    assert set(cati["rows"]) == set(cati["indicators"])
    with_points = 0
    for iid, quote in cati["rows"].items():
        assert quote.startswith(iid + " ") and _fold(quote) in cells, iid
        with_points += quote.endswith(f" | {cati['indicators'][iid]}")
    # a row on one line of the table is quoted with its points, so the citation carries the value asked for
    assert with_points >= 38
    assert _fold(cati["weighting_note_quote"]) in text
    for key, row in cati["industries"].items():
        assert _fold(rules.cati_industry_row(key, "zh")) in cells, key
        assert _fold(rules.cati_industry_row(key, "en")) in cells, key
        assert row["vi"] and row["zh"]
