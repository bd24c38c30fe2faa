"""Answerability: does an evidence sentence state what the question asks?

A question asks for a kind of answer — an amount of money (fee, price, cost), a penalty, an emission factor, a
quantity, a date or deadline, a person, a ranking — or something open (a rule, a definition, a list), and
about something (its key words). The documents answer it only when one evidence segment (its original words
or our translation of them) carries both: the kind of value, and enough of the question's key words. An MCAP
passage without a figure in money does not state the MCAP fee, however close it reads.

A question with several parts ("…minimum coverage, and how much does validation cost?") is split, so each
part is answered or named as not covered on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.answer.understanding.reading import _has, cue_pattern, fold, vocabulary
from assistant.text.numbers import read_numbers
from assistant.text.tokenize import first_word_class, tokenize

_MONEY = re.compile(
    r"\d[\d.,]*\s?(?:usd|us\$|\$|eur|€|vnd|đồng|dong|元|美元|欧元|人民币|yuan|rmb|dollars?|euros?|tỷ usd|triệu usd)"
    r"|(?:usd|us\$|\$|€|¥|rmb)\s?\d",
    re.IGNORECASE,
)
# an emission factor is a figure per unit ("0.7 tCO2/MWh", "2.1 kg CO2e per kg", "每千瓦时0.58千克"); the word
# "emission factor" beside a citation year ("排放因子(可持续服装联盟,2019a") states none
_FACTOR = re.compile(
    r"\d[\d.,]*\s?(?:kg|g|t|tonnes?|吨|千克|公斤)\s?(?:co2e?|co₂e?|二氧化碳(?:当量)?)?\s?(?:/|per|每|moi|tren)\s?"
    r"(?:kwh|mwh|gwh|kg|t|tonne|unit|litre|liter|lit|km|千克|公斤|吨|兆瓦时|千瓦时|度|升|单位)"
    r"|每(?:千瓦时|兆瓦时|度电|千克|公斤|吨)[^。；]{0,8}\d",
    re.IGNORECASE,
)
# a telephone number: "+84 28 3823 1234", "(028) 3823-1234", "400-123-4567"
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}")
_TENTHS = re.compile(r"[一二两三四五六七八九十\d]成")  # 三成: 30%
# CO2 per unit of a fuel or material, asked without the words "emission factor" (round-8 dev data: "1 tan than
# thai ra bao nhieu tan CO2?"); read on folded text
_ONE_UNIT = r"(?:(?<![\d.,])1|mot|moi|each|one|per|every|每)\s*(?:tan|kg|kwh|mwh|lit|litre|liter|tonnes?|tons?|t|吨|千克|公斤|度|升|千瓦时)(?![a-z])"
_PER_UNIT = re.compile(
    rf"{_ONE_UNIT}[^?？]{{0,40}}(?:bao nhieu|how much|多少)[^?？]{{0,20}}(?:co2|carbon|二氧化碳)"
    rf"|{_ONE_UNIT}[^?？]{{0,40}}(?:co2|carbon|排放|thai ra|phat thai|emits?)[^?？]{{0,12}}(?:bao nhieu|how much|多少)"
)
_INTENSITY = re.compile(r"intensity|cuong do|强度|per pair|moi doi|每双|per product|单位产品")
_NUMBER = re.compile(r"\d|[一二两三四五六七八九十百千万]")
_YEAR_OR_DATE = re.compile(
    r"(?:19|20)\d\d|\d{1,2}月|tháng\s?\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
# a span of time, read on folded text (no diacritics): "six months", "5–15 years", "六个月内", "nhiệm kỳ 2 năm"
_DURATION = re.compile(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|mot|hai|ba|bon|nam|sau|bay|tam|chin"
    r"|muoi|[一二两三四五六七八九十半])[\s-]*(?:[–~至到]\s*\d+\s*)?(?:个)?\s*"
    r"(?:years?|months?|weeks?|days?|hours?|nam|thang|tuan|ngay|gio|年|月|周|星期|天|日|小时)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_NOUN_AFTER = {
    "en": re.compile(r"how many ([a-z][a-z-]+(?: [a-z][a-z-]+)?)"),
    "vi": re.compile(r"bao nhieu ([a-z][a-z]+(?: [a-z]+)?)"),
    "zh": re.compile(r"多少(?:个|家|名|位|项|种|次)?([\u4e00-\u9fff]{1,2})"),
}
# a counter or unit between a number and what it counts: "400 多名验证员", "958升水" (round-8 dev data)
_ZH_COUNTERS = "个|家|名|位|项|种|次|升|吨|千克|公斤|公里|米|度|千瓦时|兆瓦时"
# jieba word classes that never name what is counted: adverb, conjunction, particle, pronoun, modal
_NOT_COUNTED_CLASSES = ("d", "c", "u", "r", "y", "p")
_ZH_MEASURE = re.compile(r"^(?:小时|年|吨|分|天|月|周|倍|度|万|亿|千|百|比|成|钱|个百|%)")


def _is_measure(noun: str) -> bool:
    """Words after "how many"/"bao nhiêu"/"多少" that ask for a figure (hours, points, percent), not for
    things to count (factories, members): a figure need not repeat its unit's word."""
    asks = vocabulary()["asks"]
    head = noun.split()[0]
    return (
        head in asks["measures"]
        or head in asks["fillers"]
        or bool(_ZH_MEASURE.match(noun))
        or any(noun.startswith(f) for f in asks["fillers"] if not f.isascii())
    )


