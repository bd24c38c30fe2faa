"""Turn a raw span of a source file into clean chunk text.

Only the text that is shown and embedded is cleaned; offsets stay on the raw file so citations
can point back into it.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.corpus.structure import CJK, Span

_CAMEL_GLUE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_LATIN_GLUED = re.compile(r"[A-Za-z][A-Za-z&.'-]{5,}")
_NL_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}，。、；：（）])\n(?=[{CJK}，。、；：（）])")


# The CMS date of every article in 001 is the epoch placeholder (seeds README: "placeholder dates (`January
# 01, 1970`)"), and our translations carry it as written. It is no date of anything: quotes leave it out.
_PLACEHOLDER_DATES = re.compile(r"\s*(?:January 01, 1970|Ngày 01 tháng 01 năm 1970|1970年1月1日)\s*")


def without_placeholders(text: str) -> str:
    """``text`` without the extraction's placeholder dates (what a quote shows; the index keeps them)."""
    return _PLACEHOLDER_DATES.sub(" ", text).strip()


def remove_spans(text: str, offset: int, spans: list[Span]) -> str:
    """Drop running headers (given in file offsets) from a slice that starts at ``offset``."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for s in spans:
        a, b = s.start - offset, s.end - offset
        if b <= 0 or a >= len(text):
            continue
        out.append(text[pos : max(a, 0)])
        pos = max(pos, min(b, len(text)))
    out.append(text[pos:])
    return "".join(out)


def split_glued_words(text: str) -> str:
    """``LeviStrauss&Co.`` → ``Levi Strauss&Co.``: the 004 extraction lost most spaces."""
    return _LATIN_GLUED.sub(lambda m: _CAMEL_GLUE.sub(" ", m.group()), text)


def clean_text(text: str, glued: bool = False) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[ \t]*\t[ \t]*", " | ", text)
    text = re.sub(r"\n[ \t]*\n\s*", "\x00", text)  # paragraph breaks survive as one newline
    text = _NL_BETWEEN_CJK.sub("", text)
    text = re.sub(r"[ \t]*\n[ \t]*", " ", text)
    text = re.sub(r" {2,}", " ", text).replace("\x00", "\n")
    if glued:
        text = split_glued_words(text)
    return text.strip()
