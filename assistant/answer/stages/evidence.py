"""Evidence selection: in each retrieved passage, the segment (sentence, clause, list item or table row)
that answers the question, with its translation into the asker's language; and how well the documents
support an answer at all (the score the support gate reads).

A passage's dense similarity carries meaning across languages; the overlap of the question's terms
(glossary-expanded, and compared with the segment's translation too, so a Vietnamese question can match a
Chinese clause through its Vietnamese translation) picks the segment inside it. Segments are whole table
rows and list items, so a quoted value is never cut off. No extra embedding calls: answering stays fast
on two cores.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.corpus.cleaning import without_placeholders
from assistant.retrieval.retriever import Passage, SegmentText
from assistant.text.tokenize import tokenize

_SENT = re.compile(r"[^。！？；!?\n•■▶◼]+(?:[。！？；!?]+|$)|[^\n•■▶◼]+")
_LATIN_SENT_END = re.compile(r"(?<=[a-zà-ỹ0-9)])[.;]\s+(?=[A-ZÀ-Ỹ\"“(])")
MAX_QUOTE_CHARS = 360
SHORT_SEGMENT_CHARS = 80  # a heading or a fragment: the next segment joins it
LIST_ITEM_CHARS = 120  # a segment this short after the quote is an item of the list a list question asks for


# a segment holding the kind of value asked outranks one that only shares more words (overlaps are 0–1)
CARRIES_BONUS = 0.3
# evidence within this much of the best score is shown beside it
NEAR_TOP = 0.06


@dataclass(frozen=True)
class Evidence:
    passage: Passage
    sentence: str  # the original words (the citation's quote)
    score: float
    dense: float
    overlap: float
    translation: str | None = None  # the same segment(s) in the asker's language, from our translations
    segment_ids: tuple[str, ...] = ()
    alternative: bool = False  # a passage's next-best segment: answerability weighs it, the gate does not
    rank: int = 0  # the passage's place in the retrieved list (0: first)
    segment_overlap: float = 0.0  # share of the question's terms in this segment (original and translation)
    segment_dense: float = 0.0  # the closest of its segments' cosine similarity to the question


def split_sentences(text: str) -> list[str]:
    out: list[str] = []
    for part in _SENT.findall(text):
        out.extend(s.strip() for s in _LATIN_SENT_END.split(part) if s.strip())
    return [s for s in out if len(s) >= 4]


def _overlap(query_tokens: set[str], tokens: set[str]) -> float:
    if not query_tokens:
        return 0.0
    return len(query_tokens & tokens) / len(query_tokens)


def _segments(p: Passage) -> list[SegmentText]:
    """The passage's segments; an index built before segments existed is split into sentences."""
    if p.segments:
        return [s for s in p.segments if len(s.text) >= 2]
    return [SegmentText(f"s{i}", s) for i, s in enumerate(split_sentences(p.text))]


def _list_item(text: str) -> bool:
    """A short segment that is no full sentence (a bullet, a value, a name): the list goes on."""
    return len(text) <= LIST_ITEM_CHARS and not (len(text) > 40 and _FULL_STOP.search(text))


_FULL_STOP = re.compile(r"[。.!?！？]\s*$")


def _quote(segments: list[SegmentText], i: int, whole_list: bool = False) -> tuple[str, str | None, tuple[str, ...]]:
    """The best segment, with the next one when it is only a heading or a fragment; for a question that asks
    for a list, with the short items that follow it too (a list is never cut after its first items)."""
    chosen = [segments[i]]
    j = i + 1
    while (
        j < len(segments)
        and (sum(len(s.text) for s in chosen) < SHORT_SEGMENT_CHARS or (whole_list and _list_item(segments[j].text)))
        and sum(len(s.text) for s in chosen) + len(segments[j].text) <= MAX_QUOTE_CHARS
    ):
        chosen.append(segments[j])
        j += 1
    quote = without_placeholders(" ".join(s.text for s in chosen))
    translated = [s.translation for s in chosen]
    translation = without_placeholders(" ".join(t for t in translated if t)) if all(translated) else None
    return quote, translation, tuple(s.id for s in chosen)


