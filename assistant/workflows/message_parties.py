"""The parties of a message: the sites and suppliers it states figures for, and the statements that are each one's.

A brand writes "Lotus Denim Mill - scope 1+2 total 18.4 kt CO2e; they want to leave out … (1,150 t CO2e). Hanoi Trims
- scope 1+2 total 2,600 t CO2e; …", or a factory group "Scope 1+2 in 2024: Plant No. 3 = 12,400 tCO2e; Plant No. 5 =
7,600 tCO2e" (round-19 dev e-mails). Read whole, such statements give one role two values, and a question about one
party ("Can Hanoi Trims leave out the shuttle buses?") cannot tell which is its own. Each question is offered the
statements that name its party and those that name none; a clause that names another party is left out, and the
lead of a line ("Scope 1+2 in 2024:") stays with the clause of the party it leads into.

A party is a name the message gives a line of figures ("Lotus Denim Mill - …", "东莞厂:…") or a site word with its
code or name ("Plant No. 3", "nhà máy Đức Hòa", "平阳厂"). A question names it by the whole name, or by its first
word when no other party shares it ("Lotus" for Lotus Denim Mill, "Sunrise" for Sunrise Knitting Co., Ltd.).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from assistant.answer.understanding.reading import fold, read_question, vocabulary
from assistant.text.language import detect_language

# a line that opens with a name and a separator before its figures: "Lotus Denim Mill - scope 1+2 …", "东莞厂:基准年…"
_LABEL = re.compile(
    r"^\s*(?:[-*•·]\s*|\(?\d{1,2}[.)）、]\s*|\(?[a-e][.)）]\s*)?(?P<label>[^:：|\n]{2,40}?)(?:\s*[:：]|\s+[-–—]\s+)"
)
_CJK_SITE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:工厂|厂区|分厂|厂)")
_LATIN_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
# what a company's name ends with and its first word never is ("Sunrise Knitting Co., Ltd." is named "Sunrise")
_COMPANY_SUFFIX = re.compile(
    r"(?:[\s,]+(?:co\.?|ltd\.?|jsc|llc|inc\.?|corp\.?|limited|company|group|tnhh|cp|plc|gmbh|s\.?a\.?))+\.?\s*$"
)
_SITE_CODE = re.compile(r"(?:(?:[Nn]o\.?|[Ss]ố|[Ss]o)\s*\d{1,2}|\d{1,2}|[A-Z])(?![\w])")
MIN_FIRST_WORD_CHARS = 4  # "Lotus", "Sunrise": a first word this long names its party; "A", "No" do not


@lru_cache(maxsize=1)
def _site_pattern() -> str:
    """The site words as one alternation, built once (it is asked for every party at every mention)."""
    words = sorted((w for w in vocabulary()["tables"]["site_words"] if re.search(r"[a-z]", w)), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words if w not in ("no", "no.", "so", "#"))


def _is_name(label: str) -> bool:
    """A label names a party, not a measure: no figure, scope, ambition or topic of the reading's in it
    ("Điện mặt trời áp mái", "Scope 1+2 in 2024", "Figures (all 2024)" are measures)."""
    core = re.sub(r"\s*[(（][^)）]*[)）]", "", label).strip()
    if not core or re.search(r"\d", re.sub(r"(?i)\b(?:no\.?|số|so)\s*\d+", "", core)):
        return False
    r = read_question(core, detect_language(core))
    if r.mentions or r.scopes or r.ambitions or r.topics:
        return False
    if re.search(r"[\u4e00-\u9fff]", core) or re.search(rf"(?<![\w])(?:{_site_pattern()})(?![\w])", fold(core)):
        return True
    # a Latin name: two words or more, each capitalised ("Lotus Denim Mill"); "Electricity" is a measure
    words = [w for w in _LATIN_WORD.findall(core) if w.lower() not in ("&", "and", "of", "de")]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _site_names(text: str) -> list[str]:
    """Site words with the code or the name after them: "Plant No. 3", "nhà máy Đức Hòa", "Supplier B", "平阳厂".
    Site words are found on folded text (one character for one), capitals on the message's own."""
    text = unicodedata.normalize("NFC", text)
    names = [m.group(0) for m in _CJK_SITE.finditer(text)]
    for m in re.finditer(rf"(?<![\w])(?:{_site_pattern()})\s+", fold(text)):
        rest = text[m.end() :]
        code = _SITE_CODE.match(rest)
        if code:
            names.append(text[m.start() : m.end() + code.end()])
            continue
        words: list[str] = []
        for word in _LATIN_WORD.findall(rest[:60])[:3]:
            if not word[0].isupper() or not rest.lstrip().startswith(" ".join([*words, word]).strip()):
                break
            words.append(word)
        if words:
            names.append(text[m.start() : m.end()] + " ".join(words))
    return names


