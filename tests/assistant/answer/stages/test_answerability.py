from __future__ import annotations

from assistant.answer.stages.answerability import Answerability
from assistant.corpus.glossary import load_glossary
from assistant.retrieval.coverage import CorpusVocabulary
from tests.assistant.answer.stages.helpers import evidence, passage
from tests.conftest import CORPUS

GLOSSARY = load_glossary(CORPUS / "glossary.csv")
VOCAB = CorpusVocabulary.build(
    [("zh", "Cascale 首席执行官 Colin Browne"), ("vi", "Liên minh VCCA do GreenID khởi xướng")],
    docs=["001_b6ed0f8b189bdceb.txt", "002_08dc8465030f2692.txt"],
)


def _stage() -> Answerability:
    return Answerability(GLOSSARY, min_topic=0.15, min_topic_open=0.10, vocabulary=lambda: VOCAB)


def test_the_answer_must_come_from_a_document_that_names_what_is_asked_about() -> None:
    question = "Who is the director of GreenID?"
    ceo = "Colin Browne, director and CEO of Cascale"
    other = evidence(passage([(ceo, None)], doc="001_b6ed0f8b189bdceb.txt", language="en"), ceo, None)
    assert not _stage().run(question, "en", [other]).answerable
    named = "GreenID's director is Ms Nguyen"
    own = evidence(passage([(named, None)], doc="002_08dc8465030f2692.txt", language="en"), named, None)
    decision = _stage().run(question, "en", [other, own])
    assert decision.answering == [own] and decision.related == [other]


def test_a_place_the_question_names_must_be_in_the_passage() -> None:
    question = "What is the grid emission factor in India, in tCO2/MWh?"
    china = "中国电网排放因子为0.58 tCO2/MWh"
    e = evidence(passage([(china, None)], language="zh"), china, None)
    assert not _stage().run(question, "en", [e]).answerable
    india = "印度电网排放因子为0.71 tCO2/MWh"
    e = evidence(passage([(india, None)], language="zh"), india, None)
    assert _stage().run(question, "en", [e]).answerable
