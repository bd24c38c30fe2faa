"""Wrong premises: a rule number the asker states ("1.5°C needs 2% a year", "10% may be excluded", "GEVA is
linear") checked against the rules table, so the answer can correct it with the document's figure and clause.

Which claims are recognised is data (``premises.toml``: the rule row, the words of the topic, the unit);
the figures come from ``tools/rules.toml``. A clause about the asker's own plan ("we exclude 7%") states
their data, not a rule, and is never "corrected".
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.answer.understanding.reading import AMBITIONS, SCOPES, Reading, _has, clauses, cue_pattern, vocabulary
from tools import rules
from tools.result import RuleRef

PREMISES_PATH = Path(__file__).with_name("premises.toml")


@lru_cache(maxsize=1)
def premise_table() -> list[dict[str, Any]]:
    return list(tomllib.loads(PREMISES_PATH.read_text(encoding="utf-8"))["premise"])


@dataclass(frozen=True)
class Premise:
    rule: RuleRef
    claimed: str  # as the asker wrote it: "2%", "20 năm", "linear"
    clause: int


def find_premises(r: Reading, rule_set: str) -> list[Premise]:
    voc = vocabulary()
    found: list[Premise] = []
    spans = clauses(r.text)
    for i, (a, b) in enumerate(spans):
        clause = r.folded[a:b]
        if not _has(voc["premises"]["claim"], clause):
            continue
        own = bool(_has(voc["intent"]["own"], clause)) and not _has(voc["premises"]["hearsay"], clause)
        ambitions = {name for name, pat in AMBITIONS.items() if pat.search(clause)}
        # "Vì SBTi chỉ cần giảm 1,23%/năm cho scope 1+2 nên … đạt chuẩn well below 2 độ": a yearly rate claimed in a
        # clause that names no ambition is claimed for the one ambition the question names (round-25 calc, dev since)
        asked = ambitions or (set(r.ambitions) if len(r.ambitions) == 1 else set())
        mentions = [m for m in r.mentions if m.clause == i]
        for spec in premise_table():
            if spec.get("ambition") and spec["ambition"] not in asked:
                continue
            if spec.get("ambition") and not ambitions and not any(m.per_year for m in mentions):
                continue
            if spec.get("no_ambition") and ambitions:
                continue
            if own and not spec.get("ambition"):
                continue  # "can we exclude 7%?" asks about the asker's own plan, it states no rule
            if spec.get("topic") and not _has(spec["topic"], clause):
                continue
            if spec.get("not_topic") and _has(spec["not_topic"], clause):
                continue
            if spec.get("scope") and not SCOPES[spec["scope"]].search(clause):
                continue
            if spec.get("year") and not any(m.unit == "year" and m.value == spec["year"] for m in mentions):
                continue
            ref = (
                rules.ref(rule_set, spec["rule"])
                if rules.has(rule_set, spec["rule"])
                else rules.ref(rules.DEFAULT_RULE_SET, spec["rule"])
            )
            claim = _claim(spec, mentions, clause, voc, r.folded)
            if claim is None:
                continue
            value, text = claim
            if spec.get("bound") == "max" and value is not None and value <= float(ref.value):
                continue  # a span within the maximum is no claim about it
            if value is not None and abs(value - float(ref.value)) <= 1e-6 and spec.get("ambition"):
                # the rule's own rate quoted ("每年减1.23%够了" for 2°C): the rule's figure, never the asker's cut
                for m in mentions:
                    if m.unit == "percent" and m.text == text:
                        m.role, m.trusted = "threshold", False
                break
            if value is None or abs(value - float(ref.value)) > 1e-6:
                found.append(Premise(ref, text, i))
                # the figure the wrong rule leads to is the rule's too when the asker states their own plan apart:
                # "…only needs 1.23% a year, so for 2020–2030 we'd need 12.3%. We planned 15%" (round-9 dev calc);
                # without another figure it is their plan ("…so excluding 7% is fine?"; rounds 3 and 4 dev calc)
                consequence = i + 1 < len(spans) and _opens_with(r, spans[i + 1], voc["premises"]["consequence"])
                own_plan = [m for m in r.mentions if m.unit == "percent" and m.trusted and m.clause not in (i, i + 1)]
                consequence = consequence and bool(own_plan)
                # inside the claim's clause, what follows "nên", "so", "所以" is the asker's own plan: "vì SBTi chỉ yêu
                # cầu 1,5%/năm nên bên em đặt mục tiêu giảm 18%" (round-21 calc, dev since)
                claimed_at = next((m.end for m in mentions if m.text == text), a)
                turn = _consequence_within(r, claimed_at, b, voc["premises"]["consequence"])
                for m in r.mentions:
                    # the years stay the asker's: "GEVA is 7% a year linear, 2015 to 2030, so 105%?" is answered
                    # over 2015–2030 (round-12 dev calc)
                    in_claim = (m.clause == i and m.start < turn) or (
                        consequence and m.clause == i + 1 and m.unit == "percent"
                    )
                    if in_claim and m.unit not in ("year", "date"):
                        m.role, m.trusted = "premise", False
                break
    return found


# how far after a figure a word for "a year" still makes it a yearly rate ("3% linear reduction per year"), not
# a total cut asked about ("a 30% cut per pair … is what linear annual reduction?"; dev set q-en-033)
_YEAR_WORD_REACH = 32


def _consequence_within(r: Reading, start: int, end: int, cues: list[str]) -> int:
    """Where a word that draws a consequence ("so", "nên", "所以") first stands in ``r.folded[start:end]``, else
    ``end``."""
    hits = [h.start() for c in cues for h in cue_pattern(c).finditer(r.folded, start, end)]
    return min(hits, default=end)


def _opens_with(r: Reading, span: tuple[int, int], cues: list[str]) -> bool:
    """The clause opens with one of ``cues`` ("so", "nên", "所以": it follows from the clause before)."""
    head = r.folded[span[0] : span[1]].lstrip()
    return any(head.startswith(c) and not head[len(c) : len(c) + 1].isalpha() for c in cues)


def _claim(
    spec: dict[str, Any], mentions: list[Any], clause: str, voc: dict[str, Any], folded: str
) -> tuple[float | None, str] | None:
    """The figure the clause claims for this rule: (value, as written), ``(None, word)`` for a claimed
    method ("linear"), or ``None`` when the clause claims nothing for it."""
    unit = spec["unit"]
    if unit == "linear":
        word = _has(voc["premises"]["linear"], clause)
        return (None, word) if word and not _has(voc["premises"]["compound"], clause) else None
    if unit == "percent":
        rates = [m for m in mentions if m.unit == "percent"]
        if spec.get("per_year"):
            # "… at least 3% per year": a yearly rate, never a total cut; "3% linear reduction per year" says the
            # year apart from the figure (round-6 dev calc)
            yearly = [m for m in rates if m.per_year]
            after = folded[rates[0].end : rates[0].end + _YEAR_WORD_REACH] if len(rates) == 1 else ""
            if not yearly and _has(voc["percents"]["per_year"], after):
                yearly = rates
            rates = yearly
        elif spec["rule"].startswith("abs_rate") or spec["rule"] in ("geva_rate",):
            rates = [m for m in rates if m.per_year] or (rates if len(rates) == 1 and not spec.get("ambition") else [])
        return (rates[0].value, rates[0].text) if len(rates) == 1 else None
    if unit == "years":
        spans = [m for m in mentions if m.unit == "number" and 1 <= m.value <= 50]
        return (spans[0].value, spans[0].text) if len(spans) == 1 else None
    return None
