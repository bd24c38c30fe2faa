from __future__ import annotations

import csv
import unicodedata

from assistant.corpus.glossary import load_glossary, term_documents
from tests.conftest import CORPUS


def test_glossary_has_150_terms_checked_against_the_documents() -> None:
    rows = list(csv.DictReader((CORPUS / "glossary.csv").open(encoding="utf-8")))
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    for r in rows:
        assert r["en"] and r["vi"] and r["zh"], r["id"]
        assert unicodedata.normalize("NFC", r["vi"]) == r["vi"]
        # the docs column is generated (scripts/glossary_docs.py): it must match the documents
        docs = [d for d in r["docs"].split("|") if d]
        assert docs, r["id"]
        assert docs == term_documents(r, texts), (r["id"], "run scripts/glossary_docs.py")


def test_matching_and_expansion_cross_languages() -> None:
    g = load_glossary(CORPUS / "glossary.csv")
    ids = {e.id for e, _, _ in g.match("Khi nào phải đặt mục tiêu phạm vi 3 và năm cơ sở?")}
    assert {"scope-3", "base-year"} <= ids
    exp = g.expansions("范围三目标的基准年")
    assert "scope 3" in exp and "phạm vi 3" in exp and "base year" in exp
    # Latin forms match whole words only
    assert "scope-1" not in {e.id for e, _, _ in g.match("scope 12 monkeys")}
    assert g.search("GEVA")[0].id == "geva"


def test_a_name_written_as_its_acronym_is_not_spelled_out_when_asked() -> None:
    g = load_glossary(CORPUS / "glossary.csv")
    question = "Theo SBTi, phát thải scope 3 bao nhiêu phần trăm thì phải đặt mục tiêu scope 3?"
    assert "Sáng kiến Mục tiêu dựa trên Khoa học" in g.expansions(question)
    spelled = g.expansions(question, acronyms=False)
    assert "Sáng kiến Mục tiêu dựa trên Khoa học" not in spelled and "范围三" in spelled
    # the full name still brings its equivalents
    assert "科学碳目标倡议" in g.expansions("Science Based Targets initiative", acronyms=False)