def message_parties(lines: list[str]) -> list[str]:
    """The parties the message's lines name: labels of lines of figures, and site names."""
    found: list[str] = []
    text = fold("\n".join(lines))
    for line in lines:
        m = _LABEL.match(line)
        if m and re.search(r"\d", line[m.end() :]) and _is_name(m.group("label").strip()):
            found.append(m.group("label").strip())
        # a site named in prose is a party only where the message names it again ("Plant No. 3 in Bien Hoa … Plant
        # No. 3 = 12,400 t"): "集团下面有三家工厂" names none (round-18 dev e-mail)
        found += [name for name in _site_names(line) if text.count(fold(name)) >= 2]
    # one party per folded core name ("Plant No. 3" twice, "nhà máy Thuận An" and "Nhà máy Thuận An")
    by_core: dict[str, str] = {}
    for name in found:
        by_core.setdefault(_core(name), name)
    parties = [name for core, name in by_core.items() if core]
    # a name inside a longer one is that party ("Plant No. 3" within "Plant No. 3 Bien Hoa")
    return [p for p in parties if not any(q != p and _core(p) in _core(q) for q in parties)]


def _core(name: str) -> str:
    return fold(_COMPANY_SUFFIX.sub("", re.sub(r"\s*[(（][^)）]*[)）]", "", name))).strip(" .,")


def _patterns(party: str, parties: list[str]) -> list[re.Pattern[str]]:
    """How a text names ``party``: its core name, or its first word if long and no other party's."""
    core = _core(party)
    if re.search(r"[\u4e00-\u9fff]", core):
        return [re.compile(re.escape(core)), *(re.compile(re.escape(s)) for s in _cjk_short_names(party, parties))]
    out = [re.compile(rf"(?<![\w]){re.escape(core)}(?![\w])")]
    words = _LATIN_WORD.findall(core)
    site = re.compile(rf"^(?:{_site_pattern()})$")
    if words and len(words[0]) >= MIN_FIRST_WORD_CHARS and not site.match(words[0]):
        shared = [p for p in parties if p != party and _LATIN_WORD.findall(_core(p))[:1] == words[:1]]
        if not shared:
            out.append(re.compile(rf"(?<![\w]){re.escape(words[0])}(?![\w])"))
    return out


MIN_CJK_SHORT_NAME = 2  # "华纺" names 宁波华纺针织有限公司 where no other party shares it


@lru_cache(maxsize=512)
def _cjk_short_names_cached(party: str, others: tuple[str, ...]) -> tuple[str, ...]:
    tables = vocabulary()["tables"]
    legal = "|".join(re.escape(w) for w in tables["cjk_legal_forms"])
    name = re.sub(r"\s*[(（][^)）]*[)）]", "", party).strip()
    if not re.search(rf"(?:{legal})$", name) or re.search(r"[,，。:：;；、]", name):
        return ()  # only a company's registered name ("…有限公司") is shortened, never a sentence that labels a line
    core = re.sub(rf"(?:{legal})$", "", name).strip()
    trade = set(tables["cjk_trade_words"])
    found: list[str] = []
    for size in range(min(len(core), 6), MIN_CJK_SHORT_NAME - 1, -1):
        for start in range(len(core) - size + 1):
            part = core[start : start + size]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", part) or part in trade or part == core:
                continue
            if any(part in other for other in others):
                continue
            found.append(part)
    return tuple(found)


def _cjk_short_names(party: str, parties: list[str]) -> tuple[str, ...]:
    """The parts of a Chinese company's name that name it alone: no other party's name holds them, and they are
    no trade word or legal form ("越美印染", "越美", "华纺"; never "印染" or "有限公司")."""
    return _cjk_short_names_cached(party, tuple(p for p in parties if p != party))


