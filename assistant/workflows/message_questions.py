"""The questions inside a manufacturer's email, and the facts it states around them.

An email carries a greeting, a few facts ("our base year is 2021, scope 1+2 were 12.500 tấn") and one or
more questions, numbered, bulleted or run together. Each question is answered on its own; the stated facts
are offered to a question that needs figures it does not give (``AnswerService.ask(context=...)``), so a
calculation runs only under the question that asks for it. A decimal point never ends a sentence
("… enough for 1.5°C?" stays whole).
"""

from __future__ import annotations

import re
import unicodedata

from assistant.answer.understanding.reading import (
    AMBITIONS,
    asks_the_same_again,
    clauses,
    cue_pattern,
    fold,
    read_question,
    vocabulary,
)
from assistant.text.language import detect_language
from assistant.workflows.message_tables import table_lines, with_measure_tables
from tools.i18n import as_lang

MAX_QUESTIONS = 8
# the facts offered to each question: dev e-mails of rounds 1–22 state at most 884 characters of them
MAX_CONTEXT_CHARS = 1500

# a sentence ends at 。！？!? or a line break, or at "." followed by white space (never "1.5", "12.500")
_SENTENCES = re.compile(r"(?:[^。！？!?\n.]|\.(?=\S))+(?:[。！？!?]+|\.(?=\s|$)|(?=\n)|$)")
_BARE_MARK = re.compile(r"^\s*\(?\d{1,2}[.．)）、]?\s*$")  # "1." left of a numbered question: no fact
# a question mark, or a Chinese question particle closing the sentence ("那WB2C呢", "可以吗。")
_QUESTION_END = re.compile(r"[?？]\s*$|[吗呢嘛][。.!！~～]?\s*$")
# "1. ", "(2) ", "a) ", "- "; a Chinese mark needs no space after it ("１．东莞一厂…", "2、…")
# (a keycap emoji numbers a chat's items: "2️⃣ 那WB2C呢")
_LIST_MARK = re.compile(r"^\s*(?:\(?\d{1,2}(?:[.)]\s+|[．）、]\s*)|\d\ufe0f?\u20e3\s*|[-•*·]\s+|\(?[a-eA-E][.)）]\s+)")
# words that make a list item a question even without a question mark
_ASKS = re.compile(
    r"(?<![\w])(how|what|which|when|whether|bao nhieu|the nao|khi nao|"
    r"co phai|co can|co duoc|co dat|co du|nhu the nao|la gi|khong)(?![\w])|吗|什么|多少|是否|如何|怎么|哪|能否|可否"
)
# an English auxiliary asks only where the item starts with it ("- Do we need…"); inside an item it is
# often a Vietnamese word without diacritics ("trong đó" folds to "trong do"; round-5 dev e-mails)
_ASKS_FIRST = re.compile(r"^(?:is|are|can|could|do|does|should|must)(?![\w])")
# Greetings (to the first comma or line end) and sign-offs (to the end: the signature follows).
_GREETING = re.compile(
    r"^\s*(kính gửi|xin chào|chào|dear|hello|hi|good (?:morning|afternoon)|您好|你好|尊敬的)[^,，:：\n!！]*[,，:：!！\n]?",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?:^|(?<=[\s,，.。!！?？]))(xin cảm ơn|xin cam on|cảm ơn|cam on|trân trọng|tran trong|best regards|kind regards|"
    r"regards|thanks|thank you|sincerely|谢谢|感谢|此致|顺祝)\b",
    re.IGNORECASE,
)


# a header line the message was pasted with ("Subject: Re: intensity targets", "Tiêu đề: …", "主题:…")
_SUBJECT = re.compile(r"^\s*(?:subject|re|fwd?|tiêu đề|tieu de|chủ đề|chu de|主题|标题)\s*[:：][^\n]*\n", re.IGNORECASE)
# what may follow a sign-off: a signature (name, title, company), no question
MAX_SIGNATURE_CHARS = 300


def _without_sign_off(text: str) -> str:
    """The message without its closing courtesy and signature. Only a courtesy near the end closes it:
    "Thanks for the quick answer last week. Two follow-ups…" opens a message (round-4 dev e-mail)."""
    for m in _SIGN_OFF.finditer(text):
        rest = text[m.start() :]
        if len(rest) <= MAX_SIGNATURE_CHARS and not re.search(r"[?？]", rest):
            return text[: m.start()]
    return text


# abbreviations whose full stop ends no sentence ("approx. 21,000 t", "i.e. the 4.2% pathway", "Mr. Tran")
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:(?:i\.e|e\.g|etc|approx|incl|excl|vs|cf|mr|mrs|ms|dr|prof|ltd|corp|inc|dept|tp|fig|pp|ca|"
    r"resp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.(?=\s)|(?:nos?|cat|cats)\.(?=\s?\d))",
    re.IGNORECASE,
)
_HELD_STOP = "\u2024"  # one-dot leader: stands in for an abbreviation's full stop while splitting


