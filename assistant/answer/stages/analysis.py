"""Question analysis: the asker's language; every number of the question with its role; rule numbers the
asker states (to be checked); and follow-ups joined to the question they follow ("and for scope 3?")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from assistant.answer.understanding.answerability import what_is_asked
from assistant.answer.understanding.planning import NOT_COMPUTED, plan_question
from assistant.answer.understanding.premises import Premise, find_premises
from assistant.answer.understanding.reading import (
    Reading,
    complete_with,
    cue_pattern,
    fold,
    is_follow_up,
    merge_follow_up,
    read_question,
    vocabulary,
    year_of_figures,
)
from assistant.text.language import detect_language
from tools.errors import LocalizedError
from tools.i18n import LANGS, Lang, as_lang
from tools.rules import DEFAULT_RULE_SET


@dataclass(frozen=True)
class Analysis:
    question: str
    language: Lang
    reading: Reading
    follow_up: bool = False
    premises: list[Premise] = field(default_factory=list)
    context: str = ""  # the facts stated around the question (an e-mail's)
    about: list[str] = field(default_factory=list)  # the sites or suppliers of that message it is about


_COMPUTED_TOPICS = frozenset(
    {"geva", "intensity", "renewable", "supplier", "coverage", "exclusion", "timeframe", "submission", "use_phase"}
)


def asks_for_computation(r: Reading) -> bool:
    """The question asks for a result about the asker's own figures ("Is that enough for 1.5°C?", "Do we
    need a scope 3 target?") — only then do the facts stated around it count as its inputs."""
    about_figures = bool(r.ambitions or r.topics & _COMPUTED_TOPICS or any(m.role and m.trusted for m in r.mentions))
    # "届时范围一加二排放上限是多少吨?": tonnes of a scope, asked of the figures the e-mail states (round-13 dev)
    about_figures = about_figures or bool(r.scopes and "tonnes" in r.intent)
    if about_figures and r.intent & {"calculate", "check", "own"}:
        return True  # "is that enough?", "what would our maximum emissions be in 2032 under 1.5°C?"
    return "need" in r.intent and bool(r.scopes) and "own" in r.intent


def _names_one_of(question: str, names: list[str]) -> bool:
    """The question names one of ``names`` (sites or suppliers), whole or by a first word of four letters or more."""
    folded = fold(question)
    for name in names:
        core = fold(name).strip()
        words = re.findall(r"[a-z]{4,}", core)
        if core and core in folded or (words and re.search(rf"(?<![a-z]){words[0]}(?![a-z])", folded)):
            return True
    return False


# "also", "besides": a new question, unless it names nothing of its own
# ("And is their current scope 1+2 target ambitious enough?" asks anew; "And for 1.5°C?" leans; round-22 dev e-mail;
# "and what will their absolute scope 3 be in 2034 with that target?" points back, so leans; round-24 e-mail)
_ADDITIVE = re.compile(
    r"\s*(?:还有|另外|此外|also\b|and also\b|besides\b|ngoài ra|ngoai ra|thêm nữa|"
    r"and (?:is|are|does|do|did|can|could|should|would|will|what|which|how|who|when|where)\b"
    r"(?!.*\b(?:that|this|these|those|it|such)\b))",
    re.IGNORECASE,
)
_METHODS = re.compile(r"绝对收缩|absolute contraction|giảm tuyệt đối|giam tuyet doi|geva|强度|intensity", re.IGNORECASE)


# a question word of its own ("gửi email cho địa chỉ nào?") against "the same again" ("còn nhà máy A thì sao?")
_OWN_QUESTION = re.compile(r"(?<![a-z])(?:nao|gi|what|which|where|who|whom|how many|how much)(?![a-z])|哪|什么|谁|多少")
_SAME_AGAIN = re.compile(r"(?<![a-z])(?:thi sao|the nao|what about|how about)(?![a-z])|呢[?？]?\s*$")


def _has_method(r: Reading) -> bool:
    return bool(_METHODS.search(r.text))


def asks_about_stated_figures(r: Reading) -> bool:
    """In a message that states the company's figures, "is a scope 3 target mandatory?" asks about them even
    without "we" or "our" (round-5 dev e-mails: "Co bat buoc dat muc tieu pham vi 3 khong?", "Is this
    supplier required to set a scope 3 target?")."""
    return asks_for_computation(r) or ("need" in r.intent and bool(r.scopes))


