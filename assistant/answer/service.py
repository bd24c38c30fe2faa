"""The answer service: one entry point for the CLI, the HTTP API and the UI. It only orchestrates the
stages of ``assistant/answer/stages`` (each one decides, and says what it decided in the trace).

no-LLM mode: calculator results rendered from the message catalog, and factual answers composed from the
best sentences of the retrieved passages (quoted with citations). With an LLM configured, the model
phrases the same evidence and results, and is checked before it is trusted.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field

from langchain_core.language_models.chat_models import BaseChatModel

from assistant.answer.conversations import Conversations, MemoryConversations
from assistant.answer.models import Answer, Citation, Grounding, ToolCall
from assistant.answer.stages.analysis import Analysis, QuestionAnalysis
from assistant.answer.stages.answerability import Answerability
from assistant.answer.stages.calculation import Calculation
from assistant.answer.stages.evidence import Evidence, near_top, score_segments, unique_quotes
from assistant.answer.stages.grounding import check_numbers
from assistant.answer.stages.llm_arguments import LLMArguments
from assistant.answer.stages.llm_phrasing import LLMPhrasing
from assistant.answer.stages.rendering import Rendering, rule_citation, verdict_of
from assistant.answer.stages.request_kind import RequestKind
from assistant.answer.stages.retrieval import Retrieval, Retrieved
from assistant.answer.stages.routing import Routing
from assistant.answer.stages.support_gate import SupportGate
from assistant.answer.trace import Trace
from assistant.answer.understanding.answerability import (
    asks_for_list,
    carries,
    question_parts,
    what_is_asked,
    without_asker_places,
)
from assistant.answer.understanding.planning import Plan
from assistant.config import Settings
from assistant.corpus.glossary import Glossary
from assistant.llm.chat_model import llm_configured, make_chat_model, model_label
from assistant.llm.errors import LLM_FAILURES
from assistant.messages import t
from assistant.retrieval.retriever import HybridRetriever
from tools import rules as rule_table

log = logging.getLogger(__name__)

# the segments an answer quotes: the one that states it first, then up to two more that also do
MAX_ANSWERING = 3
# segments of each passage that answerability weighs (round-5 dev data, see ``score_segments``)
SEGMENTS_PER_PASSAGE = 3


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
        self.request_kind = RequestKind(self.retriever.embedder, settings.data_dir / "cache")
        self.routing = Routing(self.request_kind)
        self.llm_arguments = (
            LLMArguments(self.chat_model, settings.llm_structured_output)
            if self.chat_model is not None and settings.llm_arguments
            else None
        )
        self.calculation = Calculation(self.retriever)
        self.retrieval = Retrieval(self.retriever, k=settings.answer_passages)
        self.gate = SupportGate(
            self.retriever.glossary,
            self.retriever.vocabulary,
            settings.support_min_score,
            settings.off_domain_min_dense,
        )
        self.rendering = Rendering(self.retriever.glossary)
        self.answerability = Answerability(
            self.retriever.glossary,
            settings.answer_min_topic,
            settings.answer_min_topic_open,
            self.retriever.vocabulary,
            self.retriever.idf,
        )

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
        context: str | None = None,
        earlier: list[str] | None = None,
        about: list[str] | None = None,
    ) -> Answer:
        """Answer in the asker's language.

        ``history`` ((question, answer) pairs) serves stateless clients such as chat completions, which
        resend the conversation; ``session_id`` uses the stored conversation instead. ``context`` and
        ``earlier``: the facts and the earlier questions of the same message (a helpdesk e-mail); ``about``: the
        sites or suppliers of that message the question is about ("Can Hanoi Trims leave out the buses?")."""
        started = time.perf_counter()
        trace = Trace()
        turns = self.conversations.recent(session_id) if session_id else (history or [])[-6:]
        analysis = self.analysis.run(question, lang, [q for q, _ in turns], context, earlier, about)
        trace.add(
            "analysis",
            analysis.language,
            follow_up=analysis.follow_up,
            numbers=len(analysis.reading.mentions),
            with_role=sum(1 for m in analysis.reading.mentions if m.role and m.trusted),
        )
        answer, sources = self.draft(analysis, trace, started)
        if self.chat_model is not None and self.settings.llm_phrasing and not answer.refused:
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
        reading = analysis.reading
        trace.add(
            "understanding",
            ", ".join(sorted(reading.topics)) or "-",
            detail={
                "roles": {m.text: m.role for m in reading.mentions if m.role},
                "unused": [m.text for m in reading.mentions if not m.role],
                "set_aside": [m.text for m in reading.set_aside],
                "premises": [p.rule.id for p in analysis.premises],
            },
            ambition=reading.ambition,
            intent=",".join(sorted(reading.intent)),
        )
        plan = self.routing.run(analysis)
        trace.add(
            "route",
            plan.kind,
            detail={"calculator": plan.calculator, "missing": list(plan.missing), "reason": plan.reason},
        )
        routed, mode = plan, "no-llm"
        if self.llm_arguments is not None:
            plan, read = self.llm_arguments_plan(analysis, plan, trace)
            if read and self.chat_model is not None:
                mode = f"llm:{model_label(self.chat_model)}"  # the model read the figures, whoever words the answer
        citations: list[Citation] = []
        tool_calls: list[ToolCall] = []
        verdict: str | None = None
        not_stated: list[str] = []
        outcome = None
        if plan.kind == "calculation":
            t0 = time.perf_counter()
            outcome = self.calculation.run(plan, language)
            timings["tools"] = _ms(t0)
            if outcome.error is not None and plan is not routed and routed.kind in ("clarify", "fact"):
                # inputs the model resolved that the calculator rejects were read wrong: the plan before them stands
                trace.add("calculation", "error: the model's inputs set aside", detail={"arguments": plan.arguments})
                plan, outcome = routed, None
        clarify = plan.kind == "clarify"
        premise_lines, premise_citations = self.premise_corrections(language, analysis)
        if outcome is not None:
            trace.add(
                "calculation",
                "error" if outcome.error else str(outcome.result.verdict if outcome.result else ""),
                detail={"name": plan.calculator, "arguments": plan.arguments},
                rules_cited=len(outcome.rule_passages),
            )
            text, citations = self.rendering.calculation(language, outcome)
            if outcome.result is not None and plan.calculator:
                verdict = verdict_of(plan.calculator, outcome.result.verdict)
            tool_calls.append(outcome.call)
            refused = False
            sources = [q, outcome.call.model_dump_json(), *map(str, plan.arguments.values())]
            sources += [c.quote for c in citations] + [c.translation for c in citations if c.translation]
        elif plan.kind == "question_back":
            clarify = True
            text, refused, sources = t("answer.question_back", language), False, [q]
        elif plan.kind == "decline":
            # off-topic requests and requests for secrets or other companies' data: no retrieval at all
            text, refused, sources = t(f"answer.decline.{plan.reason}", language), True, [q]
            premise_lines, premise_citations = [], []
        elif clarify:
            assert plan.calculator is not None
            text = self.rendering.clarify(language, plan.calculator, plan.missing, plan.disputed)
            refused = False
            sources = [q, text]  # the rule figures it names come from the rules table
        elif plan.reason == "mcap_elements":
            text, citations = self.mcap_elements(language)
            refused = False
            sources = [q, text, *(c.quote for c in citations), *(c.translation or "" for c in citations)]
        else:
            t0 = time.perf_counter()
            parts = question_parts(q)
            about = "\n".join(analysis.about)
            results = [self.fact_part(part, language, trace, self.search_words(part, about)) for part in parts]
            results = self.parts_in_context(q, language, trace, parts, results, about)
            timings["retrieve"] = _ms(t0)
            text, citations, refused, sources = self.combine_parts(language, parts, results)
            sources = [q, *sources]
            if not refused:
                not_stated = [p for p, r in zip(parts, results, strict=True) if not r.answering]
        if premise_lines:
            # a wrong rule number is corrected first, with the document's figure and clause
            offset = len(premise_citations)
            citations = premise_citations + [c.model_copy(update={"id": c.id + offset}) for c in citations]
            text = "\n".join(premise_lines) + "\n\n" + _renumber(text, offset)
            sources += premise_lines + [c.quote for c in premise_citations]
            sources += [c.translation for c in premise_citations if c.translation]
            refused = False
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
            mode=mode,
            timings_ms=timings,
            grounding=Grounding(**report.__dict__),
            clarify=clarify,
            verdict=verdict,
            not_stated=not_stated,
        )
        return answer, sources

    def weigh(self, part: str, language: str, retrieved: Retrieved) -> tuple[list[Evidence], list[Evidence]]:
        """Every passage's best segments (what answerability searches: the sentence that states it may sit
        in a passage ranked lower) and the near-top ones (what the support gate reads), scored once."""
        asked = what_is_asked(part, language)
        scored = score_segments(
            part,
            retrieved.expansions,
            retrieved.passages,
            carries=lambda words: carries(asked, words),
            per_passage=SEGMENTS_PER_PASSAGE,
            whole_list=asks_for_list(part),
        )
        return scored, near_top(scored, retrieved.passages)

    def parts_in_context(
        self, question: str, language: str, trace: Trace, parts: list[str], results: list[PartAnswer], about: str
    ) -> list[PartAnswer]:
        """A part the documents do not state when looked up alone is weighed again against the passages found for
        the whole question: cut from its sentence, "how many attendees" or "… at least" loses the words that find
        the passage ("the Shanghai forum", "target year") although the whole question's passages state it (round-30
        dev data: nine of the 21 answerable questions declined there had a part declined)."""
        if len(parts) < 2 or all(r.answering for r in results):
            return results
        whole = self.retrieval.run(self.search_words(question, about), language)
        trace.add("parts", "weighed against the whole question's passages", detail={"parts": len(parts)})
        return [
            r if r.answering else self.fact_part(part, language, trace, self.search_words(part, about), retrieved=whole)
            for part, r in zip(parts, results, strict=True)
        ]

    def search_words(self, part: str, about: str) -> str:
        """What a question (or part) is looked up and judged by: without the names of the sites and suppliers it
        is about (``about``) and without the places where the asker says they are."""
        return without_asker_places(self.gate.without_stated_names(part, about), self.gate.vocabulary().knows_name_part)

    def fact_part(
        self, part: str, language: str, trace: Trace, search: str | None = None, retrieved: Retrieved | None = None
    ) -> PartAnswer:
        """One question (or one part of a question): retrieval, evidence, support gate, answerability.
        ``search``: the words to look up, where they differ from the part's (its own sites' names left out);
        ``retrieved``: passages already found (the whole question's, for one of its parts)."""
        shown_part, part = part, search or part
        retrieved = retrieved or self.retrieval.run(part, language)
        top = retrieved.passages[0] if retrieved.passages else None
        trace.add(
            "retrieval",
            f"{len(retrieved.passages)} passages",
            detail={"part": part, "top": [f"{p.doc} {p.locator}" for p in retrieved.passages[:3]]},
            top_dense=top.dense_score if top else None,
        )
        scored, evidence = self.weigh(part, language, retrieved)
        trace.add(
            "evidence",
            f"{len(evidence)} segments",
            detail={"segments": [e.sentence[:120] for e in evidence]},
            top_score=evidence[0].score if evidence else None,
            top_overlap=evidence[0].overlap if evidence else None,
        )
        support = self.gate.run(part, language, evidence)
        trace.add(
            "support_gate",
            support.reason,
            detail={"unknown_words": support.unknown_words} if support.unknown_words else {},
            top_score=support.top_score,
            min_score=self.gate.min_score,
            top_dense=support.top_dense,
            off_domain_min_dense=self.gate.off_domain_min_dense,
        )
        if not support.supported:
            return PartAnswer(shown_part, answering=[], related=[], unknown_words=support.unknown_words)
        decision = self.answerability.run(part, language, unique_quotes(scored))
        trace.add(
            "answerability",
            "states it" if decision.answerable else "does not state it",
            detail={"asks": decision.asked.kind, "noun": decision.asked.noun},
            best_topic=decision.best_topic,
            min_topic=self.answerability.floor(decision.asked),
            answering=len(decision.answering),
        )
        shown = {id(e.passage) for e in evidence}
        answering, others = decision.answering, decision.related
        uncovered = answering and self.request_kind.run(part) == "uncovered"
        if uncovered and all(self.request_kind.judges(e.passage.doc) for e in answering):
            # worded like the questions the shipped documents do not answer (a fee, a national factor): what looked
            # like the answer is shown as related, never as the answer (a document a user added may answer it)
            trace.add("request_kind", "like questions the documents do not answer")
            answering, others = [], answering + others
        related = [e for e in others if id(e.passage) in shown and not e.alternative]
        return PartAnswer(shown_part, answering=answering[:MAX_ANSWERING], related=related)

    def combine_parts(
        self, lang: str, parts: list[str], results: list[PartAnswer]
    ) -> tuple[str, list[Citation], bool, list[str]]:
        """One answer from the answers to each part: the parts the documents state, answered; the others
        named as not stated (with the contact who can say). Refused only when no part is stated."""
        blocks: list[str] = []
        citations: list[Citation] = []
        sources: list[str] = []
        stated = [r for r in results if r.answering]
        for r in results:
            if r.answering:
                text, cites = self.rendering.fact(lang, r.answering, first_id=len(citations) + 1, question=r.part)
                evidence = r.answering
            elif len(results) > 1:
                text, cites, evidence = t("answer.part_not_stated", lang, part=r.part), [], []
            else:
                text = self.rendering.refusal(lang, r.unknown_words)
                related, cites = self.rendering.related(lang, r.related, first_id=len(citations) + 1)
                text = f"{text}\n\n{related}" if related else text
                evidence = r.related
            blocks.append(text)
            citations += cites
            sources += [c.quote for c in cites] + [c.translation for c in cites if c.translation]
            sources += [c.locator for c in cites]  # "According to the documents (p. 24, C16)"
            sources += [e.passage.text for e in evidence] + [self.rendering.current_rules_note(lang, evidence)]
        if stated and len(stated) < len(results):
            contact = rule_table.mcap()["contact"]
            blocks.append(t("answer.refusal_where", lang, contact=contact))
        return "\n\n".join(blocks), citations, not stated, sources

    def mcap_elements(self, lang: str) -> tuple[str, list[Citation]]:
        """MCAP's key elements, one line each in the asker's language, each citing its heading in the MCAP
        document (the headings are separate passages, so no one quote holds the list)."""
        data = rule_table.mcap()
        elements = data["element"]
        lines = [t("answer.mcap_elements", lang, n=len(elements))]
        citations: list[Citation] = []
        for k, element in enumerate(elements, 1):
            line = f"{k}. {element[lang]}"
            passage = self.retriever.find_quote(data["document"], element["quote"], lang)
            if passage is not None:
                citations.append(rule_citation(len(citations) + 1, passage, element["quote"], lang))
                line += f" [{len(citations)}]"
            lines.append(line)
        return "\n".join(lines), citations

    def premise_corrections(self, lang: str, analysis: Analysis) -> tuple[list[str], list[Citation]]:
        """One line per wrong rule number the asker stated, citing the rule's own words."""
        lines: list[str] = []
        citations: list[Citation] = []
        for premise in analysis.premises:
            ref = premise.rule
            line = self.rendering.premise(lang, premise.claimed, ref.id, ref.value, ref.clause)
            passage = self.retriever.find_quote(ref.document, ref.quote, lang) if ref.document and ref.quote else None
            if passage is not None:
                n = len(citations) + 1
                citations.append(rule_citation(n, passage, ref.quote, lang, locator=ref.clause))
                line += f" [{n}]"
            lines.append(f"**{line}**")
        return lines, citations

    def llm_arguments_plan(self, analysis: Analysis, plan: Plan, trace: Trace) -> tuple[Plan, bool]:
        """The model's reading of the calculator's arguments, cross-checked (``LLMArguments``); and whether the
        model gave one."""
        assert self.llm_arguments is not None
        result = self.llm_arguments.run(analysis, plan)
        if result.proposed is None and not result.error:
            return plan, False
        check = result.check
        trace.add(
            "llm_arguments",
            "failed: plan kept" if result.error else check.verdict if check else "no calculator",
            detail={
                "chosen": result.chosen,
                "proposed": result.proposed,
                "filled": check.filled if check else {},
                "disputed": {k: list(v) for k, v in check.disputed.items()} if check else {},
                "not_stated": check.not_stated if check else {},
                "ignored": check.ignored if check else {},
                "error": result.error,
            },
        )
        return result.plan, result.proposed is not None

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


@dataclass
class PartAnswer:
    part: str
    answering: list[Evidence]
    related: list[Evidence]
    unknown_words: list[str] = field(default_factory=list)


def _renumber(text: str, offset: int) -> str:
    """Shift citation markers [n] by ``offset`` (corrections cited first take the first numbers)."""
    if not offset:
        return text
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", text)


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
