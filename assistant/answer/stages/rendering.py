"""Rendering: the answer text in the asker's language (no LLM) from a calculation, evidence or a refusal,
with numbered citations."""

from __future__ import annotations

import re

from assistant.answer.models import Citation
from assistant.answer.stages.calculation import CalcOutcome
from assistant.answer.stages.evidence import Evidence
from assistant.corpus.glossary import Glossary
from assistant.messages import fmt, lang_name, t
from assistant.retrieval.retriever import Passage
from assistant.text.language import detect_language
from tools import rules as rule_table
from tools.rules import rule_set_name


def segment_translation(passage: Passage, quote: str) -> str | None:
    """The translation of the fewest consecutive segments of ``passage`` that hold ``quote`` (white space
    ignored), or ``None`` when one of them has no translation that may be served."""
    target = re.sub(r"\s+", "", quote)
    texts = [re.sub(r"\s+", "", s.text) for s in passage.segments]
    for end in range(len(texts)):
        for start in range(end, -1, -1):
            if target and target in "".join(texts[start : end + 1]):
                chosen = passage.segments[start : end + 1]
                parts = [s.translation for s in chosen]
                return " ".join(p for p in parts if p) if all(parts) else None
    return None


class Rendering:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def calculation(self, lang: str, outcome: CalcOutcome) -> tuple[str, list[Citation]]:
        if outcome.error is not None or outcome.result is None:
            message = outcome.error.message(lang) if outcome.error else ""
            return t("answer.calc_error", lang, message=message), []
        result = outcome.result
        lines = [t("answer.calc_intro", lang), "", result.explanation.get(lang, result.explanation.get("en", ""))]
        citations: list[Citation] = []
        for ref, passage in outcome.rule_passages:
            if any(c.chunk_id == passage.chunk_id for c in citations):
                continue
            n = len(citations) + 1
            translation = segment_translation(passage, ref.quote) if passage.language != lang else None
            citations.append(
                Citation(
                    id=n,
                    doc=passage.doc,
                    title=passage.title,
                    locator=passage.locator,
                    quote=ref.quote,
                    chunk_id=passage.chunk_id,
                    language=passage.language,
                    translation=translation,
                    translation_lang=lang if translation else None,
                )
            )
            if translation:
                original = t("answer.original", lang, quote=ref.quote)
                lines.append(f"- {t('answer.rule_source', lang)} {ref.clause}: {translation} [{n}] ({original})")
            else:
                lines.append(f"- {t('answer.rule_source', lang)} {ref.clause}: «{ref.quote}» [{n}]")
        if result.other_rule_set and result.other_rule_set.differs:
            other = result.other_rule_set
            label = t("answer.other_rule_set", lang, name=rule_set_name(other.rule_set, lang))
            lines.append(f"- {label}: {other.note.get(lang, '')}")
        for w in result.warnings:
            lines.append(f"- {t('answer.warnings', lang)}: {w.text.get(lang, w.text.get('en', ''))}")
        return "\n".join(lines), citations

    def fact(self, lang: str, evidence: list[Evidence]) -> tuple[str, list[Citation]]:
        lines = [t("answer.fact_intro", lang), ""]
        citations: list[Citation] = []
        untranslated: list[str] = []
        for i, e in enumerate(evidence, 1):
            p = e.passage
            src_lang = p.language or detect_language(e.sentence)
            translation = e.translation if src_lang != lang and p.translation_lang == lang else None
            if translation:
                # the reader's language first, marked as ours, the original words beside it
                lines.append(f"> {translation} [{i}]")
                note = (
                    "answer.machine_translation_note"
                    if p.translation_method == "machine"
                    else "answer.translation_note"
                )
                lines.append(f"> _{t(note, lang, language=lang_name(src_lang, lang), quote=e.sentence)}_")
            else:
                note = (
                    f" _({t('answer.quoted_in', lang, language=lang_name(src_lang, lang))})_"
                    if src_lang != lang
                    else ""
                )
                lines.append(f"> {e.sentence} [{i}]{note}")
                if src_lang != lang:
                    untranslated.append(e.sentence)
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
                    translation=translation,
                    translation_lang=lang if translation else None,
                )
            )
        gloss = self.term_gloss(" ".join(untranslated), lang) if untranslated else ""
        if gloss:
            lines.append(f"{t('answer.terms', lang)}: {gloss}")
        note = self.current_rules_note(lang, evidence)
        text = "\n".join(lines).strip()
        return (f"{text}\n\n{note}" if note else text), citations

    def refusal(self, lang: str, unknown: list[str] | None = None) -> str:
        missing = f"\n\n{t('answer.not_in_documents', lang, words=', '.join(unknown))}" if unknown else ""
        return f"{t('answer.refusal', lang)}{missing}\n\n{t('answer.refusal_where', lang)}"

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

    def current_rules_note(self, lang: str, evidence: list[Evidence]) -> str:
        """When the answer quotes the 2019 SBTi criteria on ambition or timeframe, say how today's differ.

        Which passages trigger the note is data (``[current_rules_note]`` in ``tools/rules.toml``)."""
        cfg = rule_table.current_rules_note()
        quoted = [e.sentence for e in evidence if e.passage.doc == cfg["document"]]
        if not quoted:
            return ""
        rates = [f"{float(rule_table.value(cfg['rule_set'], r)):g}%" for r in cfg["rate_rules"]]
        if not any(k in s for s in quoted for k in [*rates, *cfg["keywords"]]):
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
