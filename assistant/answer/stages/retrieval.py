"""Retrieval: the hybrid retriever's passages for a question, with the glossary expansions it used."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.retrieval.retriever import HybridRetriever, Passage


@dataclass(frozen=True)
class Retrieved:
    passages: list[Passage]
    expansions: list[str]


class Retrieval:
    def __init__(self, retriever: HybridRetriever, k: int = 6) -> None:
        self.retriever = retriever
        self.k = k

    def run(self, question: str, lang: str | None = None) -> Retrieved:
        """Passages for the question, each with its translation into ``lang`` (the asker's language)."""
        return Retrieved(self.retriever.retrieve(question, k=self.k, lang=lang), self.retriever.expand(question))
