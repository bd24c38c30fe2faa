"""Rendering: the answer text in the asker's language (no LLM) from a calculation, evidence or a refusal,
with numbered citations."""

from __future__ import annotations

import re
from typing import Any

from assistant.answer.models import Citation
from assistant.answer.stages.calculation import CalcOutcome
from assistant.answer.stages.evidence import Evidence
from assistant.answer.understanding.table_rows import row_asked
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


def quote_citation(
    n: int,
    passage: Passage,
    quote: str,
    lang: str,
    *,
    language: str,
    translation: str | None,
    locator: str | None = None,
) -> Citation:
    """Citation ``n``: ``quote`` (in ``language``) from ``passage``, with its translation into ``lang`` when
    one is shown; at the passage's locator unless another is given."""
    return Citation(
        id=n,
        doc=passage.doc,
        title=passage.title,
        locator=locator or passage.locator,
        quote=quote,
        chunk_id=passage.chunk_id,
        language=language,
        translation=translation,
        translation_lang=lang if translation else None,
    )


def rule_citation(n: int, passage: Passage, quote: str, lang: str, locator: str | None = None) -> Citation:
    """Citation ``n`` of a rule's words in ``passage``, translated into ``lang`` when the passage is in
    another language (and the project's translation may be served)."""
    translation = segment_translation(passage, quote) if passage.language != lang else None
    return quote_citation(n, passage, quote, lang, language=passage.language, translation=translation, locator=locator)


# Calculator verdicts that answer a criteria question "yes" (the rule is met; for the scope 3 trigger, a
# target is required) and "no". The criteria answer opens with the word.
YES_VERDICTS = frozenset({"meets", "meets_minimum", "required", "valid", "complete", "within_allowance", "on_track"})
NO_VERDICTS = frozenset(
    {"does_not_meet", "below_minimum", "not_required", "not_valid", "incomplete", "exceeds_allowance", "behind"}
)
CRITERIA = frozenset(
    {"check_absolute_target", "scope3_required", "scope3_coverage", "scope12_coverage", "target_timeframe",
     "renewable_electricity", "supplier_engagement", "physical_intensity_rate", "mcap_checklist"}
)  # fmt: skip
# The rules each calculator's clarifying question names (rule ids in tools/rules.toml, default rule set).
CLARIFY_RULES: dict[str, tuple[str, dict[str, str]]] = {
    "absolute_contraction": ("absolute", {"r15": "abs_rate.1.5C", "rwb": "abs_rate.wb2c", "r2": "abs_rate.2c"}),
    "check_absolute_target": ("absolute", {"r15": "abs_rate.1.5C", "rwb": "abs_rate.wb2c", "r2": "abs_rate.2c"}),
    "scope3_required": ("scope3_required", {"v": "scope3_trigger"}),
    "scope3_coverage": ("scope3_coverage", {"v": "scope3_coverage_min"}),
    "scope12_coverage": ("scope12_coverage", {"v": "scope12_exclusion_max"}),
    "target_timeframe": ("target_timeframe", {"lo": "timeframe_min_years", "hi": "timeframe_max_years"}),
    "renewable_electricity": ("renewable_electricity", {"a": "re_share_2025", "b": "re_share_2030"}),
    "supplier_engagement": ("supplier_engagement", {"v": "supplier_engagement_max_years"}),
    "intensity_to_absolute": ("intensity", {"v": "s3_physical_intensity_rate"}),
    "required_intensity_reduction": ("intensity", {"v": "s3_physical_intensity_rate"}),
    "physical_intensity_rate": ("intensity", {"v": "s3_physical_intensity_rate"}),
    "geva": ("geva", {"v": "geva_rate"}),
}


def verdict_of(calculator: str, verdict: str | None) -> str | None:
    """ "yes" / "no" for a criteria check's verdict, else ``None``."""
    if calculator not in CRITERIA or verdict is None:
        return None
    return "yes" if verdict in YES_VERDICTS else "no" if verdict in NO_VERDICTS else None


