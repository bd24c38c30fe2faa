"""The sources of an answer as people read them: one card per citation (short title in the reader's
language, the quote in their language first when the project has a translation, marked as unofficial or
machine-made, the original one click away), then each calculation step with its inputs named, its
verdict as a word and each rule once; no raw data (the calculator tab has it behind a "details" fold).

``source_cards`` is the HTML of the side panel; ``sources_markdown`` the same content as Markdown for
the exported conversation.
"""

from __future__ import annotations

import html
import re
from typing import Any

from assistant.answer.models import Answer, Citation, ToolCall
from assistant.messages import lang_name
from assistant.ui.calculator_forms import label_for, rule_line, verdict_badge
from assistant.ui.doc_titles import DocumentTitles
from assistant.ui.labels import calculator_name, choice_label, locator_text, ui
from tools.i18n import fmt
from tools.result import RuleRef
from tools.schema import calculator_specs


def translation_note_key(citation: Citation | dict[str, Any], titles: DocumentTitles) -> str:
    """``translation_machine`` when the translation is marked machine-made (or the document is not one
    the project ships, whose translations are made by ``ingest --translate``), else ``translation_ours``."""
    data = citation if isinstance(citation, dict) else citation.model_dump()
    method = data.get("translation_method")
    if method == "machine" or (method is None and not titles.bundled(str(data.get("doc", "")))):
        return "translation_machine"
    return "translation_ours"


def source_cards(answer: Answer, lang: str, titles: DocumentTitles) -> str:
    """HTML for the side panel (``lang`` is the interface language)."""
    parts = [_card(c, lang, titles) for c in answer.citations]
    cited = {c.quote.strip(): c.id for c in answer.citations}
    parts += [_calculation(call, lang, titles, cited) for call in answer.tool_calls]
    return "\n\n".join(parts) or ui("sources_empty", lang)


def _card(c: Citation, lang: str, titles: DocumentTitles) -> str:
    e = html.escape
    where = locator_text(c.locator, lang)
    short = titles.short(c.doc, lang, c.title)
    original_title = titles.original(c.doc, c.title)
    hover = f"{ui('source_original_title', lang)}: {original_title} · {ui('source_file', lang)}: {c.doc} · {ui('source_where', lang)}: {where}"
    head = (
        f'<div class="source-head"><span class="source-num">[{c.id}]</span> '
        f'<span class="source-title" title="{e(hover)}">{e(short)}</span>'
        f' · <span class="source-where">{e(where)}</span></div>'
    )
    src_lang = c.language or ""
    original_label = ui("source_original", lang, language=lang_name(src_lang, lang) if src_lang else "—")
    about = (
        f'<p class="source-about">{e(ui("source_original_title", lang))}: <span lang="{e(src_lang)}">{e(original_title)}</span>'
        f"<br>{e(ui('source_file', lang))}: <code>{e(c.doc)}</code> · {e(ui('source_where', lang))}: {e(where)}</p>"
    )
    if c.translation:
        note = ui(translation_note_key(c, titles), lang)
        body = (
            f'<blockquote class="source-translation" lang="{e(c.translation_lang or "")}">{e(c.translation)}</blockquote>'
            f'<p class="source-note">{e(note)}</p>'
            f'<details class="source-original"><summary>{e(original_label)}</summary>'
            f'<blockquote lang="{e(src_lang)}">{e(c.quote)}</blockquote>{about}</details>'
        )
    else:
        marker = f'<p class="source-note">{e(original_label)}</p>' if src_lang and src_lang != lang else ""
        body = (
            f'<blockquote class="source-quote" lang="{e(src_lang)}">{e(c.quote)}</blockquote>{marker}'
            f'<details class="source-original"><summary>{e(ui("source_original_title", lang))}</summary>{about}</details>'
        )
    return f'<div class="source-card">{head}{body}</div>'


def _calculation(call: ToolCall, lang: str, titles: DocumentTitles, cited: dict[str, int]) -> str:
    result = call.result
    lines = [f"**{ui('calculation', lang)}: {calculator_name(call.name, lang)}**", ""]
    inputs = readable_inputs(call.name, call.arguments, lang)
    if inputs:
        lines.append(f"- {ui('inputs', lang)}: {inputs}")
    explanation = result.get("explanation", {})
    if explanation:
        lines.append(f"- {ui('result', lang)}: {explanation.get(lang, explanation.get('en', ''))}")
    if result.get("verdict"):
        lines.append(f"- {ui('verdict', lang)}: {verdict_badge(str(result['verdict']), lang)}")
    seen: set[tuple[str, str]] = set()
    rules: list[str] = []
    for raw in result.get("rules", []):
        rule = RuleRef(**raw)
        if (rule.id, rule.rule_set) in seen:
            continue
        seen.add((rule.id, rule.rule_set))
        rules.append("  " + rule_line(rule, lang, titles, cited.get(rule.quote.strip())))
    if rules:
        lines += [f"- {ui('rules', lang)}:", *rules]
    return "\n".join(lines)


def readable_inputs(calculator: str, arguments: dict[str, Any], lang: str) -> str:
    """ "Base year: 2020 · Ambition: 1.5°C" — field labels and choices in ``lang``."""
    spec = calculator_specs().get(calculator)
    props = spec.json_schema().get("properties", {}) if spec else {}
    out = []
    for name, value in arguments.items():
        if value is None:
            continue  # an input left out ("intensity −35%, output +25%" gives no years): nothing to name
        if isinstance(value, bool):
            shown = ui("yes" if value else "no", lang)
        elif isinstance(value, int | float):
            shown = str(value) if "year" in name else fmt(value, lang)
        elif isinstance(value, list):
            shown = ", ".join(str(v) for v in value)
        else:
            shown = choice_label(name, str(value), lang)
        out.append(f"{label_for(name, props.get(name, {}), lang)}: {shown}")
    return " · ".join(out)


def sources_markdown(answer: Answer, lang: str, titles: DocumentTitles) -> str:
    """The same sources as Markdown (for the exported conversation): translation first, original after."""
    lines: list[str] = []
    for c in answer.citations:
        short = titles.short(c.doc, lang, c.title)
        lines.append(f"**[{c.id}] {short}** · {locator_text(c.locator, lang)}  ")
        lines.append(f"{titles.original(c.doc, c.title)} (`{c.doc}`)\n")
        if c.translation:
            lines.append(f"> {c.translation}\n")
            lines.append(f"_{ui(translation_note_key(c, titles), lang)}_\n")
            label = ui("source_original", lang, language=lang_name(c.language or "", lang))
            lines.append(f"{label}:\n\n> {c.quote}\n")
        else:
            lines.append(f"> {c.quote}\n")
    cited = {c.quote.strip(): c.id for c in answer.citations}
    for call in answer.tool_calls:
        result = call.result
        lines.append(f"**{ui('calculation', lang)}: {calculator_name(call.name, lang)}**\n")
        lines.append(f"- {ui('inputs', lang)}: {readable_inputs(call.name, call.arguments, lang)}")
        explanation = result.get("explanation", {})
        if explanation:
            lines.append(f"- {ui('result', lang)}: {explanation.get(lang, explanation.get('en', ''))}")
        for raw in result.get("rules", []):
            rule = RuleRef(**raw)
            lines.append("  " + _plain(rule_line(rule, lang, titles, cited.get(rule.quote.strip()))))
        lines.append("")
    return "\n".join(lines) or ui("sources_empty", lang)


def _plain(fragment: str) -> str:
    """An HTML fragment of a rule line as Markdown text (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))
