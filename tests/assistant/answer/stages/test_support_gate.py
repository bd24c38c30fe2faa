from __future__ import annotations

from assistant.answer.stages.support_gate import SupportGate
from assistant.corpus.glossary import load_glossary
from assistant.retrieval.coverage import CorpusVocabulary
from tests.assistant.answer.stages.helpers import evidence, passage
from tests.conftest import CORPUS

GLOSSARY = load_glossary(CORPUS / "glossary.csv")
VOCAB = CorpusVocabulary.build([("en", "scope 3 targets cover two thirds of emissions " * 50)])


def _gate() -> SupportGate:
    return SupportGate(GLOSSARY, lambda: VOCAB, min_score=0.82, off_domain_min_dense=0.84)


def test_supported_when_the_evidence_clears_the_floor() -> None:
    e = evidence(passage([("x", None)], dense=0.9), "x", None, score=0.95)
    decision = _gate().run("What must scope 3 targets cover?", "en", [e])
    assert decision.supported and decision.reason == "supported"


def test_refused_below_the_floor_and_without_evidence() -> None:
    e = evidence(passage([("x", None)], dense=0.7), "x", None, score=0.75)
    assert _gate().run("What must scope 3 targets cover?", "en", [e]).reason == "below_floor"
    assert _gate().run("What must scope 3 targets cover?", "en", []).reason == "no_evidence"


def test_off_domain_needs_a_close_passage() -> None:
    e = evidence(passage([("x", None)], dense=0.83), "x", None, score=0.9)
    decision = _gate().run("Write me a poem about the sea", "en", [e])
    assert not decision.supported and decision.reason == "off_domain"


def test_a_name_no_document_uses_is_refused_whatever_the_passages_score() -> None:
    e = evidence(passage([("x", None)], dense=0.95), "x", None, score=0.99)
    decision = _gate().run("Do scope 3 targets under CBAM cover two thirds of emissions?", "en", [e])
    assert not decision.supported and decision.reason == "unknown_names" and decision.unknown_words == ["CBAM"]


def test_a_person_the_documents_name_is_in_the_domain_whatever_the_wording() -> None:
    # round-8 dev data: "whats Jeremy Lardeau's role?" names no glossary term and reads far from any passage
    vocab = CorpusVocabulary.build([("en", "Higg Index vice president Jeremy Lardeau said the forum mattered")])
    gate = SupportGate(GLOSSARY, lambda: vocab, min_score=0.82, off_domain_min_dense=0.84)
    e = evidence(passage([("x", None)], dense=0.83), "x", None, score=0.9)
    assert gate.run("whats Jeremy Lardeau's role?", "en", [e]).supported
    assert gate.run("whats Jeremy Clarkson's role?", "en", [e]).reason == "unknown_names"
    assert gate.run("Write me a poem about the sea", "en", [e]).reason == "off_domain"
