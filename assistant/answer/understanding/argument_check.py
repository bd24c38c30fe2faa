"""Cross-check of calculator arguments a model read from a question against the deterministic reading.

The model (LLM mode) fills the routed calculator's arguments through structured output; nothing it gives
is used unless the question states it. The rules (issue 14, item 6):
- a figure (a number, a year, a date, an indicator id) the model gives must be one the reader found in the
  question or the facts around it, outside quoted text, pasted instructions and the asker's own rule numbers;
- where the plan already has a figure and the model gives another stated figure, the two readings disagree
  and the plan becomes a clarifying question naming both;
- where the plan asks for an input, the figures the model gives take its roles (``argument_roles.toml``) when
  the reader left them without one, and the deterministic planner plans again: the question is answered only
  when that plan is a calculation with every input and agrees with the model on every figure both give;
- everything else the model says (a figure not in the question, a choice of ambition or scope, a flag) is set
  aside: the deterministic plan decides those.
Pure: no LLM, no I/O."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from assistant.answer.understanding.planning import OPEN_TO_READING, Plan, plan_question, target_scope
from assistant.answer.understanding.reading import Mention, Reading
from tools.cati import DIMENSION_ARGUMENTS
from tools.schema import CalculatorSpec

CheckVerdict = Literal["agreed", "filled", "disputed", "unchanged"]

# argument types whose values are figures stated in a question (the rest are choices: ambition, scope, flags)
_FIGURE_TYPES = frozenset({"integer", "number"})
_ID_LISTS = frozenset({"indicator_ids"})
_DATES = frozenset({"submission_date"})
_AMOUNTS = frozenset({"t", "mwh"})


@dataclass(frozen=True)
class ArgumentCheck:
    """What the check made of the model's arguments, and the plan that follows."""

    verdict: CheckVerdict
    plan: Plan
    agreed: dict[str, Any] = field(default_factory=dict)
    filled: dict[str, Any] = field(default_factory=dict)
    disputed: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    not_stated: dict[str, Any] = field(default_factory=dict)  # the model's figures the question does not state
    ignored: dict[str, Any] = field(default_factory=dict)  # choices and inputs the plan did not ask for


@cache
def figure_arguments(spec: CalculatorSpec) -> frozenset[str]:
    """The calculator's arguments whose values are figures a question states (numbers, years, dates, ids)."""
    names: set[str] = set()
    for name, prop in spec.json_schema().get("properties", {}).items():
        types = {prop.get("type")} | {alt.get("type") for alt in prop.get("anyOf", [])}
        if types & _FIGURE_TYPES or name in _ID_LISTS or name in _DATES:
            names.add(name)
    return frozenset(names)


def stated_mentions(r: Reading) -> list[Mention]:
    """The figures the asker states: every number read, less the ones set aside (quotes, instructions) and
    the asker's own rule numbers ("1.5°C needs 2% a year" is a premise to correct, not an input)."""
    aside = {(m.start, m.end) for m in r.set_aside}
    # a rule number is a share, a rate or a count of years; an amount the reader took for part of a premise is
    # the asker's own ("scope one and two is twenty one thousand tonnes … SBTi lets you exclude up to ten
    # percent": round-28 dev calc)
    return [m for m in r.mentions if (m.start, m.end) not in aside and (m.role != "premise" or m.unit in _AMOUNTS)]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return sorted(map(str, a)) == sorted(map(str, b))
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    return str(a) == str(b)


def _matching(name: str, value: Any, r: Reading, stated: list[Mention]) -> list[Mention] | None:
    """The stated mentions ``value`` is read from; ``None`` when the question does not state it."""
    if name in _ID_LISTS:
        ok = isinstance(value, list) and bool(value) and all(str(v) in r.cati_ids for v in value)
        return [] if ok else None
    if name in _DATES:
        found = [m for m in stated if m.date == str(value)]
        return found or None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    found = [m for m in stated if m.unit != "date" and _same(m.value, value)]
    return found or None


