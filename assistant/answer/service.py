"""The answer service: one entry point for the CLI, the HTTP API and the UI. It only orchestrates the
stages of ``assistant/answer/stages`` (each one decides, and says what it decided in the trace).

no-LLM mode: calculator results rendered from the message catalog, and factual answers composed from the
best sentences of the retrieved passages (quoted with citations). With an LLM configured, the model
phrases the same evidence and results, and is checked before it is trusted.
"""

from __future__ import annotations

import logging
import time

from langchain_core.language_models.chat_models import BaseChatModel

from assistant.answer.conversations import Conversations, MemoryConversations
from assistant.answer.models import Answer, Citation, Grounding, ToolCall
from assistant.answer.stages.analysis import Analysis, QuestionAnalysis
from assistant.answer.stages.calculation import Calculation
from assistant.answer.stages.evidence import select_evidence
from assistant.answer.stages.grounding import check_numbers
from assistant.answer.stages.llm_phrasing import LLMPhrasing
from assistant.answer.stages.rendering import Rendering
from assistant.answer.stages.retrieval import Retrieval
from assistant.answer.stages.routing import Routing
from assistant.answer.stages.support_gate import SupportGate
from assistant.answer.trace import Trace
from assistant.config import Settings
from assistant.corpus.glossary import Glossary
from assistant.llm.chat_model import llm_configured, make_chat_model
from assistant.llm.errors import LLM_FAILURES
from assistant.messages import t
from assistant.retrieval.retriever import HybridRetriever

log = logging.getLogger(__name__)


