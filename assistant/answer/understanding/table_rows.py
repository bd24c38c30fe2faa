"""Table rows: the value a question asks of a row of a quoted table ("2.1.1 测算并披露范围 1&2 排放量 | 5",
"纺织 | 范围 1+2 vs. 范围 3 上游 = 20%:80%"), so an answer can open by stating it.

Tables reach the index flattened: cells joined by " | " (``corpus/cleaning.py``), and a wrapped table runs
one row into the next ("… = 20%:80% 皮革 | …"). A row's value is a bare points figure (an integer, not an
indicator id such as 2.1.1) or a ratio written with "="; its label is the cell before it. The row asked about
is the one whose label shares the most key words with the question, or whose indicator id the question
names; a tie states nothing (the quote then speaks for itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.understanding.reading import _has, fold, vocabulary
from assistant.text.tokenize import tokenize

_POINTS = re.compile(r"^(\d{1,3})(?![\d.,]\d)\s*(.*)$", re.DOTALL)
_RATIO = re.compile(r"^(.*?=\s*\d+(?:[.,]\d+)?%\s*[:：]\s*\d+(?:[.,]\d+)?%)\s*(.*)$", re.DOTALL)
_INDICATOR = re.compile(r"\b\d+\.\d+\.\d+\b")


@dataclass(frozen=True)
class RowValue:
    label: str
    value: str
    points: bool  # a bare figure of points (worded with its unit), not a ratio


def rows(text: str) -> list[RowValue]:
    """The (label, value) pairs of a flattened table, in order."""
    cells = [c.strip() for c in text.split(" | ")]
    out: list[RowValue] = []
    label = cells[0] if cells else ""
    for cell in cells[1:]:
        points, ratio = _POINTS.match(cell), _RATIO.match(cell)
        match = points or ratio
        if match and label:
            out.append(RowValue(label.strip(" _"), match.group(1).strip(), points is not None))
            label = match.group(2)
        else:
            label = cell
    return out


def asks_row_value(question: str) -> bool:
    """The question asks a figure a table gives: points, a score, a weight."""
    return bool(_has(vocabulary()["asks"]["table_value"], fold(question)))


def row_asked(question: str, text: str) -> RowValue | None:
    """The row of ``text`` the question asks about, when one stands out."""
    if not asks_row_value(question):
        return None
    found = rows(text)
    if not found:
        return None
    named = set(_INDICATOR.findall(question))
    # the words that ask for the value ("权重", "points") are in every header, not in the row asked about
    q_tokens = set(tokenize(question)) - {tok for cue in vocabulary()["asks"]["table_value"] for tok in tokenize(cue)}

    def score(row: RowValue) -> float:
        ids = set(_INDICATOR.findall(row.label))
        return 100.0 * len(ids & named) + len(q_tokens & set(tokenize(row.label)))

    ranked = sorted(found, key=score, reverse=True)
    best = score(ranked[0])
    if best <= 0 or (len(ranked) > 1 and score(ranked[1]) == best):
        return None
    return ranked[0]