def check_arguments(plan: Plan, proposed: dict[str, Any], reading: Reading, spec: CalculatorSpec) -> ArgumentCheck:
    """Compare the model's ``proposed`` arguments for ``plan.calculator`` with the plan (see the module's rules).

    A calculation is kept or disputed; a clarifying question is planned again with the roles the model gave
    to figures the reader left without one, and runs only when the planner then finds every input."""
    figures = figure_arguments(spec)
    stated = stated_mentions(reading)
    agreed: dict[str, Any] = {}
    disputed: dict[str, tuple[Any, Any]] = {}
    not_stated: dict[str, Any] = {}
    ignored: dict[str, Any] = {}
    offered: dict[str, list[Mention]] = {}
    for name, value in proposed.items():
        if name not in figures:
            ignored[name] = value
            continue
        mine = plan.arguments.get(name)
        if mine is not None and _same(mine, value):
            agreed[name] = value
            continue
        found = _matching(name, value, reading, stated)
        if found is None:
            not_stated[name] = value
        elif mine is not None and _matching(name, mine, reading, stated) is None:
            # the plan's figure is worked out from stated ones (a sum of parts, a yearly rate over the years, a
            # share of 100); the model, told never to compute, cannot contradict it (round-27 dev calc)
            ignored[name] = value
        elif mine is not None:
            disputed[name] = (mine, value)
        elif plan.kind == "clarify":
            offered[name] = found
        else:
            ignored[name] = value  # an input the complete plan does without
    if disputed:
        new = replace(
            plan,
            kind="clarify",
            missing=(),
            disputed=tuple((n, a, b) for n, (a, b) in disputed.items()),
            reason="the model read other figures",
        )
        return ArgumentCheck("disputed", new, agreed, {}, disputed, not_stated, ignored)
    if plan.kind == "clarify" and plan.calculator and offered:
        given = _with_roles(reading, plan.calculator, {n: proposed[n] for n in offered}, offered, set(proposed))
        if given is not None:
            again = plan_question(given)
            # the planner may now pick another calculator for the same figures ("base 2022 target 2030, 30%: enough
            # for 1.5°C?" was two target years to ask about; with the years told apart it is a check of the 30%)
            if again.kind == "calculation":
                clash = {
                    n: (again.arguments[n], v)
                    for n, v in proposed.items()
                    if n in figures
                    and n in again.arguments
                    and n not in not_stated
                    and not _same(again.arguments[n], v)
                }
                if not clash:
                    filled = {n: again.arguments[n] for n in offered if n in again.arguments}
                    return ArgumentCheck("filled", again, agreed, filled, {}, not_stated, ignored)
                ignored.update({n: v for n, (_, v) in clash.items()})
        ignored.update({n: proposed[n] for n in offered})
    verdict: CheckVerdict = "agreed" if agreed else "unchanged"
    return ArgumentCheck(verdict, plan, agreed, {}, {}, not_stated, ignored)


# what the asker's words say they want when a documents plan may still be a calculation (reading.py's intents)
_WANTS_RESULT = frozenset({"calculate", "check", "need", "own", "tonnes", "points"})


def open_to_reading(plan: Plan, reading: Reading) -> bool:
    """A documents plan the model may read figures for: the reader found no figure it could use, the asker wants
    a result of their own, and the question states figures."""
    if plan.kind != "fact" or not plan.reason.endswith(OPEN_TO_READING):
        return False
    return bool(reading.intent & _WANTS_RESULT) and bool(stated_mentions(reading))


def check_choice(plan: Plan, proposed: dict[str, Any], reading: Reading, spec: CalculatorSpec) -> ArgumentCheck:
    """A documents plan for which the model chose ``spec``'s calculator and read its arguments: the figures take
    the model's roles as for a question back, and the answer is a calculation only when the planner, planning
    again, finds one with every input; otherwise the documents plan stands."""
    required = tuple(n for n in spec.json_schema().get("required", []) if n in figure_arguments(spec))
    asked = Plan("clarify", spec.name, missing=required, reason=f"the model chose {spec.name}")
    check = check_arguments(asked, proposed, reading, spec)
    if check.verdict == "filled":
        return check
    direct = _direct_plan(spec, proposed, reading)
    if direct is not None:
        filled = {n: v for n, v in direct.arguments.items() if n in figure_arguments(spec)}
        ignored = {n: v for n, v in check.ignored.items() if n not in filled}
        return ArgumentCheck("filled", direct, check.agreed, filled, {}, check.not_stated, ignored)
    return ArgumentCheck("unchanged", plan, check.agreed, {}, {}, check.not_stated, check.ignored)