class AnswerService:
    def __init__(
        self,
        settings: Settings,
        retriever: HybridRetriever | None = None,
        chat_model: BaseChatModel | None = None,
        conversations: Conversations | None = None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever or HybridRetriever(settings)
        self.chat_model = chat_model or (make_chat_model(settings) if llm_configured(settings) else None)
        self.conversations: Conversations = conversations or MemoryConversations(turns=settings.conversation_turns)
        self.analysis = QuestionAnalysis(settings.max_question_chars)
        self.routing = Routing()
        self.calculation = Calculation(self.retriever)
        self.retrieval = Retrieval(self.retriever)
        self.gate = SupportGate(
            self.retriever.glossary,
            self.retriever.vocabulary,
            settings.support_min_score,
            settings.off_domain_min_dense,
        )
        self.rendering = Rendering(self.retriever.glossary)

    @property
    def glossary(self) -> Glossary:
        return self.retriever.glossary

    def validate(self, question: str, lang: str | None) -> tuple[str, str]:
        return self.analysis.validate(question, lang)

    def ask(
        self,
        question: str,
        lang: str | None = None,
        session_id: str | None = None,
        history: list[tuple[str, str]] | None = None,
        explain: bool = False,
    ) -> Answer:
        """Answer in the asker's language.

        ``history`` ((question, answer) pairs) serves stateless clients such as chat completions, which
        resend the conversation; ``session_id`` uses the stored conversation instead."""
        started = time.perf_counter()
        trace = Trace()
        turns = self.conversations.recent(session_id) if session_id else (history or [])[-6:]
        analysis = self.analysis.run(question, lang, [q for q, _ in turns])
        parsed = analysis.parsed
        trace.add(
            "analysis",
            analysis.language,
            follow_up=analysis.follow_up,
            years=len(parsed.years),
            percents=len(parsed.percents),
            quantities=len(parsed.quantities),
        )
        answer, sources = self.draft(analysis, trace, started)
        if self.chat_model is not None and not answer.refused:
            answer = self.with_llm(analysis, answer, sources, turns, trace)
            answer.timings_ms["total"] = _ms(started)
        if session_id:
            self.conversations.add(session_id, analysis.question, answer.answer)
        answer.trace = trace.stages if explain else None
        return answer

    def draft(self, analysis: Analysis, trace: Trace, started: float) -> tuple[Answer, list[str]]:
        """The no-LLM answer, and the texts its numbers may come from."""
        q, language = analysis.question, analysis.language
        timings: dict[str, float] = {}
        decision = self.routing.run(analysis)
        trace.add("route", decision.kind, detail={"calculator": decision.plan.name} if decision.plan else {})
        citations: list[Citation] = []
        tool_calls: list[ToolCall] = []
        if decision.plan is not None:
            t0 = time.perf_counter()
            outcome = self.calculation.run(decision.plan, language)
            timings["tools"] = _ms(t0)
            trace.add(
                "calculation",
                "error" if outcome.error else str(outcome.result.verdict if outcome.result else ""),
                detail={"name": decision.plan.name, "arguments": decision.plan.arguments},
                rules_cited=len(outcome.rule_passages),
            )
            text, citations = self.rendering.calculation(language, outcome)
            tool_calls.append(outcome.call)
            refused = False
            sources = [q, outcome.call.model_dump_json(), *map(str, decision.plan.arguments.values())]
            sources += [c.quote for c in citations] + [c.translation for c in citations if c.translation]
        else:
            t0 = time.perf_counter()
            retrieved = self.retrieval.run(q, language)
            timings["retrieve"] = _ms(t0)
            top = retrieved.passages[0] if retrieved.passages else None
            trace.add(
                "retrieval",
                f"{len(retrieved.passages)} passages",
                detail={"top": [f"{p.doc} {p.locator}" for p in retrieved.passages[:3]]},
                top_dense=top.dense_score if top else None,
            )
            t0 = time.perf_counter()
            evidence = select_evidence(q, retrieved.expansions, retrieved.passages)
            timings["evidence"] = _ms(t0)
            trace.add(
                "evidence",
                f"{len(evidence)} sentences",
                detail={"sentences": [e.sentence[:120] for e in evidence]},
                top_score=evidence[0].score if evidence else None,
                top_overlap=evidence[0].overlap if evidence else None,
            )
            support = self.gate.run(q, language, evidence)
            trace.add(
                "support_gate",
                support.reason,
                detail={"unknown_words": support.unknown_words} if support.unknown_words else {},
                top_score=support.top_score,
                min_score=self.gate.min_score,
                top_dense=support.top_dense,
                off_domain_min_dense=self.gate.off_domain_min_dense,
            )
            refused = not support.supported
            if refused:
                text = self.rendering.refusal(language, support.unknown_words)
            else:
                text, citations = self.rendering.fact(language, evidence)
            sources = [q] + [c.quote for c in citations] + [e.passage.text for e in evidence[: len(citations)]]
            # our translations carry exactly their source segment's figures (checked at ingest)
            sources += [c.translation for c in citations if c.translation]
            if not refused:
                sources.append(self.rendering.current_rules_note(language, evidence))
        report = check_numbers(text, sources)
        trace.add(
            "grounding",
            "passed" if report.passed else "unsupported numbers",
            detail={"unsupported": report.unsupported} if report.unsupported else {},
            numbers=len(report.numbers),
        )
        timings["total"] = _ms(started)
        answer = Answer(
            question=q,
            language=language,
            answer=text,
            refused=refused,
            citations=citations,
            tool_calls=tool_calls,
            mode="no-llm",
            timings_ms=timings,
            grounding=Grounding(**report.__dict__),
        )
        return answer, sources

    def with_llm(
        self, analysis: Analysis, draft: Answer, sources: list[str], history: list[tuple[str, str]], trace: Trace
    ) -> Answer:
        """Let the model phrase the answer; fall back to the draft when the model or its server fails.

        Only the model's failures (transport, timeout, a server error, an unusable reply) fall back;
        a programming error is raised as itself."""
        assert self.chat_model is not None
        language = analysis.language
        try:
            answer = LLMPhrasing(self.chat_model, self.retriever).run(
                analysis.question, language, draft, sources, history
            )
        except LLM_FAILURES:
            log.warning("LLM failed, answering without it", exc_info=True)
            trace.add("llm_phrasing", "failed: no-LLM answer used")
            fallback = draft.model_copy(deep=True)
            fallback.notes.append(t("answer.llm_fallback", language))
            fallback.answer = f"{fallback.answer}\n\n_{t('answer.llm_fallback', language)}_"
            return fallback
        key = self.settings.llm_api_key.get_secret_value() if self.settings.llm_api_key else ""
        if key and len(key) >= 8 and key in answer.answer:  # never hand a secret back, whatever the model says
            log.warning("LLM answer contained the API key; removed")
            answer.answer = answer.answer.replace(key, "…")
        trace.add("llm_phrasing", answer.mode, detail={"notes": answer.notes})
        return answer


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
