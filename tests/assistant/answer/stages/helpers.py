"""Small passages and evidence for stage tests (no index needed)."""

from __future__ import annotations

from assistant.answer.stages.evidence import Evidence
from assistant.retrieval.retriever import Passage, SegmentText


def passage(
    segments: list[tuple[str, str | None]],
    doc: str = "004_3e93d633cc5b91bd.txt",
    language: str = "zh",
    dense: float = 0.86,
    translation_lang: str | None = "vi",
    method: str = "human",
) -> Passage:
    segs = tuple(SegmentText(f"{i}-{i + 1}", text, tr) for i, (text, tr) in enumerate(segments))
    translated = [tr for _, tr in segments if tr]
    return Passage(
        doc=doc,
        chunk_id=f"{doc}:x",
        locator="p. 24, C16",
        text=" ".join(text for text, _ in segments),
        score=0.5,
        title="Guide",
        language=language,
        dense_score=dense,
        translation=" ".join(translated) if translated and translation_lang else None,
        translation_lang=translation_lang if translated else None,
        translation_method=method if translated else None,
        segments=segs,
    )


def evidence(p: Passage, sentence: str, translation: str | None, score: float = 0.9) -> Evidence:
    return Evidence(p, sentence, score, p.dense_score, 0.5, translation, ("0-1",))
