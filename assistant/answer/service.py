"""The answer service: one entry point for the CLI, the HTTP API and the UI.

no-LLM mode: calculator results rendered from templates, and factual answers composed from the
best sentences of the retrieved passages (quoted in their own language, with citations).
"""

from __future__ import annotations

import logging
import time
import unicodedata

from langchain_core.language_models.chat_models import BaseChatModel

from assistant.answer.evidence import Evidence, select_evidence
from assistant.answer.grounding import check_numbers
from assistant.answer.llm_answer import LLMAnswerer
from assistant.answer.memory import ConversationMemory
from assistant.answer.models import Answer, Citation, Grounding, ToolCall
from assistant.answer.parser import ParsedQuestion, is_follow_up, merge_follow_up, parse_question
from assistant.answer.router import Route, route
from assistant.config import Settings
from assistant.corpus.glossary import Glossary
from assistant.llm.chat_model import llm_configured, make_chat_model
from assistant.messages import lang_name, t
from assistant.retrieval.retriever import HybridRetriever
from assistant.text.language import LANGS, detect_language
from tools import rules as rule_table
from tools.errors import CalculatorInputError, LocalizedError
from tools.i18n import fmt
from tools.registry import get_calculator
from tools.rules import rule_set_name

log = logging.getLogger(__name__)

# Refusal gates, calibrated on evals/retrieval_questions.jsonl (covered) against 15 uncovered questions:
# below SUPPORT_THRESHOLD nothing relevant was found; a question with no domain term at all must also
# have a close passage (OFF_DOMAIN_DENSE), or it is off the documents' subject.
SUPPORT_THRESHOLD = 0.82
OFF_DOMAIN_DENSE = 0.84