class QuestionAnalysis:
    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars

    def validate(self, question: str, lang: str | None) -> tuple[str, Lang]:
        """The cleaned question and the asker's language; an empty or over-long question is an error
        in that language (``lang`` if given, else the question's)."""
        q = unicodedata.normalize("NFC", question or "").replace("\x00", "").strip()
        guess: Lang = as_lang(lang) if lang in LANGS else (detect_language(q) if q else "en")
        if not q:
            raise LocalizedError("empty_question", lang=guess, status=422)
        if len(q) > self.max_chars:
            raise LocalizedError("question_too_long", lang=guess, status=422, limit=self.max_chars)
        return q, guess

    def run(
        self,
        question: str,
        lang: str | None,
        previous: list[str] | None = None,
        context: str | None = None,
        earlier: list[str] | None = None,
        about: list[str] | None = None,
    ) -> Analysis:
        """``previous``: earlier questions of the conversation (a follow-up takes their figures);
        ``context`` and ``earlier``: the facts stated around the question and the questions before it in the
        same message (an e-mail's "our base year is 2021"), used only when the question asks for a
        computation its own words cannot complete."""
        q, language = self.validate(question, lang)
        reading = read_question(q, language)
        if about and context:
            # "Can Hanoi Trims leave out the shuttle buses?": a site or supplier the message gives figures for is
            # the asker's own to ask about, as "we" is (round-19 dev e-mails)
            reading = replace(reading, intent=reading.intent | {"own"})
        computes = asks_for_computation(reading)
        # "Còn nhà máy A thì sao?" leans on the question before it even without figures of its own when the
        # message states the figures it is about (a table row offered to it)
        stated = bool(context and re.search(r"\d", context))
        leans = is_follow_up(q) and bool(reading.ambitions or reading.scopes or reading.mentions or stated)
        before = (previous or []) + (earlier or [] if computes or leans else [])
        # "还有,中国电网今年最新的排放因子是多少?" opens like a follow-up but asks what no calculation gives
        follow_up = bool(before) and is_follow_up(q) and what_is_asked(q, language).kind not in NOT_COMPUTED
        own = reading.ambitions or reading.scopes or reading.mentions or reading.topics
        asks_own = bool(_OWN_QUESTION.search(fold(q))) and not _SAME_AGAIN.search(fold(q))
        if follow_up and asks_own and not (own or reading.intent & {"calculate", "check", "tonnes", "absolute"}):
            # "Nếu cần hỏi thêm về MCAP thì gửi email cho địa chỉ nào?" opens like "if so…" but asks nothing of
            # the figures before it (round-14 dev e-mail: it repeated the renewable check)
            follow_up = False
        if follow_up and _ADDITIVE.match(q) and (reading.scopes or reading.topics or _has_method(reading)):
            # "还有,范围三如果用绝对收缩法,最低要对齐哪个温升情景?" opens a new question about its own subject; only
            # "还有,2°C呢?" leans on the one before (round-14 dev e-mail)
            follow_up = False
        if follow_up:
            last = read_question(before[-1], language)
            if _names_one_of(q, about or []):
                # "And is Golden Step's 15% at least well-below 2°C?" after "Does Sunrise's 30% cut…": the question
                # before is asked again of another supplier, whose figures are not Sunrise's (round-19 dev e-mail)
                last = replace(last, mentions=[])
            reading = merge_follow_up(last, reading)
        facts = read_question(context, language) if context and context.strip() else None
        # "原始分加起来一共几分?" after "客户目前能满足的指标有:1.1.1、1.1.3…": the points of the indicators the message lists
        # (round-19 dev e-mail); "这一项满分几分?" beside dimension rates asks the documents
        rates = facts is not None and any((m.role or "").startswith("cati_dim") for m in facts.mentions)
        total = any(cue_pattern(w).search(fold(q)) for w in vocabulary()["intent"]["total_score"])
        points = "points" in reading.intent and facts is not None and (bool(facts.cati_ids) or (rates and total))
        # the merged reading, after a follow-up, decides whether the stated facts are its inputs
        if facts is not None and (asks_about_stated_figures(reading) or points):
            if not facts.ambitions:  # "on that pathway": the one an earlier question of the message named
                named = (read_question(p, language).ambitions for p in reversed(earlier or []))
                facts = replace(facts, ambitions=next((a for a in named if a), []))
            reading = _with_facts(reading, facts)
        if earlier and plan_question(reading).kind == "clarify":
            reading = _with_earlier_dates(reading, earlier, language)
        premises = find_premises(reading, reading.rule_set or DEFAULT_RULE_SET)
        return Analysis(q, language, reading, follow_up, premises, context or "", list(about or []))


