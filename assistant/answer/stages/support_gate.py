"""Support gate: do the documents support an answer at all, or is this an honest refusal?

Four reasons to refuse, each recorded in the trace: the question names something (an acronym, a proper
name) that no document or translation uses; the best evidence scores below the calibrated floor; the
question names no domain term and no passage is close; or the question's key words are words no
document uses (only where the corpus is broad enough in that language to tell). Thresholds come from the
settings, where their calibration data is written down.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answer.stages.evidence import Evidence
from assistant.answer.understanding.answerability import in_place_name
from assistant.answer.understanding.reading import fold
from assistant.corpus.glossary import Glossary
from assistant.retrieval.coverage import CorpusVocabulary, names_in


@dataclass(frozen=True)
class SupportDecision:
    supported: bool
    reason: str  # "supported" | "no_evidence" | "below_floor" | "off_domain" | "unknown_words" | "unknown_names"
    unknown_words: list[str] = field(default_factory=list)
    top_score: float = 0.0
    top_dense: float = 0.0


class SupportGate:
    def __init__(
        self,
        glossary: Glossary,
        vocabulary: Callable[[], CorpusVocabulary],
        min_score: float,
        off_domain_min_dense: float,
    ) -> None:
        self.glossary = glossary
        self.vocabulary = vocabulary
        self.min_score = min_score
        self.off_domain_min_dense = off_domain_min_dense

    def run(self, question: str, language: str, evidence: list[Evidence]) -> SupportDecision:
        # a place is a question's setting, checked where the answer is chosen (answerability)
        names = [n for n in self.vocabulary().unknown_names(question) if not in_place_name(n, question)]
        if names:  # "the EU CBAM", "an I-REC": the documents never name it, whatever the passages share
            top_score, top_dense = (evidence[0].score, evidence[0].dense) if evidence else (0.0, 0.0)
            return SupportDecision(False, "unknown_names", names, top_score, top_dense)
        if not evidence:
            return SupportDecision(False, "no_evidence")
        top = evidence[0]
        if top.score < self.min_score:
            return SupportDecision(False, "below_floor", top_score=top.score, top_dense=top.dense)
        if (
            not self.glossary.match(question)
            and not self.known_names(question)
            and top.dense < self.off_domain_min_dense
        ):
            return SupportDecision(False, "off_domain", top_score=top.score, top_dense=top.dense)
        unknown = self.unknown_words(question, language)
        if unknown:
            return SupportDecision(False, "unknown_words", unknown, top.score, top.dense)
        return SupportDecision(True, "supported", top_score=top.score, top_dense=top.dense)

    def without_stated_names(self, question: str, stated: str) -> str:
        """The question without the words no document uses that name the sites and suppliers it is about
        (``stated``: their names as the asker's message gives them): "Can Lotus Denim exclude the wastewater
        plant?", "金边制衣呢?" ask about the asker's own, not about a subject the documents should name (round-19
        dev e-mails). Any other unknown word stays: "宁波本地的碳核查机构" is still a place the documents do not
        speak of."""
        if not stated.strip():
            return question
        vocabulary, folded = self.vocabulary(), fold(stated)
        names = [name for name in vocabulary.unknown_names(question) if fold(name) in folded]
        words = [w for w in vocabulary.unknown_words(question) if fold(w) in folded]
        out = question
        for word in sorted(names + words, key=len, reverse=True):
            out = re.sub(re.escape(word), " ", out, flags=re.IGNORECASE)
        return re.sub(r"\s{2,}", " ", out).strip() or question

    def known_names(self, question: str) -> list[str]:
        """Names of the question that the documents use, places aside ("Jeremy Lardeau", "Higg FEM"): a
        question about someone the documents name is about them, however far its wording reads."""
        vocabulary = self.vocabulary()
        return [
            word
            for word, parts in names_in(question)
            if not in_place_name(word, question) and all(vocabulary.knows_name_part(p) for p in parts)
        ]

    def unknown_words(self, question: str, language: str) -> list[str]:
        """The question's key words that no indexed document uses, when there are enough of them to say
        the question is about something else (only where the corpus is broad in that language)."""
        vocabulary = self.vocabulary()
        if not vocabulary.broad(language):
            return []
        return vocabulary.off_topic(question, [form for _, _, form in self.glossary.match(question)])
