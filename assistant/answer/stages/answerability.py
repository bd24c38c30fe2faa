"""Answerability: of the evidence that supports the question's subject, which segments state what is
asked (the kind of value, and enough of the question's key words)? None: the documents do not state it,
and the passages are shown as related, never as the answer.

The topic floors (typed and open questions) are calibrated, with its data named in the settings (``answer_min_topic``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answer.stages.evidence import Evidence
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
    ) -> None:
        self.glossary = glossary
        self.vocabulary = vocabulary
        self.min_topic = min_topic
        self.min_topic_open = min_topic_open

    def floor(self, asked: Asked) -> float:
        """The topic floor for this kind of question (open questions have their own)."""
        return self.min_topic_open if asked.kind == "open" else self.min_topic

    def run(self, question: str, lang: str, evidence: list[Evidence]) -> AnswerabilityDecision:
        """Segments that state what is asked, the most on-topic first (the first citation carries the answer)."""
        asked = what_is_asked(question, lang)
        scored: list[tuple[float, Evidence]] = []
        related: list[Evidence] = []
        best = 0.0
        missing_names: dict[str, bool] = {}  # per document: does it leave a name of the question out?
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
                scored.append((topic, e))
            else:
                related.append(e)
        # a term the asker puts in quotes ("the “green city” programme", "“测算并披露范围1&2排放量”这一项") names
        # what is asked about: a segment that holds it goes first, then the most on-topic
        phrases = quoted_phrases(question)
        scored.sort(key=lambda x: (holds_any(phrases, f"{x[1].sentence} {x[1].translation or ''}"), x[0]), reverse=True)
        return AnswerabilityDecision(asked, [e for _, e in scored], related, best)