# facts an e-mail states that only some questions are about: "we submit in March 2025" must not turn
# "is a 35% cut by 2030 enough for 1.5°C?" into a timeframe check, nor "we'd leave 2,900 t out of the
# boundary" turn "do we need a scope 3 target?" into an exclusion check (round-6 dev e-mails)
_SITUATIONAL = {
    "submission": frozenset({"timeframe", "submission", "supplier"}),
    "submission_date": frozenset({"timeframe", "submission", "supplier"}),
    "inventory_year": frozenset({"timeframe", "submission", "supplier"}),
    "excluded": frozenset({"exclusion"}),
}


# when the company submits, and its latest inventory: stated once, often inside an earlier question ("我们计划2025年向
# SBTi提交目标,…GEVA…要降多少?"), and true of every later question of the message (round-14 dev e-mail)
_COMPANY_DATES = frozenset({"submission", "submission_date", "inventory_year"})


def _with_earlier_dates(reading: Reading, earlier: list[str], language: str) -> Reading:
    """A question asked back for a date the message stated in an earlier question takes it from there."""
    for text in reversed(earlier):
        facts = read_question(text, language)
        dates = [m for m in facts.mentions if m.role in _COMPANY_DATES and m.trusted]
        if not dates:
            continue
        merged = complete_with(reading, replace(facts, mentions=dates, ambitions=[]))
        if plan_question(merged).kind == "calculation":
            return merged
    return reading


# figures an e-mail states as a plan to be judged, not as a fact of the company
_PROPOSALS = frozenset({"reduction", "intensity_reduction", "premise"})


def _with_facts(reading: Reading, facts: Reading) -> Reading:
    """The question's reading completed with the facts stated around it, when they complete a
    calculation the question's own words ask for (never one the facts alone suggest)."""
    alone = plan_question(reading)
    # the year of the figures first: an inventory year that dates the stated amounts may be their base year
    facts = year_of_figures(facts, reading, {m.role for m in reading.mentions if m.role and m.trusted})
    about = [m for m in facts.mentions if m.role not in _SITUATIONAL or reading.topics & _SITUATIONAL[m.role]]
    # a role the e-mail states twice with different values ("target year 2036" for the company, "by 2031" for its
    # suppliers) is no fact a question can take: it would only make the question ambiguous (round-18 e-mail)
    # (years and dates only: amounts of one role add up, "covers 31,000 t and 4,500 t")
    values: dict[str, set[float]] = {}
    for m in about:
        if m.role and m.trusted and m.unit in ("year", "date"):
            values.setdefault(m.role, set()).add(m.value)
    about = [m for m in about if not (m.role and len(values.get(m.role, ())) > 1)]
    facts = replace(facts, mentions=about)
    merged = complete_with(reading, facts)
    plan = plan_question(merged)
    if plan.kind == "calculation" and alone.calculator not in (None, plan.calculator):
        # a cut another question of the e-mail proposes ("the chairman wants 30% by 2030. Is that enough?")
        # must not turn "what cut do we need by 2030?" into a check of it (round-13 dev e-mail)
        unproposed = replace(facts, mentions=[m for m in facts.mentions if m.role not in _PROPOSALS])
        retry = complete_with(reading, unproposed)
        retry_plan = plan_question(retry)
        if retry_plan.calculator == alone.calculator:
            merged, plan = retry, retry_plan
    if plan.kind == "calculation" and alone.calculator in (None, plan.calculator):
        return merged  # a calculation the question could already run may still take its base emissions
    if alone.kind == "calculation":
        return reading
    if plan.kind == "clarify" and alone.kind == "clarify":
        return merged
    if (
        plan.kind == "clarify"
        and plan.calculator in _PARTS_OF_AN_INVENTORY
        and "need" in reading.intent | merged.intent
    ):
        # "范围三是不是必须设目标?" where the message states scope 3 and not scope 1+2: its own check, asked back for
        # the part of the inventory it lacks, not the rule alone (round-24 e-mail, dev since)
        return merged
    return reading


# checks that take the parts of one inventory: a message stating some of them asks for the rest
_PARTS_OF_AN_INVENTORY = frozenset({"scope3_required"})
