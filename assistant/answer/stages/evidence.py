"""Pick the sentences of the retrieved passages that answer the question, and measure how well
the documents support an answer at all (the refusal decision).

A passage's dense similarity carries meaning across languages; the overlap of the question's
terms (glossary-expanded, so a Vietnamese question can match Chinese words) picks the sentence
inside it. No extra embedding calls: answering stays fast on two cores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieval.retriever import Passage
from assistant.text.tokenize import tokenize

_SENT = re.compile(r"[^。！？；!?\n•■▶◼]+(?:[。！？；!?]+|$)|[^\n•■▶◼]+")
_LATIN_SENT_END = re.compile(r"(?<=[a-zà-ỹ0-9)])[.;]\s+(?=[A-ZÀ-Ỹ\"“(])")
MAX_QUOTE_CHARS = 360


@dataclass(frozen=True)
class Evidence:
    passage: Passage
    sentence: str
    score: float
    dense: float
    overlap: float


def split_sentences(text: str) -> list[str]:
    out: list[str] = []
    for part in _SENT.findall(text):
        out.extend(s.strip() for s in _LATIN_SENT_END.split(part) if s.strip())
    return [s for s in out if len(s) >= 4]


def _overlap(query_tokens: set[str], tokens: set[str]) -> float:
    if not query_tokens:
        return 0.0
    return len(query_tokens & tokens) / len(query_tokens)


def _quote(sentences: list[str], i: int) -> str:
    """The best sentence, with its neighbour when it is only a heading or a fragment."""
    quote = sentences[i]
    j = i + 1
    while len(quote) < 80 and j < len(sentences) and len(quote) + len(sentences[j]) <= MAX_QUOTE_CHARS:
        quote = f"{quote} {sentences[j]}"
        j += 1
    return quote[:MAX_QUOTE_CHARS]


def select_evidence(
    question: str,
    expansions: list[str],
    passages: list[Passage],
    max_passages: int = 4,
    max_sentences: int = 3,
) -> list[Evidence]:
    """Best quote per passage, at most ``max_sentences`` passages, best first."""
    q_tokens = set(tokenize(question + " " + " ".join(expansions)))
    scored: list[Evidence] = []
    for rank, p in enumerate(passages[:max_passages]):
        sentences = split_sentences(p.text)
        if not sentences:
            continue
        passage_overlap = _overlap(q_tokens, set(tokenize(p.text)))
        best_i, best_ov = 0, -1.0
        for i, s in enumerate(sentences):
            ov = _overlap(q_tokens, set(tokenize(s))) + min(len(s), 120) / 2400 - 0.01 * i
            if ov > best_ov:
                best_i, best_ov = i, ov
        score = p.dense_score + 0.25 * passage_overlap - 0.01 * rank
        scored.append(Evidence(p, _quote(sentences, best_i), score, p.dense_score, passage_overlap))
    scored.sort(key=lambda e: e.score, reverse=True)
    if not scored:
        return []
    top = scored[0].score
    return [e for e in scored if e.score >= top - 0.06][:max_sentences]