def sentences(text: str) -> list[str]:
    held = _ABBREVIATION.sub(lambda m: m.group().replace(".", _HELD_STOP), text)
    return [s.strip().replace(_HELD_STOP, ".") for s in _SENTENCES.findall(held) if s.strip()]


# a sentence that asks without a question mark ("还有,中国电网今年最新的排放因子是多少,我们算范围二要用。"): only
# words that ask in any position (round-4 dev e-mail); an English sentence asks only from its first word
_ASKS_ANYWHERE = re.compile(
    r"多少|什么|是否|哪[个些里家年天]|如何|怎么|(?<![\w])(bao nhieu|la gi|nhu the nao|khi nao|o dau)(?![\w])"
)
_ASKS_LEADING = re.compile(r"^(?:what|which|when|where|who|how|why)(?![\w])")


def requests(sentence: str) -> bool:
    """The sentence asks by request ("cho em xin …", "麻烦提供一下…", "Kindly confirm …"): a cue of
    ``[message_requests]``, no courtesy, and not a line that only leads into the asks ("想请教几个问题:")."""
    plain = fold(sentence).strip()
    if re.search(r"[:：]\s*$", plain):
        return False
    words = vocabulary()["message_requests"]
    return any(cue_pattern(w).search(plain) for w in words["cues"]) and not any(
        cue_pattern(w).search(plain) for w in words["courtesies"]
    )


def _without_opener(plain: str) -> str:
    """A folded sentence without the word a chat opens it with ("also what abt WB2C" → "what abt WB2C")."""
    words = "|".join(re.escape(w) for w in sorted(vocabulary()["message_requests"]["openers"], key=len, reverse=True))
    return re.sub(rf"^(?:(?:{words})[\s,]+)+", "", plain)


def is_question(sentence: str) -> bool:
    if _QUESTION_END.search(sentence) or asks_the_same_again(sentence):
        return True
    mark = _LIST_MARK.match(sentence)
    if not mark:
        plain = fold(sentence).strip()
        leading = _ASKS_LEADING.match(plain) or _ASKS_LEADING.match(_without_opener(plain))
        return bool(_ASKS_ANYWHERE.search(plain) or leading or requests(sentence))
    item = fold(sentence[mark.end() :]).strip()
    return bool(_ASKS.search(item) or _ASKS_FIRST.match(item) or requests(sentence[mark.end() :]))


# a short question that points back at what the sentence before it states ("Does that meet the minimum?",
# "乙方案达标吗?", "Như vậy có được không?") and names no figure of its own: that sentence is part of it
# (round-10 dev e-mails). English and Chinese words read on folded text; the Vietnamese ones with their
# diacritics or as two words, since folded "đó" is English "do" ("Do we need a scope 3 target?" points nowhere)
_POINTS_BACK = re.compile(r"(?<![\w])(?:that|this|it|these|those|such|nhu vay|nhu the)(?![\w])|这|那|该|此|上述|以上")
_POINTS_BACK_VI = re.compile(r"(?<![\w])(?:đó|vậy|này)(?![\w])")
MAX_POINTING_CHARS = 60


def _points_back(question: str) -> bool:
    text = _LIST_MARK.sub("", question).strip()
    plain = fold(text)
    # an ambition's name is no figure of the question's own: "Is that enough for well-below 2°C?" points back
    # (round-13 dev e-mail)
    figures = plain
    for pattern in AMBITIONS.values():
        figures = pattern.sub(" ", figures)
    if len(plain) > MAX_POINTING_CHARS or re.search(r"\d", figures):
        return False
    return bool(_POINTS_BACK.search(plain) or _POINTS_BACK_VI.search(text.lower()))


def listed_asks(text: str) -> frozenset[str]:
    """The list items under a line that heads asks ("Questions:", "Câu hỏi:", "问题如下:"): each asks, with or
    without a question word ("2) minimum cut for 1.5C by 2030 in tonnes"). Blank lines may part the items; the
    first line that is no item ends them."""
    headers = vocabulary()["message_requests"]["headers"]
    out: set[str] = set()
    listing = False
    for line in text.split("\n"):
        stripped = line.strip()
        plain = fold(stripped)
        if re.search(r"[:：]$", plain) and any(cue_pattern(w).search(plain[:40]) for w in headers):
            listing = True
            continue
        if not stripped:
            continue
        if listing and _LIST_MARK.match(stripped):
            out.add(stripped)
            continue
        listing = False
    return frozenset(out)