def _function_start(noun: str) -> bool:
    """Chinese characters after 多少 that open with an adverb, conjunction, particle or pronoun ("要减多少才合适":
    才), not a noun that is counted (round-10 dev calc)."""
    if not re.match(r"[\u4e00-\u9fff]", noun):
        return False
    return first_word_class(noun).startswith(_NOT_COUNTED_CLASSES)


@dataclass(frozen=True)
class Asked:
    # "money" | "penalty" | "emission_factor" | "phone" | "share" | "quantity" | "date" | "duration" | "person" |
    # "ranking" | "open"
    kind: str
    noun: str | None = None  # what a "how many" counts, folded ("nha may", "factories", "工厂")
    deadline: bool = False
    places: frozenset[str] = frozenset()  # the countries and cities the question names (vocabulary [places])
    years: frozenset[str] = frozenset()  # the years it names: "the 2024 figure" is not stated by a 2019 passage
    # the names the question states: "who was CEO before Colin Browne?" is not answered by a passage that
    # names only Colin Browne (round-10 dev data)
    names: frozenset[str] = frozenset()
    # what a date is asked of ("founded", "held", "published"): the passage must name one of them. Several
    # when the words are ambiguous: "tổ chức" is both "held" and "organisation" ("do những tổ chức nào
    # phát hành, năm nào?" asks when a report was published; round-8 dev data)
    events: tuple[str, ...] = ()


def places_named(text: str) -> frozenset[str]:
    """The places (keys of the vocabulary's ``[places]``) that ``text`` names, in any language's form."""
    folded = fold(text)
    return frozenset(place for place, names in vocabulary()["places"].items() if _has(names, folded))


# a clause's end: the asker's description of themselves is read clause by clause
_CLAUSE = re.compile(r"[^,，:：;；.。!！?？\n]+")
# a capitalised name after "in", "ở", "tại": where the asker's factory is ("in Dong Nai", "o Binh Duong")
_LOCATED = re.compile(r"(?<![\w])(?:in|ở|o|tại|tai)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,2})")


def asker_places(question: str, known: Callable[[str], bool] | None = None) -> list[str]:
    """The places (as written) in the clauses where the asker describes themselves ("we're a footwear supplier in
    Dong Nai", "nhà máy giày của bọn em ở Long An", "我们在江苏的工厂"): where the asker is, not what is asked about, so
    no passage need name them (round-30 dev data: seven of 21 answerable questions were declined because the
    documents do not name the asker's province). A place in a clause without a first-person word stays; a
    capitalised name after "in" / "ở" counts only when ``known`` (does an indexed text use this folded word?) says
    one of its words is not the documents' ("we're in MCAP" keeps MCAP)."""
    asks = vocabulary()["asks"]
    places = [n for names in vocabulary()["places"].values() for n in names]
    out: list[str] = []
    for m in _CLAUSE.finditer(question):
        clause = m.group()
        folded = fold(clause)
        # "Hồ Chí Minh" is a name, not the asker's "mình"
        unnamed = _NAME.sub(" ", clause)
        if not (_has(asks["asker_words"], fold(unnamed)) or _has(asks["asker_words_marked"], unnamed.lower())):
            continue
        for name in places:
            out += [clause[p.start() : p.end()] for p in cue_pattern(name).finditer(folded)]
        for p in _LOCATED.finditer(clause):
            words = p.group(1).split()
            while words and not words[-1][0].isupper():
                words.pop()
            if words and (known is None or not all(known(fold(w)) for w in words)):
                out.append(" ".join(words))
    return sorted(set(out), key=len, reverse=True)