def _mentions(text: str, parties: list[str]) -> list[tuple[int, str]]:
    """Where each party is named in ``text`` (folded offsets are the text's own)."""
    folded = fold(text)
    found: list[tuple[int, str]] = []
    for p in parties:
        for pattern in _patterns(p, parties):
            found += [(m.start(), p) for m in pattern.finditer(folded)]
    return sorted(found)


def parties_named(text: str, parties: list[str]) -> list[str]:
    return list(dict.fromkeys(p for _, p in _mentions(text, parties)))


_CLAUSE_END = re.compile(r"[;；]\s*|[,，]\s+|，")
# a sentence ends at a line break, or at 。！？ or .!? and white space — never at "No. 3", "Co., Ltd.", "Mr."
_SENTENCE_END = re.compile(r"\n|(?<=[。！？])|(?<=[.!?])(?<!No\.)(?<!no\.)(?<!Mr\.)(?<!Ms\.)(?<!Co\.)(?<!Ltd\.)\s+")


def _segments(line: str, parties: list[str]) -> list[tuple[str, list[str]]]:
    """A line cut at its clause ends and where a party is named, each piece with the parties it names."""
    cuts = {0, len(line)} | {m.end() for m in _CLAUSE_END.finditer(line)}
    cuts |= {start for start, _ in _mentions(line, parties)}
    bounds = sorted(cuts)
    pieces = [line[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return [(piece, parties_named(piece, parties)) for piece in pieces if re.search(r"\w", piece)]


def _without_name(piece: str, named: list[str]) -> str:
    """A piece that opens with its party's name, without it: "Plant No. 3 = 12,400 tCO2e" states "12,400 tCO2e"
    (the "3" of the name is no figure), "Lotus Denim Mill - scope 1+2 total …" states "scope 1+2 total …"."""
    for name in named:
        pattern = _patterns(name, named)[0]
        m = pattern.match(fold(piece).lstrip(" -•*·"))
        if m:
            start = len(piece) - len(piece.lstrip(" -•*·"))
            rest = piece[start + m.end() :]
            return re.sub(r"^\s*(?:[=:：]|[-–—](?=\s))\s*", "", rest)
    return piece


def own_statements(stated: str, party: list[str], parties: list[str]) -> str:
    """``stated`` without the pieces about other parties than ``party``: a piece naming a party starts its part
    of the line, and the pieces after it that name none belong to it; the words before a line's colon lead every
    part ("Scope 1+2 in 2024: Plant No. 3 = 12,400 tCO2e; Plant No. 5 = 7,600 tCO2e")."""
    if not party or len(parties) < 2:
        return stated
    kept: list[str] = []
    for line in (s.strip() for s in _SENTENCE_END.split(stated)):
        if not line:
            continue
        if not parties_named(line, parties):
            kept.append(line)
            continue
        lead = ""
        head, colon, tail = line.partition(":") if ":" in line else line.partition("：")
        if colon and not parties_named(head, parties):
            lead, line = head + colon, tail
        owner: list[str] | None = None  # None: before any party is named
        parts: list[str] = []
        for piece, named in _segments(line, parties):
            owner = named or owner
            if owner is None or set(owner) & set(party):
                parts.append(_without_name(piece, named).strip())
        if parts:
            kept.append(" ".join(x for x in [lead.strip(), *parts] if x).strip(" -–—•*·,，;；"))
    return "\n".join(kept)


def with_figures(stated: str, party: list[str], parties: list[str]) -> list[str]:
    """The parties of ``party`` the statements give figures for ("Hanoi Trims - scope 1+2 total 2,600 t"); a site
    only named in passing ("晋江厂问:…", no figure of its own) is not one of them (round-9 dev e-mail)."""
    out: list[str] = []
    for name in party:
        for line in (s.strip() for s in _SENTENCE_END.split(stated)):
            pieces = [p for p, named in _segments(line, parties) if name in named]
            if any(re.search(r"\d", _without_name(p, [name])) for p in pieces):
                out.append(name)
                break
    return out