def _number(value: object, lang: str) -> str:
    return fmt(float(value), lang) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def _figure(value: object, lang: str) -> str:
    """An input as the asker wrote it: a year or a whole number without separators ("2021", not "2.021")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _number(value, lang)


class Rendering:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def calculation(self, lang: str, outcome: CalcOutcome) -> tuple[str, list[Citation]]:
        if outcome.error is not None or outcome.result is None:
            message = outcome.error.message(lang) if outcome.error else ""
            return t("answer.calc_error", lang, message=message), []
        result = outcome.result
        explanation = result.explanation.get(lang, result.explanation.get("en", ""))
        yes_no = verdict_of(result.calculator, result.verdict)
        if yes_no:
            # a criteria check opens with its verdict, then the figures and the clause
            lines = [f"**{t(f'answer.verdict.{yes_no}', lang)}** {explanation}", ""]
        else:
            lines = [t("answer.calc_intro", lang), "", explanation]
        citations: list[Citation] = []
        for ref, passage in outcome.rule_passages:
            if any(c.chunk_id == passage.chunk_id and c.quote == ref.quote for c in citations):
                continue
            n = len(citations) + 1
            citations.append(rule_citation(n, passage, ref.quote, lang))
            translation = citations[-1].translation
            original = t("answer.original", lang, quote=ref.quote)
            shown = next((line for line in lines if translation and translation in line), None)
            if shown is not None:
                # the same passage already shown in the reader's language: add this rule's words to it
                i = lines.index(shown)
                lines[i] = f"{shown[:-1]}; {original.split(':', 1)[-1].strip()})".replace(
                    f"[{n - 1}] (", f"[{n - 1}][{n}] ("
                )
            elif translation:
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

    def fact(
        self, lang: str, evidence: list[Evidence], first_id: int = 1, question: str = ""
    ) -> tuple[str, list[Citation]]:
        """The answer: its first segment stated in the reader's language ("According to the documents
        (p. 24, C16): …"), the original words beside our translation, then any further segment needed. When
        the question asks a table row's value, the answer opens with that row and its value."""
        lines: list[str] = []
        citations: list[Citation] = []
        untranslated: list[str] = []
        for i, e in enumerate(evidence, first_id):
            citation, shown, note = self._cite(lang, e, i)
            citations.append(citation)
            row = row_asked(question, shown) if i == first_id and question else None
            if row is not None:
                key = "answer.points_value_one" if row.value == "1" else "answer.points_value"
                value = t(key, lang, value=row.value) if row.points else row.value
                lines.append(f"{t('answer.according', lang, locator=e.passage.locator)}: {row.label}: {value} [{i}]")
                lines.append(f"> {shown}")
            elif i == first_id:
                lines.append(f"{t('answer.according', lang, locator=e.passage.locator)}: {shown} [{i}]")
            else:
                lines.append(f"> {shown} [{i}]")
            if note:
                lines.append(f"> _{note}_")
            if citation.translation is None and citation.language != lang:
                untranslated.append(e.sentence)
            lines.append("")
        gloss = self.term_gloss(" ".join(untranslated), lang) if untranslated else ""
        if gloss:
            lines.append(f"{t('answer.terms', lang)}: {gloss}")
        rules_note = self.current_rules_note(lang, evidence)
        text = "\n".join(lines).strip()
        return (f"{text}\n\n{rules_note}" if rules_note else text), citations

    def related(self, lang: str, evidence: list[Evidence], first_id: int = 1) -> tuple[str, list[Citation]]:
        """Passages on the subject that do not answer the question, labelled so."""
        if not evidence:
            return "", []
        lines = [f"{t('answer.related', lang)}:", ""]
        citations: list[Citation] = []
        for i, e in enumerate(evidence, first_id):
            citation, shown, note = self._cite(lang, e, i)
            citations.append(citation)
            lines.append(f"> {shown} [{i}]")
            if note:
                lines.append(f"> _{note}_")
            lines.append("")
        return "\n".join(lines).strip(), citations

    def _cite(self, lang: str, e: Evidence, n: int) -> tuple[Citation, str, str]:
        """The citation of one evidence segment, the words shown to the reader, and the note beside them."""
        p = e.passage
        src_lang = p.language or detect_language(e.sentence)
        translation = e.translation if src_lang != lang and p.translation_lang == lang else None
        if translation:
            key = "answer.machine_translation_note" if p.translation_method == "machine" else "answer.translation_note"
            note = t(key, lang, language=lang_name(src_lang, lang), quote=e.sentence)
            shown = translation
        else:
            note = t("answer.quoted_in", lang, language=lang_name(src_lang, lang)) if src_lang != lang else ""
            shown = e.sentence
        citation = quote_citation(n, p, e.sentence, lang, language=src_lang, translation=translation)
        return citation, shown, note

    def clarify(
        self,
        lang: str,
        calculator: str,
        missing: tuple[str, ...],
        disputed: tuple[tuple[str, Any, Any], ...] = (),
    ) -> str:
        """A question back that names what is needed (or the figures two readings of the question disagree on)
        and the rule that will apply."""
        name = t(f"ui.calculator.{calculator}", lang)
        if disputed:
            pairs = "; ".join(
                t(
                    "answer.clarify_between",
                    lang,
                    input=t(f"ui.field.{n}", lang),
                    first=_figure(a, lang),
                    second=_figure(b, lang),
                )
                for n, a, b in disputed
            )
            text = t("answer.clarify_disputed", lang, calculator=name, pairs=pairs)
        else:
            inputs = ", ".join(t(f"answer.input.{n}", lang) for n in missing)
            text = t("answer.clarify", lang, calculator=name, inputs=inputs)
        rule = CLARIFY_RULES.get(calculator)
        if rule is None:
            return text
        key, placeholders = rule
        refs = {name: rule_table.ref(rule_table.DEFAULT_RULE_SET, rid) for name, rid in placeholders.items()}
        clause = next(iter(refs.values())).clause
        values = {name: _number(ref.value, lang) for name, ref in refs.items()}
        return f"{text}\n\n{t('answer.clarify_rule_intro', lang)}: {t(f'answer.clarify_rule.{key}', lang, clause=clause, **values)}."

    def premise(self, lang: str, claimed: str, rule_id: str, value: object, clause: str) -> str:
        """The asker's rule number corrected with the document's figure and clause."""
        rule = t(f"answer.premise_rule.{rule_id}", lang, value=_number(value, lang))
        return t("answer.premise", lang, claimed=claimed, clause=clause, rule=rule)

    def refusal(self, lang: str, unknown: list[str] | None = None) -> str:
        missing = f"\n\n{t('answer.not_in_documents', lang, words=', '.join(unknown))}" if unknown else ""
        contact = rule_table.mcap()["contact"]
        return f"{t('answer.refusal', lang)}{missing}\n\n{t('answer.refusal_where', lang, contact=contact)}"

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