def score_segments(
    question: str,
    expansions: list[str],
    passages: list[Passage],
    carries: Callable[[str], bool] | None = None,
    per_passage: int = 1,
    whole_list: bool = False,
) -> list[Evidence]:
    """The best segment of every passage, best first (a quote two chunks share appears twice), and with
    ``per_passage`` > 1 its next-best segments as alternatives, right after it.

    ``carries``: whether a segment (original and translation) holds the kind of value the question asks
    for; such a segment is preferred within its passage, so the quote is the sentence with the answer.
    The sentence with the answer is not always the one sharing most words with the question, so
    answerability weighs a passage's next-best segments too (round-5 dev data: first citation 0.458 → 0.492
    with three per passage)."""
    q_tokens = set(tokenize(question + " " + " ".join(expansions)))
    scored: list[Evidence] = []
    for rank, p in enumerate(passages):
        segments = _segments(p)
        if not segments:
            continue
        # the support score reads the original words (its floors were calibrated on them)
        passage_overlap = _overlap(q_tokens, set(tokenize(p.text)))
        ranked: list[tuple[float, int]] = []
        overlaps: list[float] = []
        for i, s in enumerate(segments):
            words = f"{s.text} {s.translation or ''}"
            overlaps.append(_overlap(q_tokens, set(tokenize(words))))
            ov = overlaps[-1] + min(len(s.text), 120) / 2400 - 0.01 * i
            if carries is not None and carries(words):
                ov += CARRIES_BONUS
            ranked.append((ov, -i))
        ranked.sort(reverse=True)
        score = p.dense_score + 0.25 * passage_overlap - 0.01 * rank
        quotes: set[str] = set()
        for n, (_, neg_i) in enumerate(ranked[:per_passage]):
            quote, translation, ids = _quote(segments, -neg_i, whole_list)
            if quote in quotes:
                continue
            quotes.add(quote)
            # alternatives sort right after their passage's best segment
            scored.append(
                Evidence(
                    p,
                    quote,
                    score - 1e-6 * n,
                    p.dense_score,
                    passage_overlap,
                    translation,
                    ids,
                    n > 0,
                    rank,
                    overlaps[-neg_i],
                    max((s.dense for s in segments if s.id in ids), default=0.0),
                )
            )
    scored.sort(key=lambda e: e.score, reverse=True)
    return scored


def unique_quotes(scored: list[Evidence]) -> list[Evidence]:
    """One quote once (a passage indexed twice, or two chunks sharing a sentence), best first."""
    seen: set[str] = set()
    unique: list[Evidence] = []
    for e in scored:
        if e.sentence not in seen:
            seen.add(e.sentence)
            unique.append(e)
    return unique


def near_top(
    scored: list[Evidence], passages: list[Passage], max_passages: int = 4, max_sentences: int = 3
) -> list[Evidence]:
    """Of ``scored``, the segments of the first ``max_passages`` passages within 0.06 of the best: the
    evidence the support gate reads and the answer shows as related."""
    first = {id(p) for p in passages[:max_passages]}
    kept = unique_quotes([e for e in scored if id(e.passage) in first and not e.alternative])
    if not kept:
        return []
    top = kept[0].score
    return [e for e in kept if e.score >= top - NEAR_TOP][:max_sentences]


def select_evidence(
    question: str,
    expansions: list[str],
    passages: list[Passage],
    max_passages: int = 4,
    max_sentences: int = 3,
    carries: Callable[[str], bool] | None = None,
) -> list[Evidence]:
    """Best segment per passage of the first ``max_passages``, at most ``max_sentences``, best first,
    within ``NEAR_TOP`` of the best score."""
    scored = score_segments(question, expansions, passages[:max_passages], carries)
    return near_top(scored, passages, max_passages, max_sentences)
