"""The answer service: one entry point for the CLI, the HTTP API and the UI.

no-LLM mode: calculator results rendered from templates, and factual answers composed from the
best sentences of the retrieved passages (quoted in their own language, with citations).
"""

from __future__ import annotations

import logging
import time
import unicodedata

from assistant.answer.errors import QuestionError
from assistant.answer.evidence import Evidence, select_evidence
from assistant.answer.grounding import check_numbers
from assistant.answer.models import Answer, Citation, Grounding
from assistant.answer.templates import lang_name, t
from assistant.config import Settings
from assistant.corpus.glossary import Glossary
from assistant.retrieval.retriever import HybridRetriever
from assistant.text.language import LANGS, detect_language

log = logging.getLogger(__name__)

# Below this evidence score the documents are taken not to answer the question (calibrated on
# evals/questions.jsonl: see evals/README.md).
SUPPORT_THRESHOLD = 0.58


class AnswerService:
    def __init__(self, settings: Settings, retriever: HybridRetriever | None = None) -> None:
        self.settings = settings
        self.retriever = retriever or HybridRetriever(settings)

    @property
    def glossary(self) -> Glossary:
        return self.retriever.glossary

    def validate(self, question: str, lang: str | None) -> tuple[str, str]:
        q = unicodedata.normalize("NFC", question or "").replace("\x00", "").strip()
        guess = lang if lang in LANGS else (detect_language(q) if q else "en")
        if not q:
            raise QuestionError("empty_question", guess)
        if len(q) > self.settings.max_question_chars:
            raise QuestionError("question_too_long", guess, limit=self.settings.max_question_chars)
        return q, guess

    def ask(self, question: str, lang: str | None = None) -> Answer:
        started = time.perf_counter()
        q, language = self.validate(question, lang)
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        passages = self.retriever.retrieve(q, k=6)
        timings["retrieve"] = _ms(t0)
        t0 = time.perf_counter()
        evidence = select_evidence(q, self.retriever.expand(q), passages)
        timings["evidence"] = _ms(t0)
        supported = bool(evidence) and evidence[0].score >= SUPPORT_THRESHOLD
        if supported:
            text, citations = self.compose_fact(language, evidence)
        else:
            text, citations = self.compose_refusal(language), []
        report = check_numbers(text, [q] + [c.quote for c in citations])
        timings["total"] = _ms(started)
        return Answer(
            question=q,
            language=language,
            answer=text,
            refused=not supported,
            citations=citations,
            mode="no-llm",
            timings_ms=timings,
            grounding=Grounding(**report.__dict__),
        )

    # --- composition -------------------------------------------------------------------------

    def compose_fact(self, lang: str, evidence: list[Evidence]) -> tuple[str, list[Citation]]:
        lines = [t("fact_intro", lang), ""]
        citations: list[Citation] = []
        for i, e in enumerate(evidence, 1):
            p = e.passage
            src_lang = p.language or detect_language(e.sentence)
            note = f" _({t('quoted_in', lang, language=lang_name(src_lang, lang))})_" if src_lang != lang else ""
            lines.append(f"> {e.sentence} [{i}]{note}")
            lines.append("")
            citations.append(
                Citation(
                    id=i,
                    doc=p.doc,
                    title=p.title,
                    locator=p.locator,
                    quote=e.sentence,
                    chunk_id=p.chunk_id,
                    language=src_lang,
                )
            )
        gloss = self.term_gloss(" ".join(e.sentence for e in evidence), lang)
        if gloss:
            lines.append(f"{t('terms', lang)}: {gloss}")
        return "\n".join(lines).strip(), citations

    def term_gloss(self, text: str, lang: str, limit: int = 6) -> str:
        """Glossary terms found in quotes of another language, given in the reader's language."""
        pairs: list[str] = []
        seen: set[str] = set()
        for entry, found_lang, form in self.glossary.match(text):
            if found_lang == lang or entry.id in seen:
                continue
            target = entry.preferred(lang)
            if target and target.casefold() != form.casefold():
                seen.add(entry.id)
                pairs.append(f"{form} = {target}")
            if len(pairs) >= limit:
                break
        return "; ".join(pairs)

    def compose_refusal(self, lang: str) -> str:
        return f"{t('refusal', lang)}\n\n{t('refusal_where', lang)}"


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
