"""Tables of figures in a message: one row per site, and the row a question is about.

A brand writing for three suppliers gives their scope 1, 2 and 3 figures as a table ("Nhà máy | Phạm vi 1 |
Phạm vi 2"). Read whole, the table is nine tonnages with no owner; a question names its site ("Nhà máy B",
"宁波针织厂", "No. 3") or asks about all of them ("cả ba nhà máy", "合并"). Each question is offered the
figures of the rows it names, written out as the message's own column names with the values ("Phạm vi 1
6.500 tấn CO2e"), so question analysis reads them as it reads any stated fact. A question that names no row
takes the rows of the question before it ("那如果要对齐1.5°C?"); none before, no rows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.answer.understanding.reading import (
    cue_pattern,
    fold,
    is_follow_up,
    read_question,
    value_as_written,
    vocabulary,
)
from assistant.text.numbers import MULTIPLIERS
from assistant.workflows.message_parties import message_parties, own_statements, parties_named, with_figures
from tools.i18n import Lang

_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}")
_UNIT = re.compile(r"(万吨|吨|tấn|tan|tonnes?|tons?|t\s*co2e?|tco2e?|kt|mwh|kwh|gwh)", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*[(（][^)）]*[)）]")
_LEADING_CODE = re.compile(r"^((?:no\.?|so|#)\s*\d{1,2}|[a-z]|\d{1,2})[\s.:)]+(\S.*)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMERIC_CELL = re.compile(
    r"(?:~|≈|约|khoảng|approx\.?)?\s*\d[\d.,\s]*\s*(?:万吨|万|吨|t|tấn|tan|mwh|kwh|t\s?co2e?|%)?\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class FigureTable:
    header: list[str]  # the column names; the first names the rows ("Nhà máy", "Site")
    rows: list[tuple[str, list[str]]]  # each row's label and its cells
    lines: frozenset[str]  # the message lines the table takes (not stated facts of their own)


def _cells(line: str) -> list[str] | None:
    """A line's cells, split at |, tabs, or runs of two spaces (aligned columns); None for no table row."""
    if "|" in line:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
    elif "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
    else:
        cells = [c.strip() for c in re.split(r"\s{2,}", line.strip())]
    cells = [c for c in cells if c]
    return cells if len(cells) >= 2 else None


def _numeric(cell: str) -> bool:
    return bool(_NUMERIC_CELL.fullmatch(cell))


def _figures_row(cells: list[str]) -> bool:
    """A row of figures: after its label, at least half its cells are numbers (a column of places or
    names may sit among them: "A | Dhaka | 2022 | 18,400 | 35% | 2030"; round-8 dev e-mail)."""
    numbers = sum(_numeric(c) for c in cells[1:])
    return numbers >= 1 and 2 * numbers >= len(cells) - 1


def _year_column(column: str) -> bool:
    folded = fold(column)
    return any(cue_pattern(w).search(folded) for w in vocabulary()["tables"]["year_columns"])


def find_tables(text: str, lang: Lang = "en") -> list[FigureTable]:
    """The tables of ``text``: a header line followed by at least two rows of a label and figures, and runs of
    lines that each state one site's figures after its name.

    Cells are read in compatibility form, so a table typed with full-width bars and digits ("２，８００｜９，６００";
    round-18 e-mail) reads as one typed in ASCII; a table's ``lines`` stay the message's own."""
    original = text.splitlines()
    lines = [unicodedata.normalize("NFKC", line) for line in original]

    def own(start: int, end: int) -> frozenset[str]:
        return frozenset(line.strip() for line in original[start:end])

    tables: list[FigureTable] = []
    for start, end, columns, rows in _labelled_tables(lines, lang):
        tables.append(FigureTable(columns, rows, own(start, end)))
        lines[start:end] = [""] * (end - start)
    i = 0
    while i < len(lines):
        header = _cells(lines[i])
        if header is None or any(_numeric(c) for c in header[1:]):
            i += 1
            continue
        table_rows: list[tuple[str, list[str]]] = []
        j = i + 1
        while j < len(lines):
            if _SEPARATOR_ROW.match(lines[j]):
                j += 1
                continue
            cells = _cells(lines[j])
            if cells is None or len(cells) != len(header) or not _figures_row(cells):
                break
            table_rows.append((cells[0], cells[1:]))
            j += 1
        if len(table_rows) >= 2:
            tables.append(FigureTable(header, table_rows, own(i, j)))
            i = j
        else:
            i += 1
    return tables