def _direct_plan(spec: CalculatorSpec, proposed: dict[str, Any], reading: Reading) -> Plan | None:
    """The chosen calculator with the model's figures, when the planner does not reach it by itself (its cues
    for the kind of question are missing, as in run-on speech): every required figure stated and free to take
    the model's role, and the choices the asker must make (an ambition without a default) named in the question.
    Choices come from the reading, never from the model."""
    figures = figure_arguments(spec)
    stated = stated_mentions(reading)
    found = {n: m for n, v in proposed.items() if n in figures and (m := _matching(n, v, reading, stated)) is not None}
    values = {n: proposed[n] for n in found}
    if _with_roles(reading, spec.name, values, found, set(proposed)) is None:
        return None
    properties = spec.json_schema().get("properties", {})
    arguments: dict[str, Any] = dict(values)
    alone = argument_roles().get("alone", {}).get(spec.name, {})
    if "scope2" in properties and "scope2" not in arguments and "scope1" in alone and "scope1" in arguments:
        arguments["scope2"] = 0.0  # scope 1 given alone is scope 1+2 together, as the planner reads it
    if "ambition" in properties:
        if reading.ambition:
            arguments["ambition"] = reading.ambition
        elif properties["ambition"].get("default") is not None:
            return None  # the level of ambition is the asker's to name
    if "scope" in properties and properties["scope"].get("default") == "s1+s2":
        arguments["scope"] = target_scope(reading)
    if "rule_set" in properties and reading.rule_set:
        arguments["rule_set"] = reading.rule_set
    if "growth_is_annual" in properties and "activity_growth_percent" in values:
        arguments["growth_is_annual"] = any(m.per_year for m in found["activity_growth_percent"])
    if any(n not in arguments for n in spec.json_schema().get("required", [])):
        return None
    return Plan("calculation", spec.name, arguments, reason=f"the model chose {spec.name} and read its figures")


@cache
def argument_roles() -> dict[str, Any]:
    with (Path(__file__).with_name("argument_roles.toml")).open("rb") as f:
        return tomllib.load(f)


def _roles_of(calculator: str, name: str, given: set[str]) -> list[str]:
    """The roles a figure for ``name`` may carry, the one to give it first; none: the argument has no role."""
    table = argument_roles()
    dimensions = {arg: f"cati_dim_{d}" for d, arg in DIMENSION_ARGUMENTS.items()}
    alone = table.get("alone", {}).get(calculator, {})
    if name in alone and not given & {"scope2"}:
        role: Any = alone[name]
    else:
        role = table.get(calculator, {}).get(name) or table["default"].get(name) or dimensions.get(name)
    if not role:
        return []
    return [str(r) for r in role] if isinstance(role, list) else [str(role)]


def _with_roles(
    reading: Reading, calculator: str, values: dict[str, Any], found: dict[str, list[Mention]], given: set[str]
) -> Reading | None:
    """The reading with the model's roles on figures the reader left without a role of their own (none, or one
    two figures claim); ``None`` when a figure the model uses carries another role the reader is sure of (the two
    readings differ: nothing is changed)."""
    mentions = list(reading.mentions)
    place = {id(m): i for i, m in enumerate(reading.mentions)}
    for name, value in values.items():
        roles = _roles_of(calculator, name, given)
        if not roles:
            return None
        candidates = [mentions[place[id(c)]] for c in found[name]]
        held = [m for m in candidates if m.role in roles and m.trusted]
        role = held[0].role if held else roles[0]
        # a role two figures claim is not the reader's reading of either ("base 2022 target 2030" read as two targets)
        free = [m for m in candidates if not (m.role and m.trusted and not reading.ambiguous(m.role))]
        if not (held or free):
            return None
        chosen = (held or free)[0]
        for i, m in enumerate(mentions):
            if m is chosen:
                mentions[i] = replace(m, role=role, trusted=True, cue=m.cue if held else "model")
            elif m.role == role and not _same(m.value, value):
                # two figures claimed the role ("base year 2023 … last year's plan used 2021"); the model chose one
                mentions[i] = replace(m, role=None)
    return replace(reading, mentions=mentions)