def without_asker_places(question: str, known: Callable[[str], bool] | None = None) -> str:
    """The question without the places of the asker's own description (``asker_places``)."""
    out = question
    for place in asker_places(question, known):
        out = cue_pattern(place).sub(" ", out)  # "Dong Nai" as a word; "江苏" anywhere
    return re.sub(r"[ \t]{2,}", " ", out).strip() or question


def in_place_name(word: str, question: str) -> bool:
    """``word`` is part of a place the question names ("TP" of "TP. Hồ Chí Minh", "Shanghai")."""
    folded, token = fold(question), fold(word)
    phrases = [n for names in vocabulary()["places"].values() for n in names if cue_pattern(n).search(folded)]
    return any(token in re.findall(r"[a-z0-9]+", phrase) for phrase in phrases)


def same_context(asked: Asked, context: str) -> bool:
    """The passage (original, translation, title) names every place the question names, and every year
    when a figure, date or name is asked for."""
    # a year bounds a figure asked for ("the 2024 grid factor"); in an open question it is more often the
    # asker's own plan ("we submit in 2025 with 2045 as target year: does that fit?")
    if asked.kind != "open" and asked.years and not asked.years <= set(_YEAR.findall(context)):
        return False
    return not asked.places or asked.places <= places_named(context)


def _cue(words: list[str], question: str, folded: str) -> str | None:
    """A cue of ``words`` in the question: folded, or with its diacritics when written "=…"."""
    exact = [w[1:] for w in words if w.startswith("=")]
    return _has([w for w in words if not w.startswith("=")], folded) or _has(exact, question.lower())


# a sentence ends at a question or exclamation mark, a Chinese full stop, a line break, or a full stop before a
# space ("1.5°C?" keeps its decimal point; "e.g. the" is cut, harmlessly: only the asking part is kept)
_SENTENCE = re.compile(r"(?<=[?？!！。\n])|(?<=[.])(?=\s)")


def asking_spans(question: str) -> list[tuple[int, int]]:
    """Offsets of the sentences that ask (those with a question mark); the whole text when none has one."""
    cuts = [0, *[m.start() for m in _SENTENCE.finditer(question)], len(question)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if question[a:b].strip()]
    asking = [(a, b) for a, b in spans if "?" in question[a:b] or "？" in question[a:b]]
    return asking or [(0, len(question))]


def asking_text(question: str) -> str:
    """The sentences that ask. What kind of answer is wanted is read from them only: "We have 3 factories
    (hotline 1900-1234). What's the maximum share we can exclude?" asks for a share, not a phone number
    (round-13 dev calc)."""
    return " ".join(question[a:b] for a, b in asking_spans(question))


def what_is_asked(question: str, lang: str) -> Asked:
    """What kind of answer the question wants, read from the sentences that ask; when they ask in general
    ("Could you send it?"), a request for a value no calculator gives made around them still counts ("Mr. Tran
    asked for the grid emission factor EVN publishes for 2024. Could you send it?"; round-18 e-mail) — not a
    telephone number, which askers give as their own."""
    asked = _what_is_asked(question, lang)
    if asked.kind == "open" and asking_text(question) != question:
        whole = _what_is_asked(question, lang, whole=True)
        if whole.kind in ("money", "penalty", "emission_factor", "ranking", "person"):
            return whole
    return asked