def _measure_row(label: str) -> bool:
    """The row label names a measure ("Scope 1", "用电量", "Sản lượng"), not a site or supplier."""
    folded = fold(_PARENTHESIS.sub("", label)).strip()
    sites = "|".join(
        re.escape(w) for w in vocabulary()["tables"]["site_words"] + vocabulary()["tables"]["supplier_words"]
    )
    if re.search(rf"(?<![\w])(?:{sites})(?![\w])", folded) and not _AFTER_SCOPE.search(folded + ":"):
        return False
    return any(cue_pattern(w).search(folded) for w in vocabulary()["tables"]["measure_rows"])


def _statement(label: str, cell: str, column: str, lang: Lang) -> str:
    """A row of one company's figures as a statement: "Scope 1: 5,400 tCO2e". A bare figure takes the unit its
    row names: MWh for electricity, the column's or the language's emissions unit for emissions, none else (a
    year, a production count)."""
    unit = ""
    if re.fullmatch(r"[\d.,\s~≈]+(?:万|千|k)?", cell.strip()):
        if _names(label, "electricity_columns"):
            unit = "MWh"
        elif _names(label, "emission_rows"):
            unit = _column_unit(column, lang)
    return f"{_PARENTHESIS.sub('', label).strip() or label}: {cell} {unit}".strip()


def _base_column(header: list[str]) -> int | None:
    """Of a table's figure columns, the one that holds the base year's figures: the only one, or the one its
    header marks as the base year ("2023(base year)"); None when that is not clear."""
    columns = header[1:]
    if len(columns) == 1:
        return 0
    marked = [
        k
        for k, c in enumerate(columns)
        if any(cue_pattern(w).search(fold(c)) for w in vocabulary()["tables"]["base_columns"])
    ]
    return marked[0] if len(marked) == 1 else None