def _asks(sentence: str, listed: frozenset[str]) -> bool:
    """A question by its words, or the last sentence of an item listed under a heading of asks."""
    return is_question(sentence) or any(line.endswith(sentence.strip()) for line in listed)


def _with_lead_in(
    body: list[str], rows: frozenset[str], used: set[str] | None = None, listed: frozenset[str] = frozenset()
) -> list[str]:
    """Each question of ``body``, a question that points back joined to the statement right before it — or, inside
    a numbered or bulleted item, to every statement of that item before it ("2. We'd like a supplier engagement
    target: 70% … by 2031. We submit in 2025. Is that OK?"; round-14 dev e-mail). Statements of an item so joined
    are added to ``used``: they belong to that question, not to the message's facts (a statement outside a list
    may state facts later questions need, and stays one)."""
    out: list[str] = []
    for i, s in enumerate(body):
        if not _asks(s, listed):
            continue
        question = _LIST_MARK.sub("", s).strip()
        leads: list[str] = []
        # a short request inside an item ("b) We plan to submit in Q3 2025 and want … for 2031. Please check the target
        # year.") is about the item's statements as a question pointing back is (round-24 e-mail, dev since)
        short_request = requests(question) and len(question) <= MAX_POINTING_CHARS and not re.search(r"\d", question)
        if not _LIST_MARK.match(s) and (_points_back(question) or short_request):
            j, in_item = i - 1, False
            while j >= 0:
                if _BARE_MARK.match(body[j]):  # "2." split off as a sentence of its own: the item starts here
                    in_item = True
                    break
                if not _lead_statement(body[j], rows):
                    break
                leads.insert(0, body[j])
                if _LIST_MARK.match(body[j]):
                    in_item = True
                    break
                j -= 1
            in_item = in_item and bool(leads)
            leads = leads if in_item else leads[-1:]
            if used is not None and in_item:
                used.update(leads)
        if leads:
            question = " ".join([*(_LIST_MARK.sub("", lead).strip() for lead in leads), question])
        out.append(question)
    return out


def _lead_statement(sentence: str, rows: frozenset[str]) -> bool:
    """A statement with figures that can lead into the question after it."""
    return (
        not is_question(sentence)
        and bool(re.search(r"\d", sentence))
        and sentence.strip() not in rows
        and not _BARE_MARK.match(sentence)
    )


# an amount written in Chinese numerals with its unit: "范围一和范围二合计三万吨" (round-13 dev e-mail)
_ZH_WRITTEN_AMOUNT = re.compile(
    r"[一二两三四五六七八九十百千]+(?:点[零一二两三四五六七八九]+)?万?(?:吨|兆瓦时|千瓦时|度电)"
)


def states_figures(sentence: str) -> bool:
    """The sentence states a figure: digits, or an amount in Chinese numerals."""
    return bool(re.search(r"\d", sentence) or _ZH_WRITTEN_AMOUNT.search(sentence))


# a quote the helpdesk wrote: its first line, or the line that introduces it, says so ("Helpdesk wrote:", "回复:",
# "Tra loi cua helpdesk ngay 02/6/2025: …"); read folded
_REPLY_MARK = re.compile(r"helpdesk|help desk|wrote|reply|replied|tra loi|phan hoi|mcap team|回复|答复|帮助台|服务台")
_QUOTE = re.compile(r"^\s*((?:>\s*)+)(.*)$")


def own_quoted_lines(text: str) -> list[str]:
    """The lines of the asker's own earlier e-mail quoted in ``text``: quoted once ("> …"), in a block that no
    reply mark opens; a quote inside it ("> > …") is the reply it answered (round-19 dev e-mails)."""
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []
    block_own = False
    for i, line in enumerate(lines):
        m = _QUOTE.match(line)
        if m is None:
            block = []
            continue
        depth = m.group(1).count(">")
        content = m.group(2).strip()
        if not block:
            before = lines[i - 1] if i > 0 else ""
            block_own = not _REPLY_MARK.search(fold(content + " " + before))
        block.append(content)
        if depth == 1 and block_own and content and not _REPLY_MARK.search(fold(content)):
            out.append(content)
    return out


# a unit declared for a sentence's bare figures: "(2024年,单位:吨CO2e):范围一 5,000;范围二 15,000", "figures in tCO2e:"
_DECLARED_UNIT = re.compile(
    r"(?:单位|đơn vị|don vi|units?|in)\s*[:：]?\s*(?P<unit>吨\s?co2e|吨二氧化碳当量|吨|t\s?co2e|tco2e|tấn\s?co2e|tấn)(?![a-z])",
    re.IGNORECASE,
)
# a bare figure: thousands written with a separator, no unit, year mark or percent after it
_BARE_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?!\d|[.,]\d)(?!\s*(?:[%年万千a-zA-Z吨]|tấn))")


