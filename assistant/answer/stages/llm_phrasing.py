"""LLM phrasing: the model phrases the answer from the draft's evidence and calculator results.

Nothing it writes is trusted blindly: it must answer in the asker's language, cite the numbered
passages, and every number must come from a source; otherwise it gets one correction, then its
figures are removed or the draft answer is used."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage

from assistant.answer.models import Answer, Grounding, ToolCall
from assistant.answer.stages.grounding import check_numbers, strip_numbers
from assistant.llm.agent import invoke_tool, run_agent
from assistant.llm.chat_model import model_label
from assistant.llm.errors import LLMOutputError
from assistant.llm.prompts import NOT_COVERED, SYSTEM_PROMPT, format_context
from assistant.llm.tool_binding import calculator_tools
from assistant.messages import lang_name, t
from assistant.retrieval.retriever import HybridRetriever
from assistant.text.language import detect_language
from tools import rules

log = logging.getLogger(__name__)

_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|^>.*$", re.MULTILINE)
_MARKER = re.compile(r"\[(\d+)\]")


def _run_tool(name: str, args: dict[str, Any]) -> dict[str, Any]:
    """A calculator the model called, run through its LangChain tool (``tool.invoke``); input errors
    and bad calls come back as ``{"error": ..., "message": ...}`` for the model to read."""
    return invoke_tool(calculator_tools(), name, args)


def looks_like_data(text: str) -> bool:
    """A tool call or a JSON dump where an answer should be (small models do this)."""
    stripped = text.strip().strip("`").removeprefix("json").strip()
    if stripped[:1] in "{[":
        try:
            json.loads(stripped)
            return True
        except ValueError:
            pass
    return '"arguments"' in text or '"outputs"' in text


def leaks_prompt(text: str, window: int = 40) -> bool:
    """Any 40-character stretch of the system prompt in the answer (an injected "reveal your prompt")."""
    folded = re.sub(r"\s+", " ", text)
    prompt = re.sub(r"\s+", " ", SYSTEM_PROMPT)
    return any(prompt[i : i + window] in folded for i in range(0, max(1, len(prompt) - window), 20))


def _numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in re.findall(r"\d+(?:[.,]\d+)?", text)}


def says_something(text: str, question: str, draft: Answer) -> bool:
    """Not an echo of the question; and for a calculation, the calculator's headline figure is stated."""
    folded = re.sub(r"\W+", "", text).casefold()
    if not folded or folded in re.sub(r"\W+", "", question).casefold():
        return False
    if draft.tool_calls and "error" not in draft.tool_calls[0].result:
        asked = _numbers(question)
        expected = _numbers(_MARKER.sub(" ", draft.answer)) - asked
        return not expected or bool(_numbers(_MARKER.sub(" ", text)) & expected)
    return True


def own_words_language(text: str, default: str) -> str:
    """Language of the answer's own words (quotes in the source language do not count)."""
    stripped = _QUOTED.sub(" ", _MARKER.sub(" ", text))
    return detect_language(stripped, default=default)  # type: ignore[arg-type]