def with_measure_tables(text: str, lang: Lang) -> str:
    """``text`` with each table of one company's measures written as statements, one a line: "| Scope 1 | 5,400
    tCO2e |" under "| 项目 | 2023(base year) |" becomes "Scope 1: 5,400 tCO2e". Read as a table of sites, its
    rows would be parties named "Scope 1" and "Scope 2", each question offered one of them (round-22 dev e-mail).
    A table whose columns are years none of which is marked as the base year is left as it is."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = _cells(unicodedata.normalize("NFKC", lines[i]))
        rows: list[list[str]] = []
        j = i + 1
        while header is not None and j < len(lines):
            line = unicodedata.normalize("NFKC", lines[j])
            if _SEPARATOR_ROW.match(line):
                j += 1
                continue
            cells = _cells(line)
            if cells is None or len(cells) != len(header) or not _figures_row(cells):
                break
            rows.append(cells)
            j += 1
        measures = sum(_measure_row(r[0]) for r in rows)
        column = _base_column(header) if header is not None else None
        if header is None or len(rows) < 2 or measures < 2 or 2 * measures < len(rows) or column is None:
            out.append(lines[i])
            i += 1
            continue
        name = header[1 + column]
        out += [_statement(r[0], r[1 + column], name, lang) for r in rows if _measure_row(r[0])]
        i = j
    return "\n".join(out)


# a line that states one site's figures after its name: "Factory No. 1 (Dhaka): base year 2022; scope 1: 2,400;
# scope 2: 7,600" (round-13 dev e-mail); "- Nhà máy A: phạm vi 1 2.000 tấn, phạm vi 2 5.000 tấn"
_LABELLED_LINE = re.compile(r"^\s*(?:[-*•·]\s*)?(?P<label>[^:：\n]{2,40}?)\s*[:：]\s*(?P<rest>.*\d.*)$")
_FIGURE = re.compile(r"(?<![A-Za-z])\d[\d.,]*")  # not the 2 of "CO2"
# a bare figure right after a scope's name is an amount of emissions, in the unit the message names
_AFTER_SCOPE = re.compile(r"(?<![a-z])(?:scope|pham vi|范围|s)\s?(?:1\s?\+\s?2|1\s?&\s?2|[123一二三])\s*[:：=]?\s*$")


def _labelled_rows(lines: list[str], i: int) -> tuple[list[tuple[str, str]], int]:
    """The run of labelled lines that starts at line ``i``: (label, figures) for each, and where it ends. A run
    is at least two lines naming sites (a site word, or the same first word) with two figures or more each."""
    rows: list[tuple[str, str]] = []
    j = i
    site = "|".join(re.escape(w) for w in vocabulary()["tables"]["site_words"])
    while j < len(lines):
        m = _LABELLED_LINE.match(lines[j])
        if m is None or len(_FIGURE.findall(m.group("rest"))) < 2:
            break
        rows.append((m.group("label").strip(), m.group("rest").strip()))
        j += 1
    # the lines that name a site, up to the first that does not ("- Group scope 3, …: 96,000" after three mills)
    named = 0
    while named < len(rows) and re.search(rf"(?<![\w])(?:{site})(?![\w])", fold(rows[named][0])):
        named += 1
    heads = {fold(label).split()[0] for label, _ in rows if label.split()}
    if named < 2 and len(heads) == 1:
        named = len(rows)  # "Plant A: …", "Plant B: …" without a site word of ours: the same first word
    rows = rows[:named]
    # "- Phạm vi 1: 2.450 t" lines list one company's scopes, not sites
    scopes = any(_AFTER_SCOPE.search(fold(label) + ":") for label, _ in rows)
    if len(rows) < 2 or scopes:
        return [], i
    return rows, i + len(rows)


def _with_units(rest: str, unit: str) -> str:
    """A labelled line's figures with the message's unit after each bare emissions figure ("scope 1: 2,400"
    → "scope 1: 2,400 tCO2e"), so question analysis reads them as tonnes."""
    out, last = [], 0
    for m in _FIGURE.finditer(rest):
        tail = rest[m.end() : m.end() + 6].strip().lower()
        bare = not tail or not re.match(r"[a-z%吨万千tấ]", tail)
        if bare and _AFTER_SCOPE.search(fold(rest[max(0, m.start() - 16) : m.start()])):
            out.append(rest[last : m.end()] + f" {unit}")
            last = m.end()
    return "".join(out) + rest[last:]


def _labelled_tables(lines: list[str], lang: Lang) -> list[tuple[int, int, list[str], list[tuple[str, list[str]]]]]:
    """Runs of labelled lines as tables of one column (start and end line, header, rows): the line's own figures,
    in the unit the line before the run names ("Inventory data as submitted to us (tCO2e):") or the language's
    emissions unit."""
    found: list[tuple[int, int, list[str], list[tuple[str, list[str]]]]] = []
    i = 0
    while i < len(lines):
        rows, end = _labelled_rows(lines, i)
        if not rows:
            i += 1
            continue
        named = _UNIT.search(lines[i - 1]) if i > 0 else None
        unit = named.group(0) if named else str(vocabulary()["tables"]["default_unit"][lang])
        cells = [
            (re.sub(r"\s*[(（]([^)）]*)[)）]", r" - \1", label), [_with_units(rest, unit)]) for label, rest in rows
        ]
        found.append((i, end, ["", ""], cells))
        i = end
    return found


def _label_patterns(label: str) -> list[re.Pattern[str]]:
    """How a question names a row: its label or a part of it ("Plant A - Dong Nai": "plant a", "dong nai"),
    a short code after a site word ("nhà máy B"), or a Chinese site name shortened to its start + 厂."""
    site = "|".join(re.escape(w) for w in vocabulary()["tables"]["site_words"])
    core = fold(_PARENTHESIS.sub("", label)).strip()
    parts = [p.strip() for p in re.split(r"\s[-–—]\s|[-–—,/]", core) if p.strip()] + [core]
    for part in list(parts):  # "No. 1 Dong Nai": the code and the name, each naming the row
        if lead := _LEADING_CODE.match(part):
            parts += [lead.group(1), lead.group(2)]
    out: list[re.Pattern[str]] = []
    for part in dict.fromkeys(parts):
        code = re.fullmatch(r"(?:(?:no\.?|so|#)\s*)?([a-z]|\d{1,2})", part)
        if code:
            out.append(re.compile(rf"(?:{site})\s*{re.escape(code.group(1))}(?![\w])|{re.escape(code.group(1))}\s*号"))
        elif _CJK.search(part):
            out.append(re.compile(re.escape(part)))
            stem = part.removesuffix("工厂").removesuffix("厂")
            if stem != part and len(stem) > 2:  # 越南同奈厂 → 越南厂; 柬埔寨金边厂 → 金边厂 (round-8 dev e-mail)
                out += [re.compile(re.escape(stem[:k]) + "厂") for k in range(2, len(stem))]
                out += [re.compile(re.escape(stem[-k:]) + "厂") for k in range(2, len(stem))]
        elif len(part) >= 3:
            out.append(re.compile(rf"(?<![\w]){re.escape(part)}(?![\w])"))
    return out


def rows_named(table: FigureTable, question: str) -> list[int]:
    """The rows a question names: by label, or by a label's first word that no other row's starts with ("Does
    Sunrise's 30% cut…" for "Sunrise Knitting Co., Ltd."; round-19 dev e-mail)."""
    folded = fold(question)
    named = [i for i, (label, _) in enumerate(table.rows) if any(p.search(folded) for p in _label_patterns(label))]
    if named:
        return named
    labels = [label for label, _ in table.rows]
    by_name = parties_named(question, labels)
    return [i for i, label in enumerate(labels) if label in by_name]


# words that point back at the site or supplier the question before named: "their", "họ", "该厂" (a question with none
# and no name of its own is about the company as a whole: "扣除洗涤烘干这部分后,客户还必须设定scope 3目标吗?"; round-11 dev)
_POINTS_AT_PARTY = re.compile(
    r"(?<![a-z])(?:they|their|them|its|it|this (?:plant|site|supplier|factory|mill)|that (?:plant|site|supplier|factory|mill)"
    r"|ho|ben do|nha may do|nha may nay|cong ty do|xuong do)(?![a-z])|该厂|该工厂|这家|那家|他们|它|其"
)


def leans_on_the_one_before(question: str) -> bool:
    """The question is about the site or rows the question before it was about: a follow-up ("那如果要对齐1.5°C?",
    "Same question…") or a word pointing back at them."""
    return is_follow_up(question) or bool(_POINTS_AT_PARTY.search(fold(question)))


def one_company(table: FigureTable) -> bool:
    """A table of one company's sites ("工厂 | 范围一 | 范围二", "Plant | Scope 1"), not of several suppliers
    ("Supplier | …", "供应商", "nhà cung cấp"): a question about the company takes all its rows (round-11 dev e-mail)."""
    names = [fold(table.header[0])] if table.header[0] else [fold(label) for label, _ in table.rows]
    suppliers = "|".join(re.escape(w) for w in vocabulary()["tables"]["supplier_words"])
    sites = "|".join(re.escape(w) for w in vocabulary()["tables"]["site_words"])
    if any(re.search(rf"(?<![\w])(?:{suppliers})(?![\w])", n) for n in names):
        return False
    return bool(table.header[0]) and bool(re.search(rf"(?<![\w])(?:{sites})(?![\w])", names[0]))


def asks_about_all(question: str) -> bool:
    folded = fold(question)
    return any(cue_pattern(w).search(folded) for w in vocabulary()["tables"]["whole_group"])


def _value(cell: str, lang: str) -> float | None:
    """A cell's number as the message's language writes it (vi ``1.150,5``; ``0.8万吨`` is 8000)."""
    found = re.search(r"\d[\d.,]*", cell)
    if not found:
        return None
    value = value_as_written(found.group(0), lang)
    if value is None:
        return None
    tail = cell[found.end() :].strip().lower()
    factor = next((f for word, f in MULTIPLIERS.items() if tail.startswith(word)), 1)
    return value * factor


def _column_unit(column: str, lang: Lang) -> str:
    """The unit a column's bare figures are in: its header's ("(MWh)") or the language's emissions unit."""
    found = _UNIT.search(column)
    return found.group(0) if found else str(vocabulary()["tables"]["default_unit"][lang])


def _unit(cell: str, column: str, lang: Lang) -> str:
    """The unit to write after a cell: none when the cell carries its own ("0.8万吨", "3,600吨"); a multiplier is
    no unit ("1.2万" in a column of tonnes is 1.2万 tonnes; round-13 dev e-mail)."""
    bare = re.sub(r"(?:万|千|k|nghìn|ngàn)\s*$", "", cell.strip(), flags=re.IGNORECASE)
    return "" if re.search(r"[^\d.,\s~≈]", bare) or _year_column(column) else _column_unit(column, lang)


def _number(value: float, lang: str) -> str:
    if value == int(value):
        return str(int(value))
    text = f"{value:.2f}".rstrip("0")
    return text.replace(".", ",") if lang == "vi" else text


def _names(column: str, key: str) -> bool:
    return any(cue_pattern(w).search(fold(column)) for w in vocabulary()["tables"][key])


def row_facts(table: FigureTable, rows: list[int], lang: Lang) -> str:
    """The figures of ``rows`` (summed when several) under the table's column names, as one statement."""
    parts: list[str] = []
    for col, name in enumerate(table.header[1:]):
        column = _PARENTHESIS.sub("", name).strip() or name
        cells = [table.rows[i][1][col] for i in rows]
        if _names(name, "people_columns"):
            continue  # workers are no figure a calculation takes
        if _names(name, "electricity_columns") and all(re.fullmatch(r"[\d.,\s]+", c) for c in cells):
            values = [_value(c, lang) for c in cells]
            if None not in values:
                total = sum(v for v in values if v is not None)
                shown = cells[0] if len(cells) == 1 else _number(total, lang)
                parts.append(f"{column} {shown} MWh")
            continue
        if len(cells) == 1:
            unit = _unit(cells[0], name, lang)
            # "Phạm vi 1: 850 tấn", never "Phạm vi 1 850 tấn", which reads as one figure (round-19 dev e-mail)
            parts.append(f"{column}: {cells[0]} {unit}".strip() if column else f"{cells[0]} {unit}".strip())
            continue
        if not name:
            continue  # labelled lines hold several figures each: there is no one column to add up
        values = [_value(c, lang) for c in cells]
        if any(v is None for v in values) or _year_column(name) or any("%" in c for c in cells):
            continue  # names, years and shares are no amounts to add up
        total = sum(v for v in values if v is not None)  # written bare, in the column's unit
        parts.append(f"{column} {_number(total, lang)} {_column_unit(name, lang)}")
    separator = "，" if lang == "zh" else ", "
    return separator.join(parts) + ("。" if lang == "zh" else ".")


def _row_scope12(table: FigureTable, row: int, lang: Lang) -> float | None:
    """A row's scope 1+2 emissions, read from its figures as a question's facts are."""
    facts = read_question(row_facts(table, [row], lang), lang)
    s12 = facts.one("s12")
    if s12 is not None:
        return s12.value
    s1, s2 = facts.one("s1"), facts.one("s2")
    return s1.value + s2.value if s1 is not None and s2 is not None else None


def _site_left_out(table: FigureTable, named: list[int], question: str, lang: Lang) -> str | None:
    """ "Can we leave Factory No. 3 out of the target boundary?": a question that excludes one site of a table of
    several, and states no amount itself, is about the group's scope 1+2 with that site's left out."""
    if len(named) != 1 or len(table.rows) < 2:
        return None
    asked = read_question(question, lang)
    if "exclusion" not in asked.topics or any(m.unit == "t" and m.trusted for m in asked.mentions):
        return None
    amounts = [_row_scope12(table, i, lang) for i in range(len(table.rows))]
    if any(a is None for a in amounts):
        return None
    total = sum(a for a in amounts if a is not None)
    excluded = amounts[named[0]]
    phrase = str(vocabulary()["tables"]["site_left_out"][lang])
    return phrase.format(total=_number(total, lang), excluded=_number(excluded or 0.0, lang))


@dataclass(frozen=True)
class QuestionFacts:
    stated: str  # the facts the message states about the question's party, and its table rows' figures
    about: list[str]  # the sites or suppliers the question is about, as the message names them


def question_facts(message: str, questions: list[str], stated: str, lang: Lang) -> list[QuestionFacts]:
    """For each question, the facts the message states about its party (message_parties), with the figures of the
    table rows it is about. A question that names no party or row takes those of the question before it."""
    tables = find_tables(message, lang)
    parties = message_parties(message.splitlines())
    out: list[QuestionFacts] = []
    chosen: dict[int, list[int]] = {}
    party: list[str] = []
    for question in questions:
        extra: list[str] = []
        labels: list[str] = []
        for k, table in enumerate(tables):
            named = rows_named(table, question)
            if asks_about_all(question):
                rows = named if len(named) >= 2 else list(range(len(table.rows)))
            elif len(named) == 1:
                rows = named
            elif not named and leans_on_the_one_before(question):
                rows = chosen.get(k, [])
            elif not named and one_company(table):
                rows = list(range(len(table.rows)))  # "客户还必须设定scope 3目标吗?": the company is all its sites
            elif not named:
                rows = []
            else:
                rows = []
            chosen[k] = rows
            left_out = _site_left_out(table, named, question, lang)
            if left_out:
                extra.append(left_out)
                labels += [table.rows[i][0] for i in named]
            elif rows:
                extra.append(row_facts(table, rows, lang))
                labels += [table.rows[i][0] for i in rows]
        if asks_about_all(question):
            party = []
        else:
            party = parties_named(question, parties) or (party if leans_on_the_one_before(question) else [])
        facts = " ".join([own_statements(stated, party, parties), *extra]).strip()
        out.append(QuestionFacts(facts, list(dict.fromkeys(with_figures(stated, party, parties) + labels))))
    return out


def question_contexts(message: str, questions: list[str], stated: str, lang: Lang) -> list[str]:
    """For each question, the facts it is offered (``question_facts``)."""
    return [f.stated for f in question_facts(message, questions, stated, lang)]


def table_lines(message: str) -> frozenset[str]:
    """The lines of ``message`` that its tables take."""
    return frozenset().union(*(t.lines for t in find_tables(message)))