def _what_is_asked(question: str, lang: str, whole: bool = False) -> Asked:
    asks = vocabulary()["asks"]
    names = _names(question)
    # places and years too: "our factory in Bình Dương emitted 6,000 t in 2024 … what weight does Climate
    # Action carry?" does not ask about Bình Dương or 2024 (round-13 dev calc)
    question = question if whole else asking_text(question)
    places, years = places_named(question), frozenset(_YEAR.findall(question))
    # "giá trị" (value) and "đánh giá" (assessment) are not prices; "哪几家" asks which, not how many
    for phrase in asks["not_cues"]:
        # … but "phí tham gia" (the fee to join) keeps its words: the fee is asked
        question = re.sub(rf"(?<!phí )(?<!phi ){re.escape(phrase)}", " ", question, flags=re.IGNORECASE)
    question = question.replace("哪几", "哪")
    folded = fold(question)
    if _PER_UNIT.search(folded) and not _INTENSITY.search(folded):
        return Asked("emission_factor", places=places, years=years)
    if _has(asks["person_roles"], folded) and _has(asks["name_words"].get(lang, []), folded):
        # "cho em xin tên giám đốc điều hành của GreenID": a role and a word for a name ask for a person
        # (round-9 dev data)
        return Asked("person", places=places, years=years, names=names)
    for kind in (
        "money",
        "penalty",
        "emission_factor",
        "phone",
        "ranking",
        "person",
        "duration",
        "date",
        "share",
        "quantity",
    ):
        cue = _cue(asks[kind], question, folded)
        if not cue:
            continue
        if kind == "phone" and _PHONE.search(question):
            continue  # the asker gives their own number ("联系电话021-6234 5678")
        if kind == "person" and cue in asks["person_bare"] and not _has(asks["person_roles"], folded):
            continue  # "who validates the targets?" asks for an organisation or a role, not a named person
        if kind == "person" and cue == "ai" and lang != "vi":
            continue
        noun = None
        if kind == "quantity":
            m = _NOUN_AFTER.get(lang, _NOUN_AFTER["en"]).search(folded)
            noun = m.group(1) if m and not _is_measure(m.group(1)) and not _function_start(m.group(1)) else None
        deadline = kind == "date" and bool(_has(["deadline", "han chot", "thoi han", "截止", "期限", "due"], folded))
        events: tuple[str, ...] = ()
        if kind == "date":
            events = tuple(e for e, words in asks["date_events"].items() if _has(words, folded))
        return Asked(kind, noun, deadline, places, years, names=names, events=events)
    return Asked("open", places=places, years=years)


# a name as the documents write one: two or more capitalised words ("Colin Browne", "Ngụy Thị Khanh")
# ("总监Angela Ng": a Chinese character may touch it)
_NAME = re.compile(r"(?<![A-Za-zÀ-ỹ0-9])[A-ZÀ-Ỹ][a-zà-ỹ]+(?:[\s-][A-ZÀ-Ỹ][a-zà-ỹ]+)+")


def _names(text: str) -> frozenset[str]:
    """The names of ``text``, folded, and each word of them ("Browne" names Colin Browne too)."""
    names = {fold(m.group()) for m in _NAME.finditer(text)}
    return frozenset(names | {w for n in names for w in n.split()})


# "which four retailers", "哪四家", "哪些公司", "những nhà bán lẻ nào": several named things asked for at once
# ("năm" is also "year", so a Vietnamese count is read only from "những", "các", "hai", "ba", "bốn")
_COUNTED_LIST = re.compile(
    r"\bwhich (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"|哪(?:些|[两二三四五六七八九十几\d]+[家个项条种类位所])"
    r"|\b(?:nhung|cac|hai|ba|bon) (?:\w+ ){1,4}nao\b"
)


def asks_for_list(question: str) -> bool:
    """ "List VCCA's core values", "liệt kê", "有哪些", "which four retailers": the answer is a list, quoted
    whole."""
    folded = fold(question)
    return bool(_has(vocabulary()["asks"]["list"], folded) or _COUNTED_LIST.search(folded))


def carries(asked: Asked, text: str) -> bool:
    """The segment (original words and translation together) holds the kind of value asked for."""
    folded = fold(text)
    asks = vocabulary()["asks"]
    if asked.kind == "money":
        return bool(_MONEY.search(text))
    if asked.kind == "penalty":
        return bool(_has(asks["penalty_words"], folded))
    if asked.kind == "emission_factor":
        return bool(_FACTOR.search(folded))
    if asked.kind == "phone":
        return bool(_PHONE.search(text))
    if asked.kind == "share":
        return bool(_has(asks["share_words"], folded) or "%" in text or _TENTHS.search(text))
    if asked.kind == "ranking":
        return bool(_has(asks["ranking_words"], folded))
    if asked.kind == "person":
        return bool(_has(asks["person_roles"], folded)) and bool(_names(text) - asked.names)
    if asked.kind == "duration":
        return bool(_DURATION.search(folded)) or bool(_has(asks["duration_words"], folded))
    if asked.kind == "date":
        if not _YEAR_OR_DATE.search(text):
            return False
        if asked.events and not any(_has(asks["date_events"][e], folded) for e in asked.events):
            return False
        return not asked.deadline or bool(_has(asks["deadline_words"], folded))
    if asked.kind == "quantity":
        if not (_NUMBER.search(text) or read_numbers(text)):  # "ten hours", "mười giờ"
            return False
        if asked.noun:
            return _counts(asked.noun, text, folded)
        return True
    return True


