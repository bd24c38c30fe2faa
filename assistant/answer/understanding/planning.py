"""Planning: which calculator a question needs, with which arguments — or which inputs to ask for.

A calculator runs only when the question asks for a computed result about the asker's own figures and
every input it needs has a number with a known role. When an input is missing or two numbers claim it,
the plan is a clarifying question that names what is needed; a question about a rule, a weight or a
meaning goes to the documents. Nothing is guessed: a number without a role is never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from assistant.answer.understanding.answerability import asking_spans, asking_text, asks_for_list, what_is_asked
from assistant.answer.understanding.reading import AMBITIONS as AMBITION_NAMES
from assistant.answer.understanding.reading import (
    SCOPES,
    TOPICS,
    Mention,
    Reading,
    _has,
    clauses,
    cue_pattern,
    fold,
    scope3_categories,
    states_supplier_share,
    vocabulary,
)
from tools.cati import DIMENSION_ARGUMENTS, INDUSTRY_NAMES
from tools.pathways import min_ambition
from tools.rules import DEFAULT_RULE_SET
from tools.validation import Scope

_LETTER = re.compile(r"[^\W\d_]")
_QUOTED_OR_ASIDE = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|«[^»]*»|\([^)]*\)|（[^）]*）")

PlanKind = Literal["calculation", "clarify", "fact", "decline", "question_back"]


@dataclass(frozen=True)
class Plan:
    kind: PlanKind
    calculator: str | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()  # input names (answer.input.<name> in the catalog)
    reason: str = ""
    # inputs two readings of the question gave different figures for: (name, one reading's, the other's)
    disputed: tuple[tuple[str, Any, Any], ...] = ()


def _year(m: Mention | None) -> int | None:
    return int(m.value) if m is not None else None


def target_scope(r: Reading) -> Scope:
    """The scope a target is about, as the planner reads it (for plans built elsewhere from these readings)."""
    return _scope(r)


def _scope(r: Reading) -> Scope:
    """The scope a target is about: scope 3 when only scope 3 is named, else scope 1+2."""
    return "s3" if r.scopes and all(s == "s3" for s in r.scopes) else "s1+s2"


def _wants_result(r: Reading) -> bool:
    """The asker wants a computed result or a check about their own case: they say "we", or give a figure
    of their own — a year alone ("到2024年为止…多少家?", "by 2050") is when, not whose."""
    figures = [m for m in r.mentions if m.role and m.trusted and m.unit not in ("year", "date")]
    # an amount of emissions the asker states is theirs even when its role is unclear ("phát thải 7.500 tấn"
    # with no year): it is never computed with, but the question is about their case
    figures += [m for m in r.mentions if m.trusted and m.unit == "t" and not m.role]
    years = [m for m in r.mentions if m.trusted and m.unit in ("year", "date")]
    # "基准年是2022年": a base year one states is one's own (round-7 dev calc: "想设定GEVA目标,基准年是2022年,…")
    # — when a computed amount is asked ("một quy tắc … nếu năm cơ sở là 2019?" asks the rule)
    own_year = "calculate" in r.intent and any(m.role == "base_year" and m.cue for m in years)
    quoted = vocabulary()["quoted"]
    if not figures and _has(quoted["companies"], r.folded) and not _has(quoted["first_person"], r.folded):
        return False  # a company the documents report on, and no figure of the asker's: theirs, not ours
    own = "own" in r.intent or bool(figures) or len({m.value for m in years}) > 1 or own_year
    # tonnes asked about one's own target ("what should our 2030 target be in tonnes?") is a computed result
    return own and bool(r.intent & {"calculate", "check", "need", "tonnes"})


# answers no calculator gives: a price or fee, an emission factor, a person, a ranking, a count of things
# why a plan goes to the documents when the reader found no figure it could use: in LLM mode the model may be
# asked which calculator the question wants and read its figures, and the planner then decides again
# (``argument_check.check_choice``); every other reason (a fee, a meaning, a weight, a list) stays with the documents
OPEN_TO_READING = (
    "no figures of the asker's to compute with",
    "no figures of the asker's",
    "not a computation about the asker's figures",
    "figures, but no computation asked",
)
NOT_COMPUTED = frozenset({"money", "penalty", "emission_factor", "phone", "person", "ranking"})


def _clarify_or_fact(r: Reading, calculator: str, missing: list[str], reason: str) -> Plan:
    """A question back naming the missing input, when the asker wants a result about their own case and the
    answer is one a calculator gives; else the documents decide (round-5 dev data: "the grid factor for my
    4,500 MWh", "how many factories have joined by 2024" are not calculations with an input missing)."""
    asked = what_is_asked(r.text, r.lang)  # a fee or a factor never gets here: plan_question sends it to the documents
    if asked.kind == "quantity" and asked.noun:
        return Plan("fact", reason=f"{calculator}: asks for a count of {asked.noun}, which no calculator gives")
    figures = [m for m in r.mentions if m.role and m.trusted and m.unit not in ("year", "date")]
    if not figures and (asks_for_list(r.text) or _has(vocabulary()["asks"]["rule_value"], r.folded)):
        # "“增值”可以拿哪些财务指标来算? 帮我列一下", "ngưỡng là bao nhiêu % vào 2025 và 2030": a list or a rule's
        # threshold is the documents' to state, not a result with an input missing (round-8 dev data)
        return Plan("fact", reason=f"{calculator}: asks for a list or a rule's threshold")
    if _wants_result(r):
        return Plan("clarify", calculator, missing=tuple(missing), reason=reason)
    return Plan("fact", reason=f"{calculator}: not a computation about the asker's figures")


def asks_mcap_elements(r: Reading) -> bool:
    """ "What are the key elements of MCAP?", "MCAP对工厂的核心要求是哪几块?": all of the framework's parts."""
    words = vocabulary()["mcap_framework"]
    # read in the sentence that asks: "One of the four MCAP elements is a decarbonisation plan. What does it
    # involve?" asks about one element (round-14 dev data)
    asking = fold(asking_text(r.text))
    return "mcap" in r.folded and bool(_has(words["parts"], asking)) and bool(_has(words["all"], asking))


def plan_question(r: Reading) -> Plan:
    """Decide, in this order: documents for meanings and weights; then each calculator family whose
    topic the question names; then absolute targets when years or a reduction are given."""
    if not _LETTER.search(r.text):
        return Plan("question_back", reason="no words")
    declines = vocabulary()["declines"]
    asked = _QUOTED_OR_ASIDE.sub(" ", r.folded)  # a pasted e-mail or an injected "(system: …)" asks nothing
    if _has(declines["secret"], asked) or _names_internals(asked, declines):
        return Plan("decline", reason="secret")
    own_figures = any(m.trusted and m.role and m.role != "premise" for m in r.mentions)
    if _asks_someones_contact(asked, declines) and not own_figures:
        # "the consultant's e-mail says…, do we meet 2°C?" asks about their figures, not for a contact
        return Plan("decline", reason="secret")
    if _has(declines["off_topic"], asked):
        return Plan("decline", reason="off_topic")
    inputs = [m for m in r.mentions if m.trusted and m.role and m.role != "premise"]
    # a grid factor, a fee, a contact: no calculator gives it, whatever figures the e-mail around it states
    # (round-8 dev e-mail: "What grid emission factor should we use for Vietnam in 2024?" ran a contraction)
    wanted = what_is_asked(r.text, r.lang).kind
    if wanted in NOT_COMPUTED:
        return Plan("fact", reason=f"asks for {wanted}, which no calculator gives")
    if asks_mcap_elements(r) and not inputs:
        return Plan("fact", reason="mcap_elements")
    industry = _cati_industry(r) if "cati" in r.topics else None
    if industry and not r.cati_ids and _has(vocabulary()["intent"]["weight"], fold(asking_text(r.text))):
        # "CATI里纺织行业用的权重系数是多少?": the industry's default factor, the row of the weighting table
        # (rounds 1, 8, 9, 18, 19 dev calc: the documents' dimension weights were quoted instead)
        return Plan("calculation", "cati_score", {"indicator_ids": [], "industry": industry})
    if "meaning" in r.intent and not inputs and not r.cati_ids:
        return Plan("fact", reason="asks what a rule or term means")
    rs = {"rule_set": r.rule_set} if r.rule_set else {}
    base, target = r.one("base_year"), r.one("target_year")
    for role in ("base_year", "target_year"):
        if r.ambiguous(role):
            return _clarify_or_fact(r, "absolute_contraction", [role], f"two {role} values")

    # CATI: a score from each dimension's rate; points for indicators; a weight is a question for the documents
    rates = {d: r.one(f"cati_dim_{d}") for d in DIMENSION_ARGUMENTS}
    if any(rates.values()):
        missing = [DIMENSION_ARGUMENTS[d] for d, m in rates.items() if m is None]
        if missing:
            return _clarify_or_fact(r, "cati_weighted_score", missing, "")
        return Plan(
            "calculation",
            "cati_weighted_score",
            {DIMENSION_ARGUMENTS[d]: m.value for d, m in rates.items() if m is not None},
        )
    # an indicator's example or wording is a question for the documents (round-5 dev data: "chỉ tiêu 3.2.3 của
    # CATI có đưa ví dụ…?"); its points or a score, for the calculator
    # "we meet 1.1.4, 1.2.4 … 5.4.5. What's our total?": several indicators and a total ask for their points
    totals = len(r.cati_ids) > 1 and bool(_has(vocabulary()["amounts"]["total"], r.folded))
    if r.cati_ids and ("points" in r.intent or totals):
        return Plan(
            "calculation", "cati_score", {"indicator_ids": r.cati_ids, **({"industry": industry} if industry else {})}
        )
    # figures the asker gives about their company around the question ("we emitted 6,000 t in 2024; what
    # weight does Climate Action carry?") do not make a weight a computation (round-13 dev calc)
    asking = asking_spans(r.text)
    asks_weight = bool(_has(vocabulary()["intent"]["weight"], fold(asking_text(r.text))))
    in_asking = any(a <= m.start < b for m in inputs for a, b in asking)
    if asks_weight and (not inputs or ("cati" in r.topics and not in_asking)):
        return Plan("fact", reason="asks a weight")

    mcap = _mcap_checklist(r)
    if mcap is not None:
        return mcap
    if "renewable" in r.topics:
        plan = _renewable(r, rs)
        if plan is not None:
            return plan
        if not any(m.trusted and (m.unit in ("mwh", "t") or m.role == "renewable_share") for m in r.mentions):
            # "how much renewable electricity do we need by 2030 instead of a scope 2 target?": the threshold is
            # the documents' to state, not an absolute cut asked back (round-18 e-mail)
            return Plan("fact", reason="a renewable threshold, no figures of the asker's")
    if "supplier" in r.topics:
        submission = r.one("submission") or r.one("submission_date") or base
        if submission and target:
            args: dict[str, Any] = {
                "submission_year": _year(submission),
                "target_year": _year(target),
                **_supplier_coverage(r),
            }
            return Plan("calculation", "supplier_engagement", {**args, **rs})
        if submission and _has(vocabulary()["intent"]["latest_year"], r.folded):
            # "we submit in 2025: by which year at the latest must suppliers have targets?" (rounds 6, 7, 13 dev calc)
            args = {"submission_year": _year(submission), **_supplier_coverage(r)}
            return Plan("calculation", "supplier_engagement", {**args, **rs})
        if target or submission:
            missing = ["submission_year" if target else "target_year"]
            if "check" in r.intent and states_supplier_share(r.folded):
                # "80% of suppliers by spend with SBTs by 2030. Is that within the allowed years?": a share of
                # suppliers checked is the asker's own target (round-22 dev calc)
                return Plan("clarify", "supplier_engagement", missing=tuple(missing))
            return _clarify_or_fact(r, "supplier_engagement", missing, "")
        if "check" in r.intent and states_supplier_share(r.folded):
            # "is our supplier engagement target ok? 65% of suppliers by spend will have SBTs": the share alone
            # is judged by the years it is due in (round-19 dev calc)
            return _clarify_or_fact(r, "supplier_engagement", ["submission_year", "target_year"], "")
    # "we submit in 2025 (base 2024, target 2034) with a 30% cut: does that meet well-below 2°C?" is the cut's check
    checks_cut = bool(r.ambitions and r.role("reduction") and "timeframe" not in r.topics)
    # "we submit in 2025 … GEVA, base 2024, target 2036: how much must intensity fall in total?" asks the GEVA cut,
    # not whether 2036 is a valid target year (round-14 dev e-mail)
    geva_cut = "geva" in r.topics and "timeframe" not in r.topics and bool(r.intent & {"calculate"})
    if (
        r.topics & {"timeframe", "submission"}
        and not (r.topics & {"renewable", "supplier"})
        and not checks_cut
        and not geva_cut
    ):
        plan = _timeframe(r, rs, base, target)
        if plan is not None:
            return plan
    if "coverage" in r.topics and "s3" in r.scopes:
        plan = _scope3_coverage(r, rs)
        if plan is not None:
            return plan
    if r.role("use_phase") and "s3" in r.scopes and (r.intent & {"need", "calculate"}):
        # "of which 8,000 t are indirect use-phase … leaving them out, do we still need a scope 3 target?"
        plan = _scope3_required(r, rs)
        if plan is not None:
            return plan
    asking_now = fold(asking_text(r.text))
    full_inventory = bool(r.one("s3") and (r.one("s1") or r.one("s12") or r.one("total_s12")))
    if (
        full_inventory
        and "need" in r.intent
        and SCOPES["s3"].search(asking_now)
        and not _has(list(TOPICS["exclusion"]), asking_now)
    ):
        # "scope 1 = 3.200, scope 2 = 9.800, scope 3 = 7.100 … (another company's 5.000 t we leave out). Do we need a
        # scope 3 target?": the need asked, whatever the message leaves out (round-25 calc, dev since)
        plan = _scope3_required(r, rs)
        if plan is not None:
            return plan
    if "exclusion" in r.topics or r.role("excluded"):
        plan = _exclusion(r, rs)
        if plan is not None:
            return plan
    # a boundary that "only counts 23,500 t" is a coverage question whether or not it says "coverage" (round-13)
    if r.one("covered") and not (r.role("s3") or "s3" in r.scopes):
        # "范围一二总量4.8万吨，纳入目标边界的是4.62万吨，覆盖率是多少？": the boundary by what it covers
        plan = _share_of_total(r, rs, "scope12_coverage", ("scope12_total", "covered"), ("covered", "s12", "coverage"))
        if plan is not None:
            return plan
    stated = [m for m in (base, target, *r.role("reduction")) if m is not None and not m.carried]
    # "do we need a scope 3 target?", "what share of the total is scope 3?" — not a cut
    asks_share = bool(_has(vocabulary()["percents"]["share"], r.folded)) and bool(r.one("s3"))
    # a year beside a full inventory ("2024年范围一3,000吨、范围二…、范围三…") dates the figures, it sets no cut
    inventory = bool(r.one("s3") and (r.one("s1") or r.one("s12"))) and not r.role("reduction")
    # "范围三如果设绝对减排目标,最低要求到2033年要减多少?" asks the absolute cut to its own target year, even with the
    # e-mail's inventory beside it (round-19 dev e-mail)
    asks_cut = "absolute" in r.intent and target is not None and not target.carried
    if "s3" in r.scopes and ("need" in r.intent or asks_share) and (not stated or inventory) and not asks_cut:
        plan = _scope3_required(r, rs)
        if plan is not None:
            return plan
    if "geva" in r.topics:
        if base and target:
            args = {"base_year": _year(base), "target_year": _year(target)}
            growth = r.one("value_added_growth") or r.one("growth")
            if growth:
                args["value_added_growth_percent"] = growth.value
            emissions = _emissions(r)
            before = r.folded[max(0, emissions.start - 16) : emissions.start] if emissions else ""
            if emissions and (_PER_UNIT.match(r.folded[emissions.end :]) or _INTENSITY_BEFORE.search(before)):
                args["base_intensity"] = emissions.value  # "0.85 tCO2e per $1,000 value added", "0.85吨CO2e/万元"
            elif emissions:
                args["base_emissions"] = emissions.value
            return Plan("calculation", "geva", {**args, **rs})
        return _clarify_or_fact(r, "geva", _missing_years(base, target), "")
    if "intensity" in r.topics:
        plan = _intensity(r, rs, base, target)
        if plan is not None:
            return plan
    plan = _absolute(r, rs, base, target)
    if plan.kind == "fact" and not inputs:
        return _unstated_plan(r) or plan
    return plan


def judges_own_plan(r: Reading) -> bool:
    """The question judges a target or plan of the asker's or their client's: "is our plan OK timewise?", "is
    their current scope 1+2 target ambitious enough?", "mục tiêu của bên em có đủ không?", "我们的范围三目标力度够不够?"."""
    words = vocabulary()["intent"]["own_plan"]
    gap, judged_gap = int(words["max_gap_chars"]), int(words["max_judged_gap_chars"])
    plans = "|".join(re.escape(w) for w in words["plans"])
    judged = "|".join(re.escape(w) for w in words["judged"])
    judging = rf"(?<![a-z])(?:{plans})(?![a-z]).{{0,{judged_gap}}}?(?<![a-z])(?:{judged})(?![a-z])"
    for whose in words["whose"]:
        if re.search(rf"{cue_pattern(whose).pattern}.{{0,{gap}}}?{judging}", r.folded):
            return True
    after = "|".join(re.escape(w) for w in words["whose_after"])
    vi = rf"(?<![a-z])(?:{plans}).{{0,{gap}}}?(?<![a-z])(?:{after})(?![a-z]).{{0,{judged_gap}}}?(?:{judged})(?![a-z])"
    return bool(re.search(vi, r.folded))


def _unstated_plan(r: Reading) -> Plan | None:
    """A check of the asker's own target or plan that states none of its figures ("is our plan OK timewise?",
    "我们的范围三目标(见附件)力度够不够?") is asked back: the check it needs, its inputs and the rule it applies. The
    rule alone does not say whether theirs meets it (round-22 dev e-mails: five such asks got passages)."""
    # an amount, with or without its unit ("- Cat 1 purchased goods: 41,200" under "(tCO2e)"; round-21 dev calc)
    amounts = any(m.unit == "t" or (m.unit not in ("year", "date", "percent") and m.value >= 100) for m in r.mentions)
    covers = "coverage" in r.topics and "s3" in r.scopes and "check" in r.intent and "calculate" not in r.intent
    if covers and not amounts and scope3_categories(r.folded):
        # "Nếu mục tiêu phạm vi 3 chỉ gồm nhóm 1 và nhóm 4 thì có đủ mức bao phủ không?": their amounts are needed;
        # "phải bao phủ tối thiểu bao nhiêu? … chỉ category 1 thì có đủ không?" asks the rule too (round-11 dev)
        return Plan("clarify", "scope3_coverage", missing=("scope3_total", "covered"))
    if "check" not in r.intent or "need" in r.intent or not judges_own_plan(r):
        return None  # "does our company need a scope 3 target?" asks the rule that says who needs one
    if "supplier" in r.topics:
        return Plan("clarify", "supplier_engagement", missing=("submission_year", "target_year"))
    if "coverage" in r.topics and "s3" in r.scopes:
        return Plan("clarify", "scope3_coverage", missing=("scope3_total", "covered"))
    if "exclusion" in r.topics:
        return Plan("clarify", "scope12_coverage", missing=("scope12_total", "excluded"))
    if r.topics & {"renewable", "intensity", "geva", "timeframe", "submission", "cati"}:
        return None  # checks whose inputs differ by the target's kind: the documents answer
    return Plan("clarify", "check_absolute_target", missing=("base_year", "target_year", "reduction_percent"))


# how near a programme's name must be to a contact word for the contact to be the programme's own
# ("MCAP的联系方式", "email của MCAP"; not "the phone number of factory X's director … their MCAP target")
_PROGRAMME_CONTACT_REACH = 20


def _names_internals(folded: str, declines: dict[str, Any]) -> bool:
    """The question names enough of the assistant's own machinery (server, path, database, config…) to be
    asking for the system rather than the documents."""
    named = {w for w in declines["internal_nouns"] if cue_pattern(w).search(folded)}
    return len(named) >= int(declines["min_internal_nouns"])


def _asks_someones_contact(asked: str, declines: dict[str, Any]) -> bool:
    """A request for a person's or another company's contact details: a contact word with no programme
    name right beside it."""
    cue = _has(declines["contact"], asked)
    if not cue:
        return False
    at = asked.find(cue)
    near = asked[max(0, at - _PROGRAMME_CONTACT_REACH) : at + len(cue) + _PROGRAMME_CONTACT_REACH]
    return not _has(declines["programme_contacts"], near)


def _mcap_checklist(r: Reading) -> Plan | None:
    """ "We have committed to targets, assessed climate risk and report every year: do we meet MCAP?" — the
    elements the asker says are done (a negated one is not), checked against the four MCAP elements."""
    if "mcap" not in r.folded or not (r.intent & {"check", "need"}):
        return None
    words = vocabulary()["mcap_elements"]
    negations = words["negations"]
    done: dict[str, bool] = {}
    for element in ("targets_committed", "climate_risk_assessed", "decarbonisation_plan", "annual_progress_reported"):
        cue = _has(words[element], r.folded)
        if cue:
            at = r.folded.find(cue)
            done[element] = not _has(negations, r.folded[max(0, at - 12) : at])
    if len(done) < 2:
        return None  # one element named is a question about that element, for the documents
    return Plan("calculation", "mcap_checklist", {k: v for k, v in done.items() if v})


def _missing_years(base: Mention | None, target: Mention | None) -> list[str]:
    return [name for name, m in (("base_year", base), ("target_year", target)) if m is None]


def _emissions(r: Reading) -> Mention | None:
    """The asker's base emissions: named as such, or the one amount of the scope the target is about."""
    named = r.one("base_emissions")
    if named:
        return named
    scope = _scope(r)
    for role in ("s12", "total_s12") if scope == "s1+s2" else ("s3", "total_s3"):
        if r.one(role):
            return r.one(role)
    s1, s2 = r.one("s1"), r.one("s2")
    if scope == "s1+s2" and s1 is not None and s2 is not None and not r.role("s12"):
        # scope 1 and scope 2 given apart: the base is both (a sum of the asker's own figures, shown with them)
        return replace(s1, value=s1.value + s2.value, text=f"{s1.text} + {s2.text}", role="s12")
    amounts = [m for m in r.mentions if m.trusted and m.unit == "t" and m.role in (None, "total")]
    return amounts[0] if len(amounts) == 1 and not r.role("s12") and not r.role("s3") else None


def _absolute(r: Reading, rs: dict[str, Any], base: Mention | None, target: Mention | None) -> Plan:
    # a planned cut stated before the question is checked only when this question asks for a check
    # ("is that enough?"), not when it asks for the minimum ("how many tonnes at least?")
    reduction = [m for m in r.role("reduction") if not m.carried or "check" in r.intent]
    loose = [m for m in r.mentions if m.trusted and m.unit == "percent" and m.role is None and not m.carried]
    if not reduction and "check" in r.intent and r.ambitions and len(loose) == 1:
        reduction = loose  # "Is 30% enough to be aligned with 1.5°C?": the one percentage is the cut checked
    asks = bool(r.intent & {"calculate", "check", "minimum_ambition"}) or bool(reduction) or bool(r.ambitions)
    if not (base or target or reduction or (_emissions(r) and r.ambitions)):
        return Plan("fact", reason="no figures of the asker's to compute with")
    if not asks:
        return Plan("fact", reason="figures, but no computation asked")
    if len({m.value for m in reduction}) > 1:
        return _clarify_or_fact(r, "check_absolute_target", ["reduction_percent"], "two reductions")
    missing = _missing_years(base, target)
    scope = _scope(r)
    ends = r.role("target_emissions")
    emissions = _emissions(r)
    if not reduction and len({m.value for m in ends}) == 1 and emissions and emissions.value > ends[0].value:
        # "12.000 t năm 2022, đến 2030 xuống còn 8.400 t: có đạt 1,5°C?": the plan as end values, its cut the
        # calculator's to work out (round-26 calc, dev since)
        if missing:
            return _clarify_or_fact(r, "check_absolute_target", missing, "")
        ends_args: dict[str, Any] = {
            "base_year": _year(base),
            "target_year": _year(target),
            "scope": scope,
            "base_emissions": emissions.value,
            "target_emissions": ends[0].value,
        }
        asked_end = r.ambition or _asked_ambition(r)
        if asked_end:
            ends_args["ambition"] = asked_end
        return Plan("calculation", "check_absolute_target", {**ends_args, **rs})
    if reduction:
        if missing:
            return _clarify_or_fact(r, "check_absolute_target", missing, "")
        cut = reduction[0].value
        if reduction[0].per_year and base is not None and target is not None:
            # "our target cuts 4.2% a year from 2022 to 2032": a linear rate over the span, the rules' own reading
            cut = round(cut * (target.value - base.value), 6)
        args: dict[str, Any] = {
            "base_year": _year(base),
            "target_year": _year(target),
            "reduction_percent": cut,
            "scope": scope,
        }
        asked = r.ambition or _asked_ambition(r)
        if asked:
            args["ambition"] = asked
        emissions = _emissions(r)
        if emissions:
            args["base_emissions"] = emissions.value
        return Plan("calculation", "check_absolute_target", {**args, **rs})
    if (
        "check" in r.intent
        and "own" in r.intent
        and r.ambitions
        and not (r.intent & {"calculate", "tonnes", "minimum_ambition", "need"})
        and not _emissions(r)
    ):
        # "基准年2021年,目标年2030年,我们的范围一二目标符合1.5°C吗?": their target is checked, and its cut is
        # not given — asked back, not answered with the cut the rule requires (round-8 dev calc)
        return _clarify_or_fact(r, "check_absolute_target", [*missing, "reduction_percent"], "")
    ambition = r.ambition
    # with an ambition named, only scope 3's least ambition is read apart from it: for scope 1+2, "aligned with
    # 1.5°C for 2030. What's the minimum % cut?" asks 1.5°C's cut (round-18 dev calc)
    if (not r.ambitions or scope == "s3") and _asks_minimum_apart(r):
        # "the absolute minimum scope 3 target", "只按范围三的最低力度要求": the least ambition the rule set
        # accepts for the scope is named, not left out (round-12 dev calc); an ambition named in another clause
        # is the asker's comparison or their guess ("the bare minimum SBTi accepts for scope 3, and what would
        # WB2C need?", "是不是也得按1.5°C…?按最低要求…"; rounds 2, 9 and 19 dev calc)
        ambition = min_ambition(r.rule_set or DEFAULT_RULE_SET, scope)[0]
    if not ambition:
        missing.append("ambition")
    if _has(vocabulary()["intent"]["tonnes"], r.folded) and not _emissions(r):
        missing.append("base_emissions")  # tonnes asked: the cut alone is not the answer
    if missing:
        return _clarify_or_fact(r, "absolute_contraction", missing, "")
    args = {"base_year": _year(base), "target_year": _year(target), "ambition": ambition, "scope": scope}
    emissions = _emissions(r)
    if emissions:
        args["base_emissions"] = emissions.value
    return Plan("calculation", "absolute_contraction", {**args, **rs})


def _threshold_year(r: Reading) -> Mention | None:
    """ "Do we meet the 2025 threshold?": the year that names the threshold, over the year of the figures."""
    words = vocabulary()["percents"]["threshold"]
    named = [m for m in r.mentions if m.unit == "year" and _has(words, r.folded[m.end : m.end + 12])]
    return named[0] if len({m.value for m in named}) == 1 else None


def _renewable(r: Reading, rs: dict[str, Any]) -> Plan | None:
    total, renewable, share = r.one("total_mwh"), r.one("renewable_mwh"), r.one("renewable_share")
    loose = [m for m in r.mentions if m.trusted and m.unit == "percent" and m.role is None]
    if not (share or total or r.role("renewable_mwh")) and len(loose) == 1 and r.intent & {"check", "need"}:
        share = loose[0]  # "is our renewable share good enough …? We're at 85%." (round-13 dev calc)
    renewable_value = renewable.value if renewable else _parts_of(r.role("renewable_mwh"), total)
    year = _threshold_year(r) or r.one("year") or r.one("target_year") or r.one("base_year")
    if not (total or r.role("renewable_mwh") or share):
        return None
    missing = []
    if not share and not (total and renewable_value):
        missing.append("total_electricity_mwh" if r.role("renewable_mwh") else "renewable_mwh")
    if not year:
        missing.append("year")
    if missing:
        return _clarify_or_fact(r, "renewable_electricity", missing, "")
    assert year is not None
    if share and not (total and renewable_value):
        args = {"total_electricity_mwh": 100.0, "renewable_mwh": share.value, "year": _year(year), "share_only": True}
    else:  # the asker's MWh decide; a percentage beside them may be the rule they quote ("SBTi wants 100% by 2025, right?")
        assert total is not None and renewable_value is not None
        args = {"total_electricity_mwh": total.value, "renewable_mwh": renewable_value, "year": _year(year)}
    return Plan("calculation", "renewable_electricity", {**args, **rs})


_PER_UNIT = re.compile(r"\s?(?:/|per(?![a-z])|moi(?![a-z])|tren(?![a-z])|每)")
# the unit or the word intensity before the figure: "基准年每万元增加值排放0.48吨", "强度是每千美元增加值0.6吨",
# "intensity of 0.5 t" (round-13 dev calc)
_INTENSITY_BEFORE = re.compile(
    r"(?:每|per |moi |tren )[^,，。;；]{0,12}$|(?:强度|intensity|cuong do)[^,，。;；\d]{0,8}$"
)


def _asks_minimum_apart(r: Reading) -> bool:
    """The question asks for the least ambition the rules accept, and names no ambition in that clause."""
    cue = _has(vocabulary()["intent"]["minimum_ambition"], r.folded)
    if not cue:
        return False
    for a, b in clauses(r.text):
        clause = r.folded[a:b]
        if cue_pattern(cue).search(clause) and any(AMBITION_NAMES[name].search(clause) for name in r.ambitions):
            return False  # "the minimum requirement for 1.5°C" is 1.5°C's
    return True


def _asked_ambition(r: Reading) -> str | None:
    """Several ambitions named: the verdict is on the first one named in a question sentence ("Does a 35% cut
    reach 1.5°C, or only well-below 2°C?" — round-6 dev calc; "Does it meet well-below 2°C? And 1.5°C?" —
    round-13 dev calc), else the first named; the result still lists every ambition the cut meets."""
    asked = [a for a in r.ambitions if _named_in_question(r, a)] or r.ambitions
    return asked[0] if asked else None


def _named_in_question(r: Reading, ambition: str) -> bool:
    """The ambition is named in a sentence that ends with a question mark."""
    for sentence in re.split(r"(?<=[?？。！!])|(?<=\.)\s", r.folded):
        if sentence.rstrip().endswith(("?", "？")) and AMBITION_NAMES[ambition].search(sentence):
            return True
    return False


def _parts_of(parts: list[Mention], total: Mention | None) -> float | None:
    """Several figures of one role that add up to one input ("1,260 MWh rooftop solar, plus 2,000 MWh of
    green power"; "cat 1 (520,000 t) and cat 4 (45,000 t)"): their sum, when a total is stated and they fit
    inside it; else none (the question is asked back). The calculator's arguments show the sum."""
    values = list(dict.fromkeys(m.value for m in parts))
    if total is None or len(values) < 2 or any(v <= 0 for v in values) or sum(values) > total.value:
        return None
    return sum(values)


def _timeframe(r: Reading, rs: dict[str, Any], base: Mention | None, target: Mention | None) -> Plan | None:
    submission = r.one("submission_date") or r.one("submission")
    if not target and not submission:
        return None
    if not (r.intent & {"check", "calculate"}):
        return None
    if submission is None or target is None:
        return _clarify_or_fact(r, "target_timeframe", ["submission_date" if target else "target_year"], "")
    date = submission.date or f"{int(submission.value)}-01-01"
    args: dict[str, Any] = {"submission_date": date, "target_year": _year(target)}
    if base:
        args["base_year"] = _year(base)
    inventory = r.one("inventory_year")
    if inventory:
        args["latest_inventory_year"] = _year(inventory)
    return Plan("calculation", "target_timeframe", {**args, **rs})


def _share_of_total(
    r: Reading, rs: dict[str, Any], calculator: str, fields: tuple[str, str], mentions: tuple[str, str, str]
) -> Plan | None:
    """A coverage check, ``calculator(total, part)`` with ``fields`` naming the two: both figures from the
    question, or a share of a total of 100 when only the percentage is stated; a question back when one
    figure is missing. ``mentions``: the part's, the total's (of that scope), the share's."""
    total_field, part_field = fields
    part_name, total_name, share_name = mentions
    named = r.one(part_name)
    stated_total = r.one(f"total_{total_name}") or r.one(total_name) or r.one("total")
    total = stated_total.value if stated_total else _scope_sum(r, total_name)
    share = r.one(share_name)
    unroled = [m for m in r.mentions if m.trusted and m.unit == "t" and m.role is None]
    part = named.value if named else _parts_of(r.role(part_name), stated_total)
    if total and part is None and len(unroled) == 1 and unroled[0].value < total:
        part = unroled[0].value  # "total 65,000 t … leave 3,000 t of company-car fuel out": the one other amount
    elif stated_total and part is None and len(unroled) > 1:
        part = _parts_of(unroled, stated_total)  # "our targets cover cat 1 (520,000 t) and cat 4 (45,000 t)"
    if part is not None and not total and len(unroled) == 1 and unroled[0].value > part:
        total = unroled[0].value  # "we cover 58,000 t out of 95,000 t": the one other, larger amount (round-13)
    if share and part is None:
        return Plan("calculation", calculator, {total_field: 100.0, part_field: share.value, "share_only": True, **rs})
    if part is not None and total:
        return Plan("calculation", calculator, {total_field: total, part_field: part, **rs})
    if part is not None or total:
        return _clarify_or_fact(r, calculator, [total_field if part is not None else part_field], "")
    if r.role(part_name) or (r.one(share_name) is None and len(unroled) == 1 and part_name == "covered"):
        # the covered parts, or the one amount a coverage question states, without the total they are a share
        # of ("bao phủ 8.000 tấn … và 2.500 tấn", "覆盖了外购商品和服务这一类,3.3万吨"; round-9/10 dev calc)
        return _clarify_or_fact(r, calculator, [total_field], "")
    return None


def _scope_sum(r: Reading, name: str) -> float | None:
    """Scope 1+2 as the sum of the scope 1 and scope 2 amounts stated apart ("scope 1 là 8.000 tấn, scope 2 là
    14.500 tấn"; round-6 dev e-mails): the boundary of an exclusion check."""
    s1, s2 = r.one("s1"), r.one("s2")
    return s1.value + s2.value if name == "s12" and s1 and s2 else None


def _scope3_coverage(r: Reading, rs: dict[str, Any]) -> Plan | None:
    plan = _share_of_total(r, rs, "scope3_coverage", ("scope3_total", "covered"), ("covered", "s3", "coverage"))
    use_phase = r.one("use_phase")
    if plan is not None and plan.kind == "calculation" and use_phase:
        # "scope 3 is 250,000 t, including 40,000 t of indirect use-phase": left out of the two thirds (§6.2)
        return replace(plan, arguments={**plan.arguments, "indirect_use_phase": use_phase.value})
    return plan


def _exclusion(r: Reading, rs: dict[str, Any]) -> Plan | None:
    # "leave our two sales offices out … They're 3.5% of our scope 1+2": in a question about leaving a part out,
    # the one percentage with no other role is that part's share (round-9 dev data)
    loose = [m for m in r.mentions if m.trusted and m.unit == "percent" and m.role is None]
    if not (r.role("exclusion") or r.role("share") or r.role("excluded")) and len({m.value for m in loose}) == 1:
        r = replace(r, mentions=[replace(m, role="exclusion") if m in loose else m for m in r.mentions])
    # "loại văn phòng và kho (tổng cộng 1.800 tấn) ra khỏi ranh giới", total scope 1+2 45.000 t: the smaller total
    # sums the parts left out (round-18 calc)
    boundary = r.one("total_s12") or r.one("s12")
    parts = r.one("total")
    if not r.role("excluded") and boundary and parts and parts.value < boundary.value and "exclusion" in r.topics:
        r = replace(r, mentions=[replace(m, role="excluded") if m is parts else m for m in r.mentions])
    # "排放大概占范围一加二总量的4%,能不能不算进目标边界?": the share the asker wants left out is the exclusion
    share = "exclusion" if r.one("exclusion") or not ("exclusion" in r.topics and r.one("share")) else "share"
    if not (r.role("excluded") or r.one(share)) and r.one("covered"):
        # "our boundary covers 48,600 t of our 50,400 t (we left out two offices)": the boundary by what it covers
        return _share_of_total(r, rs, "scope12_coverage", ("scope12_total", "covered"), ("covered", "s12", "coverage"))
    plan = _share_of_total(r, rs, "scope12_coverage", ("scope12_total", "excluded"), ("excluded", "s12", share))
    if plan is None and "exclusion" in r.topics and {"check", "own"} <= r.intent and not r.topics & {"use_phase"}:
        # "we left the dormitory and the canteen out of our scope 1+2 boundary. Is that allowed?": the rule is a
        # share, so both amounts are asked for (round-13 dev calc)
        return _clarify_or_fact(r, "scope12_coverage", ["scope12_total", "excluded"], "")
    return plan


def _cati_industry(r: Reading) -> str | None:
    """The industry of CATI's weighting table the question names ("纺织行业", "ngành dệt may", "a textile
    company"); the longest name found, so "汽车零部件" is auto parts, not automobile."""
    words = vocabulary()["cati_industry"]
    found = []
    for name, key in INDUSTRY_NAMES.items():
        for hit in cue_pattern(fold(name)).finditer(r.folded) if len(name) >= 2 else ():
            near = r.folded[max(0, hit.start() - 12) : hit.end() + 12]
            # "power", "gas", "电力", "光伏" name energy as often as an industry: only beside "industry", "行业"…
            if name not in words["generic"] or _has(words["industry"], near):
                found.append((len(name), key))
    return max(found)[1] if found else None


def _supplier_coverage(r: Reading) -> dict[str, Any]:
    """ "75% of suppliers by spend": the one percentage of a supplier-engagement question is its coverage."""
    loose = [m for m in r.mentions if m.trusted and m.unit == "percent" and m.role is None]
    share = r.one("coverage") or r.one("share") or (loose[0] if len(loose) == 1 else None)
    if share is None:
        return {}
    args: dict[str, Any] = {"coverage_percent": share.value}
    if _has(vocabulary()["amounts"]["spend"], r.folded):
        args["coverage_basis"] = "spend"  # "70% of suppliers by spend", "占采购支出八成"
    return args


def _scope3_required(r: Reading, rs: dict[str, Any]) -> Plan | None:
    s3, s12, s1, s2 = r.one("s3"), r.one("s12"), r.one("s1"), r.one("s2")
    share = r.one("scope3_share") or r.one("share")
    use_phase = r.one("use_phase")
    if share and not s3:
        return Plan(
            "calculation",
            "scope3_required",
            {"scope1": 100.0 - share.value, "scope2": 0.0, "scope3": share.value, **rs},
        )
    if s3 and s1 and not (s12 or s2) and not use_phase:
        # scope 1 without scope 2: the share of scope 3 needs both (never a scope 2 of zero by default)
        return _clarify_or_fact(r, "scope3_required", ["scope2_emissions"], "")
    s12 = s12 or r.one("total_s12")  # "范围一加二合计4.5万吨": scope 1+2 stated as their total
    if s12 and s1 and s2 and s12.value < s1.value + s2.value:
        # "scope 1 = 6,000 t, scope 2 = 14,000 t … Plant No. 3 (about 1,200 t of our scope 1+2)": a part of scope
        # 1+2, not the company's (round-10 dev e-mail)
        s12 = None
    every = r.one("total_s123")
    if s3 and every and not (s12 or s1 or s2) and every.value > s3.value:
        # "范围一二三合计5万吨,其中范围三3.8万吨": scope 1+2 is what the total leaves
        s12 = replace(every, value=every.value - s3.value, role="s12")
    if s3 and (s12 or s1):
        args: dict[str, Any] = {
            "scope1": (s12 or s1).value,  # type: ignore[union-attr]
            "scope2": s2.value if (s2 and not s12) else 0.0,
            "scope3": s3.value,
        }
        if use_phase:
            # left out of the 40% test as §6.2 allows, unless the question counts it in ("算上洗涤排放的话,范围三
            # 占比是多少?", "including the use phase"; round-13 dev e-mail)
            counted = _has(vocabulary()["amounts"]["use_phase_counted"], r.folded) and "exclusion" not in r.topics
            args.update(indirect_use_phase=use_phase.value, remove_indirect_use_phase=not counted)
        return Plan("calculation", "scope3_required", {**args, **rs})
    if s3 or s12 or s1:
        return _clarify_or_fact(r, "scope3_required", ["scope12_emissions" if s3 else "scope3_emissions"], "")
    return None


def _intensity(r: Reading, rs: dict[str, Any], base: Mention | None, target: Mention | None) -> Plan | None:
    cut = r.one("intensity_reduction") or r.one("reduction")
    growth = r.one("growth")
    held = r.one("absolute_change")  # "absolute scope 3 will still go up about 8%"
    missing = _missing_years(base, target)
    if not (cut or growth):
        if r.ambitions and r.intent & {"calculate", "need"}:
            # "a per-pair intensity target in line with 1.5°C, 2022–2030: how far must intensity fall?" depends on
            # how much production grows; without it the answer is a question back, not the absolute cut
            # (round-12/13 dev calc)
            return _clarify_or_fact(r, "required_intensity_reduction", [*missing, "activity_growth_percent"], "")
        return None
    asking = fold(asking_text(r.text))
    absolute = _has(vocabulary()["intent"]["absolute"], asking) and not _has(
        vocabulary()["intent"]["absolute_held"], asking
    )
    if cut and not growth and absolute:
        # "a 38% cut per garment: what does that mean for absolute emissions?" needs the growth of production;
        # the cut is the asker's own figure, so this asks about their case
        return Plan("clarify", "intensity_to_absolute", missing=("activity_growth_percent",))
    # "intensity −35%, output +25%: what happens to absolute emissions?" — the change over the period needs no
    # years (round-10 dev calc), even with one year named ("go down 40% by 2030 while output goes up 80%"); only a
    # yearly growth needs the span
    undated = bool(cut and growth and not growth.per_year and missing)
    args: dict[str, Any]
    if missing and not undated:
        return _clarify_or_fact(r, "intensity_to_absolute", missing, "")
    years = (
        {"base_year": None, "target_year": None}
        if undated
        else {"base_year": _year(base), "target_year": _year(target)}
    )
    rule_checked = "check" in r.intent and not (r.ambition or _asked_ambition(r)) and not absolute
    if cut and (growth or held) and rule_checked and not undated:
        # "cut emissions per pair by three-tenths 2023–2035, production +35%: does that satisfy the physical
        # intensity option?" is the intensity rule's check, which weighs the growth (or the absolute change the
        # asker states) for the "no absolute increase" condition (round-25 calc, dev since)
        args = {**years, "intensity_reduction_percent": cut.value, **rs}
        if held:
            args["absolute_emissions_change_percent"] = held.value
        elif growth:
            args.update(activity_growth_percent=growth.value, growth_is_annual=growth.per_year)
        if r.scopes:
            args["scope"] = _scope(r)
        return Plan("calculation", "physical_intensity_rate", args)
    if cut and growth:
        args = {
            **years,
            "intensity_reduction_percent": cut.value,
            "activity_growth_percent": growth.value,
            "growth_is_annual": growth.per_year,
        }
        emissions = _emissions(r)
        if emissions:
            args["base_emissions"] = emissions.value
        asked = r.ambition or _asked_ambition(r)
        if asked and not undated:
            args["ambition"] = asked  # "… what happens to absolute emissions, and does that meet 1.5°C?"
        return Plan("calculation", "intensity_to_absolute", {**args, **rs})
    if growth:
        if not r.ambition:
            return _clarify_or_fact(r, "required_intensity_reduction", ["ambition"], "")
        args = {**years, "activity_growth_percent": growth.value, "growth_is_annual": growth.per_year}
        return Plan(
            "calculation", "required_intensity_reduction", {**args, "ambition": r.ambition, "scope": _scope(r), **rs}
        )
    assert cut is not None
    return Plan("calculation", "physical_intensity_rate", {**years, "intensity_reduction_percent": cut.value, **rs})