def with_declared_unit(sentence: str) -> str:
    """A sentence whose bare figures are in a unit it declares, with that unit written after each of them
    ("范围一 5,000;范围二 15,000" under "单位:吨CO2e"; round-8 dev e-mail), so they read as amounts."""
    declared = _DECLARED_UNIT.search(sentence)
    if declared is None:
        return sentence
    unit = declared.group("unit")
    return _BARE_AMOUNT.sub(lambda m: f"{m.group(0)} {unit}" if m.start() > declared.end() else m.group(0), sentence)


def _without_restated(earlier: list[str], facts: list[str]) -> list[str]:
    """The asker's earlier figures without the ones this message states again: "the scope 2 figure was wrong, it is
    4,100 t" replaces the quoted "Scope 2: 3,800 t" (round-22 brief: follow-ups correcting a figure). A clause of
    an earlier sentence whose figure has a role the new facts state is left out."""
    if not earlier or not facts:
        return earlier
    lang = detect_language(" ".join(facts))
    stated = {m.role for f in facts for m in read_question(f, lang).mentions if m.role and m.trusted}
    out: list[str] = []
    for sentence in earlier:
        r = read_question(sentence, lang)
        dropped = {m.clause for m in r.mentions if m.role in stated and m.trusted}
        if not dropped:
            out.append(sentence)
            continue
        kept = [sentence[a:b] for k, (a, b) in enumerate(clauses(sentence)) if k not in dropped]
        if any(states_figures(part) for part in kept):
            out.append(", ".join(part.strip() for part in kept if part.strip()))
    return out


# a dot leader between a line's label and its figure ("Scope 1 ........ 3,150 tCO2e", "Điện …… 13.500 MWh"): its last
# full stop would end a sentence and part the label from the figure (round-22 dev e-mail)
# ("Wait... 2030?" is prose: four marks at least, an ellipsis character counting as three)
_LEADER = re.compile(r"(?<=[^\s.…·_])[ \t]*(?:(?:[.·_]|…)[ \t]*){4,}(?=\d)|(?<=[^\s.…·_])[ \t]*(?:…[ \t]*){2,}(?=\d)")


def plain_layout(message: str) -> str:
    """The message in canonical form, each dot leader written as a colon ("Scope 1: 3,150 tCO2e") and each table of
    one company's measures as statements (``with_measure_tables``); what a message states is read from this."""
    text = _LEADER.sub(": ", unicodedata.normalize("NFC", message).replace("\r\n", "\n"))
    return with_measure_tables(text, as_lang(detect_language(text)))


def split_message(message: str) -> tuple[list[str], str]:
    """The questions (at most ``MAX_QUESTIONS``) and the facts the email states (statements with figures).

    With no question, the whole body (courtesies removed) is one question."""
    text = plain_layout(message).strip()
    text = _SUBJECT.sub("", text, count=1).strip() or text
    text = _without_sign_off(_GREETING.sub("", text, count=1)).strip() or text
    # a quoted earlier reply ("> Trả lời trước đây của helpdesk: … tối đa 5%") is neither a question nor a fact; the
    # asker's own earlier figures, pasted as a quote ("> Base year: 2023 > Scope 1: 8,450 tCO2e"), are facts
    quoted = own_quoted_lines(text)
    text = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))
    body = sentences(text)
    rows = table_lines(text)
    lead_ins: set[str] = set()
    listed = listed_asks(text)
    questions = _with_lead_in(body, rows, lead_ins, listed)
    if not questions:
        whole = " ".join(body).strip() or text.strip()
        return [whole], ""
    # only statements with figures: other context words would pull retrieval towards the email's small talk;
    # a table's rows are offered to the questions that name them (message_tables), not to every question
    facts = [
        s
        for s in body
        if not _asks(s, listed)
        and states_figures(s)
        and s.strip() not in rows
        and not _BARE_MARK.match(s)
        and s not in lead_ins  # "Mr. Tran proposes 20% by 2030. Is that enough?" is that question's, not a fact
    ]
    earlier = [s for line in quoted for s in sentences(line) if not is_question(s) and states_figures(s)]
    facts = [with_declared_unit(s) for s in _without_restated(earlier, facts) + facts]
    # facts in compatibility form: "基准年都是２０２３年" typed with full-width digits is the year 2023 (round-18 e-mail);
    # the questions keep the asker's own characters; one fact a line, so no clause runs from one line into the next
    stated = unicodedata.normalize("NFKC", "\n".join(facts))
    return questions[:MAX_QUESTIONS], stated[:MAX_CONTEXT_CHARS]