def _counts(noun: str, text: str, folded: str) -> bool:
    """A number counts the noun asked about: "470万用户", "400 verifiers", "hơn 100 nhà cung cấp" — the
    noun within two words after a number, not merely somewhere in the segment. People are counted by any word
    for them ("how many people" is answered by "180 名与会者")."""
    asks = vocabulary()["asks"]
    head = noun.split()[0]
    # "how many attendees were there", "多少人参加" (read as 人参): a word for people counts people
    if head in asks["people_nouns"] or head in asks["people_words"] or noun[0] in asks["people_nouns"]:
        return any(
            re.search(rf"\d[\d.,]*\s*(?:万|多|余|more|hon|nhieu)?\s*(?:\S+\s+){{0,1}}{re.escape(w)}", t)
            for w in asks["people_words"]
            for t in (text, folded)
        )
    if re.search(r"[\u4e00-\u9fff]", noun):
        return bool(
            re.search(rf"[\d一二两三四五六七八九十百千万多余]\s*(?:{_ZH_COUNTERS})?\s*{re.escape(noun[:2])}", text)
        )
    stem = head[: max(4, len(head) - 2)]  # "factories" and "factory", "members" and "member"
    for n in read_numbers(folded):
        if re.match(r"\s?(?:%|phan tram|percent|per cent)", folded[n.end :]):
            continue  # "20% là thành viên mới" is a share of the members, not how many there are
        after = folded[n.end : n.end + 40].split()[:3]
        if any(w.startswith(stem) for w in after):
            return True
    return False


_QUOTED = re.compile(r"[“\"「『«‘]([^”\"」』»’]{2,40})[”\"」』»’]")


def quoted_phrases(question: str) -> list[str]:
    """The terms a question puts in quotes, folded without spaces ("thanh pho xanh" → "thanhphoxanh")."""
    return [re.sub(r"\s+", "", fold(m.group(1))) for m in _QUOTED.finditer(question) if m.group(1).strip()]


def holds_any(phrases: list[str], text: str) -> bool:
    """``text`` holds one of the quoted ``phrases`` (white space and diacritics aside)."""
    folded = re.sub(r"\s+", "", fold(text))
    return any(p in folded for p in phrases)


def topic_overlap(question: str, text: str, expansions: list[str] | None = None) -> float:
    """Share of the question's key words (BM25 tokens, glossary-expanded) found in the segment."""
    q = set(tokenize(question))
    if not q:
        return 0.0
    seg = set(tokenize(text + " " + " ".join(expansions or [])))
    return len(q & seg) / len(q)


def question_parts(question: str) -> list[str]:
    """The parts of a question that asks several things, each with its own question word; else [question].

    Cut at commas, semicolons, question marks and joining words ("and", "và", "以及"); pieces are joined
    back until each part has a question word of its own."""
    voc = vocabulary()
    kinds = ("money", "emission_factor", "share", "quantity", "date", "duration", "person", "ranking")
    cues = [w for k in kinds for w in voc["asks"][k]]
    cues += (
        voc["intent"]["meaning"] + voc["intent"]["check"] + voc["intent"]["calculate"] + ["what", "which", "gi", "nao"]
    )
    joiners = "|".join(re.escape(j) for j in voc["asks"]["part_joiners"])
    splitter = re.compile(rf"[;；?？,，]\s*|\s(?:{joiners})\s|(?:以及|还有|另外|并且)")
    folded = fold(question)
    cuts = [0, *[m.end() for m in splitter.finditer(folded)], len(question)]
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if question[a:b].strip()]
    parts: list[tuple[int, int]] = []
    for a, b in pieces:
        if parts and not (_has(cues, folded[parts[-1][0] : parts[-1][1]]) and _has(cues, folded[a:b])):
            parts[-1] = (parts[-1][0], b)
        else:
            parts.append((a, b))
    tail = re.compile(rf"(?:\s(?:{joiners}))+\s*$", re.IGNORECASE)
    texts = []
    for a, b in parts:
        cut = tail.search(folded[a:b])  # folding keeps offsets: cut the original where the folded joiner is
        texts.append(question[a : a + cut.start() if cut else b].strip(" ,，;；"))
    texts = [t for t in texts if len(t) >= 4]
    # "…, and how much?" asks more about the part before it: a part of question words only joins it
    kept: list[str] = []
    for text in texts:
        if kept and not tokenize(_without(cues, fold(text))):
            kept[-1] = f"{kept[-1]}, {text}"
        else:
            kept.append(text)
    return kept if len(kept) > 1 else [question]


def _without(cues: list[str], folded: str) -> str:
    """``folded`` with every cue removed, matched as ``_has`` matches them."""
    for cue in sorted(cues, key=len, reverse=True):
        folded = cue_pattern(cue).sub(" ", folded)
    return folded
