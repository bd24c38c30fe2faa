"""Answerability: of the evidence that supports the question's subject, which segments state what is
asked (the kind of value, and enough of the question's key words)? None: the documents do not state it,
and the passages are shown as related, never as the answer.

The topic floors (typed and open questions) are calibrated, with its data named in the settings (``answer_min_topic``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from assistant.answer.stages.evidence import Evidence
from assistant.answer.stages.evidence_order import Candidate, order
from assistant.answer.understanding.answerability import (
    Asked,
    carries,
    holds_any,
    places_named,
    quoted_phrases,
    same_context,
    topic_overlap,
    what_is_asked,
)
from assistant.corpus.glossary import Glossary
from assistant.retrieval.coverage import CorpusVocabulary


@dataclass(frozen=True)
class AnswerabilityDecision:
    asked: Asked
    answering: list[Evidence] = field(default_factory=list)  # segments that state it, best first
    related: list[Evidence] = field(default_factory=list)
    best_topic: float = 0.0

    @property
    def answerable(self) -> bool:
        return bool(self.answering)


class Answerability:
    def __init__(
        self,
        glossary: Glossary,
        min_topic: float,
        min_topic_open: float,
        vocabulary: Callable[[], CorpusVocabulary] | None = None,
        idf: Callable[[], Mapping[str, float]] | None = None,
    ) -> None:
        self.glossary = glossary
        self.vocabulary = vocabulary
        self.idf = idf  # the index's idf of each token, for the evidence order
        self.min_topic = min_topic
        self.min_topic_open = min_topic_open

    def floor(self, asked: Asked) -> float:
        """The topic floor for this kind of question (open questions have their own)."""
        return self.min_topic_open if asked.kind == "open" else self.min_topic

    def run(self, question: str, lang: str, evidence: list[Evidence]) -> AnswerabilityDecision:
        """Segments that state what is asked, the likeliest to carry the answer first (the first citation)."""
        asked, stating, related, best = self.candidates(question, lang, evidence)
        ordered = order(question, lang, stating, self.idf() if self.idf else None)
        return AnswerabilityDecision(asked, [c.evidence for c in ordered], related, best)

    def candidates(
        self, question: str, lang: str, evidence: list[Evidence]
    ) -> tuple[Asked, list[Candidate], list[Evidence], float]:
        """What is asked; the segments that state it (in evidence order); the others; the best topic overlap."""
        asked = what_is_asked(question, lang)
        stating: list[Candidate] = []
        related: list[Evidence] = []
        best = 0.0
        missing_names: dict[str, bool] = {}  # per document: does it leave a name of the question out?
        # a term the asker puts in quotes ("the “green city” programme", "“测算并披露范围1&2排放量”这一项") names
        # what is asked about: a segment that holds it goes first
        phrases = quoted_phrases(question)
        for e in evidence:
            words = f"{e.sentence} {e.translation or ''}"
            # the segment's own glossary equivalents, so a Chinese clause meets a Vietnamese question's terms
            topic = topic_overlap(question, words, self.glossary.expansions(e.sentence))
            best = max(best, topic)
            p = e.passage
            context = f"{p.title} {p.section} {p.text} {p.translation or ''}"
            if p.doc not in missing_names:
                missing = self.vocabulary().names_missing_from(question, p.doc) if self.vocabulary else []
                # places have their own check, in every language's form
                missing_names[p.doc] = any(not places_named(name) for name in missing)
            stated = carries(asked, words) and topic >= self.floor(asked) and same_context(asked, context)
            if stated and not missing_names[p.doc]:
                stating.append(Candidate(e, topic, holds_any(phrases, words)))
            else:
                related.append(e)
        return asked, stating, related, best
