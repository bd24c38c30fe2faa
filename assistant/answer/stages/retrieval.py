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

    def run(self, question: str) -> Retrieved:
        return Retrieved(self.retriever.retrieve(question, k=self.k), self.retriever.expand(question))