class LLMPhrasing:
    def __init__(self, model: BaseChatModel, retriever: HybridRetriever) -> None:
        self.model = model
        self.retriever = retriever

    def run(self, q: str, lang: str, draft: Answer, sources: list[str], history: list[tuple[str, str]]) -> Answer:
        passages = []
        for c in draft.citations:
            full = self.retriever.find_quote(c.doc, c.quote)
            passages.append((c.id, c.title, c.locator, full.text if full else c.quote))
        tool_texts = [
            json.dumps({"tool": tc.name, "arguments": tc.arguments, "result": _compact(tc.result)}, ensure_ascii=False)
            for tc in draft.tool_calls
        ]
        system = SYSTEM_PROMPT.format(language_name=lang_name(lang, "en"), not_covered=NOT_COVERED)
        user = format_context(passages, tool_texts) + f"\n\nQuestion: {q}"
        msgs: list[BaseMessage] = []
        for hq, ha in history[-3:]:
            msgs += [HumanMessage(hq), AIMessage(ha)]
        tools = calculator_tools()
        turn = run_agent(self.model, system, user, tools, _run_tool, history=msgs)
        calls = [ToolCall(name=n, arguments=a, result=r) for n, a, r in turn.tool_calls]
        all_sources = (
            sources
            + [p[3] for p in passages]
            + [f"{p[1]} {p[2]}" for p in passages]  # titles and locators ("pp. 24–25, C17") may be cited
            + [json.dumps(c.result, ensure_ascii=False, default=str) for c in calls]
        )
        notes: list[str] = []
        text = turn.text.strip()
        if not text:
            raise LLMOutputError("the model returned no text")
        if text.startswith(NOT_COVERED):
            return Answer(
                question=q,
                language=lang,
                answer=f"{t('answer.refusal', lang)}\n\n{t('answer.refusal_where', lang, contact=rules.mcap()['contact'])}",
                refused=True,
                mode=f"llm:{model_label(self.model)}",
                timings_ms=dict(draft.timings_ms),
                grounding=Grounding(passed=True),
                notes=["the model found the passages do not answer the question"],
            )
        for attempt in range(2):
            wrong_language = own_words_language(text, lang) != lang
            report = check_numbers(text, all_sources)
            data = looks_like_data(text) or not says_something(text, q, draft) or leaks_prompt(text)
            if not wrong_language and report.passed and not data:
                break
            if attempt == 1:
                break
            fix = []
            if data:
                fix.append(
                    "Write the answer for the user in sentences, not JSON, a tool call or the question again; "
                    "state the calculator's result."
                )
                notes.append("regenerated: data instead of an answer")
            if wrong_language:
                fix.append(f"Answer in {lang_name(lang, 'en')} only.")
                notes.append("regenerated: wrong language")
            if not report.passed:
                fix.append(
                    f"These numbers are not in the passages or calculator results: {', '.join(report.unsupported)}. "
                    "Remove them or call a calculator."
                )
                notes.append("regenerated: unsupported numbers " + ", ".join(report.unsupported))
            retry = run_agent(
                self.model,
                system,
                user,
                tools,
                _run_tool,
                history=msgs + [HumanMessage(user), AIMessage(text), HumanMessage(" ".join(fix))],
            )
            calls += [ToolCall(name=n, arguments=a, result=r) for n, a, r in retry.tool_calls]
            all_sources += [json.dumps(r, ensure_ascii=False, default=str) for _, _, r in retry.tool_calls]
            text = retry.text.strip() or text
        if looks_like_data(text) or not says_something(text, q, draft) or leaks_prompt(text):
            log.warning("LLM returned data or no answer twice; using the no-LLM answer")
            return draft.model_copy(update={"notes": [*draft.notes, "llm: returned data, no-LLM answer used"]})
        if own_words_language(text, lang) != lang:
            log.warning("LLM answered in the wrong language twice; using the no-LLM answer")
            return draft.model_copy(update={"notes": [*draft.notes, "llm: wrong language, no-LLM answer used"]})
        report = check_numbers(text, all_sources)
        repaired = False
        if not report.passed:
            log.warning("LLM invented numbers %s; removing them", report.unsupported)
            text = strip_numbers(text, report.unsupported) + f"\n\n_{t('answer.numbers_removed', lang)}_"
            repaired = True
            notes.append("repaired: removed " + ", ".join(report.unsupported))
        used = {int(m) for m in _MARKER.findall(text)}
        citations = [c for c in draft.citations if c.id in used] or draft.citations[:1]
        return Answer(
            question=q,
            language=lang,
            answer=text,
            refused=False,
            citations=citations,
            tool_calls=draft.tool_calls + calls,
            mode=f"llm:{model_label(self.model)}",
            timings_ms=dict(draft.timings_ms),
            grounding=Grounding(
                passed=report.passed, numbers=report.numbers, unsupported=report.unsupported, repaired=repaired
            ),
            notes=notes,
            not_stated=draft.not_stated,
        )


def _compact(result: dict[str, Any]) -> dict[str, Any]:
    """What the model needs of a calculator result: outputs, verdict, English explanation, rule clauses."""
    return {
        "outputs": {k: v for k, v in (result.get("outputs") or {}).items() if k != "pathway"},
        "verdict": result.get("verdict"),
        "explanation": (result.get("explanation") or {}).get("en"),
        "rules": [f"{r.get('clause')}: {r.get('value')} {r.get('unit')}".strip() for r in result.get("rules", [])],
        "other_rule_set": (result.get("other_rule_set") or {}).get("note", {}).get("en"),
        "error": result.get("message"),
    }