class AnswerService:
    def __init__(
        self,
        settings: Settings,
        retriever: HybridRetriever | None = None,
        chat_model: BaseChatModel | None = None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever or HybridRetriever(settings)
        self.chat_model = chat_model or (make_chat_model(settings) if llm_configured(settings) else None)
        self.memory = ConversationMemory()

    @property
    def glossary(self) -> Glossary:
        return self.retriever.glossary

    def validate(self, question: str, lang: str | None) -> tuple[str, str]:
        q = unicodedata.normalize("NFC", question or "").replace("\x00", "").strip()
        guess = lang if lang in LANGS else (detect_language(q) if q else "en")
        if not q:
            raise LocalizedError("empty_question", lang=guess, status=422)
        if len(q) > self.settings.max_question_chars:
            raise LocalizedError("question_too_long", lang=guess, status=422, limit=self.settings.max_question_chars)
        return q, guess

    def ask(
        self,
        question: str,
        lang: str | None = None,
        session_id: str | None = None,
        history: list[tuple[str, str]] | None = None,
    ) -> Answer:
        """Answer in the asker's language; with an LLM configured, the model phrases the answer
        from the same evidence and calculator results, and is checked before it is trusted.

        ``history`` ((question, answer) pairs) serves stateless clients such as chat completions,
        which resend the conversation; ``session_id`` uses the server's bounded memory instead."""
        started = time.perf_counter()
        q, language = self.validate(question, lang)
        parsed = parse_question(q)
        if session_id:
            turns = self.memory.get(session_id)
        else:
            turns = [(hq, parse_question(hq), ha) for hq, ha in (history or [])[-6:]]
        if turns and is_follow_up(q):
            parsed = merge_follow_up(turns[-1][1], parsed)
        draft, sources = self.draft(q, language, parsed, started)
        answer = draft
        if self.chat_model is not None and not draft.refused:
            answer = self.with_llm(q, language, draft, sources, [(h[0], h[2]) for h in turns])
            answer.timings_ms["total"] = _ms(started)
        if session_id:
            self.memory.add(session_id, (q, parsed, answer.answer))
        return answer

    def draft(self, q: str, language: str, parsed: ParsedQuestion, started: float) -> tuple[Answer, list[str]]:
        """The no-LLM answer, and the texts its numbers may come from."""
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        plan = route(parsed)
        tool_calls: list[ToolCall] = []
        if plan is not None:
            text, citations, call, sources = self.compose_calculation(language, plan)
            tool_calls.append(call)
            timings["tools"] = _ms(t0)
            sources = [q, *sources] + [c.quote for c in citations]
            report = check_numbers(text, sources)
            timings["total"] = _ms(started)
            return Answer(
                question=q,
                language=language,
                answer=text,
                refused=False,
                citations=citations,
                tool_calls=tool_calls,
                mode="no-llm",
                timings_ms=timings,
                grounding=Grounding(**report.__dict__),
            ), sources
        t0 = time.perf_counter()
        passages = self.retriever.retrieve(q, k=6)
        timings["retrieve"] = _ms(t0)
        t0 = time.perf_counter()
        evidence = select_evidence(q, self.retriever.expand(q), passages)
        timings["evidence"] = _ms(t0)
        supported = bool(evidence) and evidence[0].score >= SUPPORT_THRESHOLD
        if supported and not self.glossary.match(q) and evidence[0].dense < OFF_DOMAIN_DENSE:
            supported = False
        unknown = self.unknown_words(q, language) if supported else []
        if unknown:
            supported = False
        extra_sources: list[str] = []
        if supported:
            text, citations = self.compose_fact(language, evidence)
            note = self.rules_differ_note(language, evidence)
            if note:
                text += "\n\n" + note
                extra_sources.append(note)
        else:
            text, citations = self.compose_refusal(language, unknown), []
        sources = (
            [q, *extra_sources] + [c.quote for c in citations] + [e.passage.text for e in evidence[: len(citations)]]
        )
        report = check_numbers(text, sources)
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
        ), sources

    def with_llm(
        self, q: str, language: str, draft: Answer, sources: list[str], history: list[tuple[str, str]]
    ) -> Answer:
        """Let the model phrase the answer; fall back to the draft whenever it misbehaves."""
        assert self.chat_model is not None
        try:
            answer = LLMAnswerer(self.chat_model, self.retriever).answer(q, language, draft, sources, history)
            key = self.settings.llm_api_key.get_secret_value() if self.settings.llm_api_key else ""
            if key and len(key) >= 8 and key in answer.answer:  # never hand a secret back, whatever the model says
                log.warning("LLM answer contained the API key; removed")
                answer.answer = answer.answer.replace(key, "…")
            return answer
        except Exception as exc:  # a timeout, a refused connection or garbage must never become a 500
            log.warning("LLM failed, answering without it: %s", exc)
            fallback = draft.model_copy(deep=True)
            fallback.notes.append(t("answer.llm_fallback", language))
            fallback.answer = f"{fallback.answer}\n\n_{t('answer.llm_fallback', language)}_"
            return fallback

    # --- calculations ------------------------------------------------------------------------

    def compose_calculation(self, lang: str, plan: Route) -> tuple[str, list[Citation], ToolCall, list[str]]:
        """Run the calculator the question needs and render its result; numbers come only from it."""
        try:
            result = get_calculator(plan.name)(**plan.arguments)
        except CalculatorInputError as err:
            text = t("answer.calc_error", lang, message=err.message(lang))
            call = ToolCall(
                name=plan.name, arguments=plan.arguments, result={"error": err.code, "message": err.messages}
            )
            return text, [], call, [str(v) for v in plan.arguments.values()]
        lines = [t("answer.calc_intro", lang), "", result.explanation.get(lang, result.explanation.get("en", ""))]
        citations: list[Citation] = []
        for ref in result.rules:
            if not ref.document or not ref.quote:
                continue
            passage = self.retriever.find_quote(ref.document, ref.quote)
            if passage is None or any(c.chunk_id == passage.chunk_id for c in citations):
                continue
            n = len(citations) + 1
            citations.append(
                Citation(
                    id=n,
                    doc=passage.doc,
                    title=passage.title,
                    locator=passage.locator,
                    quote=ref.quote,
                    chunk_id=passage.chunk_id,
                    language=passage.language,
                )
            )
            lines.append(f"- {t('answer.rule_source', lang)} {ref.clause}: «{ref.quote}» [{n}]")
        if result.other_rule_set and result.other_rule_set.differs:
            other = result.other_rule_set
            label = t("answer.other_rule_set", lang, name=rule_set_name(other.rule_set, lang))
            lines.append(f"- {label}: {other.note.get(lang, '')}")
        for w in result.warnings:
            lines.append(f"- {t('answer.warnings', lang)}: {w.text.get(lang, w.text.get('en', ''))}")
        call = ToolCall(name=plan.name, arguments=plan.arguments, result=result.model_dump())
        return "\n".join(lines), citations, call, [result.model_dump_json()]

    def rules_differ_note(self, lang: str, evidence: list[Evidence]) -> str:
        """When the answer quotes the 2019 SBTi criteria on ambition or timeframe, say how today's differ."""
        sbti = [e for e in evidence if e.passage.doc.startswith("004")]
        if not sbti:
            return ""
        topics = ("4.2%", "2.5%", "1.23%", "远低于2°C", "最短期限", "15年", "力度", "绝对收缩")
        if not any(k in e.sentence for e in sbti for k in topics):
            return ""
        cur = "sbti-current-floor"
        return t(
            "answer.current_rules_differ",
            lang,
            s12=fmt(float(rule_table.value(cur, "abs_rate.1.5C")), lang),
            s3=fmt(float(rule_table.value(cur, "abs_rate.wb2c")), lang),
            lo=rule_table.value(cur, "timeframe_min_years"),
            hi=rule_table.value(cur, "timeframe_max_years"),
            by=rule_table.value(cur, "base_year_min"),
        )

    # --- composition -------------------------------------------------------------------------

    def compose_fact(self, lang: str, evidence: list[Evidence]) -> tuple[str, list[Citation]]:
        lines = [t("answer.fact_intro", lang), ""]
        citations: list[Citation] = []
        for i, e in enumerate(evidence, 1):
            p = e.passage
            src_lang = p.language or detect_language(e.sentence)
            note = f" _({t('answer.quoted_in', lang, language=lang_name(src_lang, lang))})_" if src_lang != lang else ""
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
            lines.append(f"{t('answer.terms', lang)}: {gloss}")
        return "\n".join(lines).strip(), citations

    def term_gloss(self, text: str, lang: str, limit: int = 6) -> str:
        """Glossary terms found in quotes of another language, given in the reader's language."""
        pairs: list[str] = []
        seen: set[str] = set()
        for entry, found_lang, form in self.glossary.match(text):
            if found_lang == lang or entry.id in seen or form in seen:
                continue
            shown = entry.preferred(found_lang) if entry.preferred(found_lang).casefold() == form.casefold() else form
            target = entry.preferred(lang)
            if target and target.casefold() != form.casefold():
                seen.update((entry.id, form))
                pairs.append(f"«{shown}» = {target}")  # the source-language form is quoted, like the evidence
            if len(pairs) >= limit:
                break
        return "; ".join(pairs)

    def compose_refusal(self, lang: str, unknown: list[str] | None = None) -> str:
        missing = f"\n\n{t('answer.not_in_documents', lang, words=', '.join(unknown))}" if unknown else ""
        return f"{t('answer.refusal', lang)}{missing}\n\n{t('answer.refusal_where', lang)}"

    def unknown_words(self, q: str, language: str) -> list[str]:
        """The question's key words that no indexed document uses, when there are enough of them to
        say the question is about something else (only where the corpus is broad in that language)."""
        vocabulary = self.retriever.vocabulary()
        if not vocabulary.broad(language):
            return []
        return vocabulary.off_topic(q, [form for _, _, form in self.glossary.match(q)])


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
