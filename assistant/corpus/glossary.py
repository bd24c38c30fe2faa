"""The trilingual domain glossary (``corpus/glossary.csv``) and term matching in any text.

Keywords do not cross languages, so retrieval leans on this table: a query's terms are expanded
into their Vietnamese / Chinese / English equivalents, and each chunk is also indexed under the
equivalents of the terms it contains.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.text.language import LANGS, Lang

# glossary categories whose entries are names (corpus/glossary.csv), and a name written as an acronym
NAME_CATEGORIES = frozenset({"organisation", "program"})
_ACRONYM = re.compile(r"[A-Za-z]{2,6}")


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    category: str
    terms: dict[str, tuple[str, ...]]  # lang -> preferred term first, then aliases
    docs: tuple[str, ...] = ()
    note: str = ""
    enforce: bool = False  # a term of art: translations must use the preferred term or an alias

    def preferred(self, lang: str) -> str:
        forms = self.terms.get(lang) or ()
        return forms[0] if forms else ""


@dataclass
class Glossary:
    entries: list[GlossaryEntry]
    source: Path | None = None  # the CSV it was read from (translation checks depend on it)
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    _lookup: dict[str, dict[str, list[GlossaryEntry]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for lang in LANGS:
            table: dict[str, list[GlossaryEntry]] = {}
            for e in self.entries:
                for form in e.terms.get(lang, ()):
                    if lang == "zh" and not _HAS_CJK.search(form):
                        continue  # Latin forms (UNGC, GEVA) are matched with word boundaries below
                    key = _norm(form, lang)
                    if len(key) >= 2 and e not in table.setdefault(key, []):
                        table[key].append(e)
            self._lookup[lang] = table
            keys = sorted(table, key=len, reverse=True)
            if not keys:
                continue
            alternation = "|".join(re.escape(k) for k in keys)
            if lang == "zh":
                self._patterns[lang] = re.compile(alternation)
            else:
                self._patterns[lang] = re.compile(rf"(?<![0-9A-Za-z_À-ỹ])(?:{alternation})(?![0-9A-Za-z_À-ỹ])")

    def match(self, text: str) -> list[tuple[GlossaryEntry, str, str]]:
        """Entries whose forms occur in the text, with the language and form that matched."""
        found: list[tuple[GlossaryEntry, str, str]] = []
        seen: set[tuple[str, str]] = set()
        for lang, pattern in self._patterns.items():
            hay = _norm(text, lang)
            for m in pattern.finditer(hay):
                for e in self._lookup[lang][m.group()]:
                    if (e.id, lang) not in seen:
                        seen.add((e.id, lang))
                        found.append((e, lang, m.group()))
        return found

    def expansions(
        self, text: str, exclude_lang: str | None = None, aliases: bool = False, acronyms: bool = True
    ) -> list[str]:
        """Equivalents, in the other languages, of the glossary terms found in the text. With
        ``acronyms=False``, a programme or organisation named by its acronym ("SBTi", "MCAP", "CATI") is not
        spelled out: the documents of every language write the acronym itself, and the full names' words
        ("Sáng kiến Mục tiêu dựa trên Khoa học") match every passage about targets."""
        out: list[str] = []
        matched = self.match(text)
        ids_seen: set[str] = set()
        for entry, _, form in matched:
            if entry.id in ids_seen:
                continue
            if not acronyms and entry.category in NAME_CATEGORIES and _ACRONYM.fullmatch(form):
                continue
            ids_seen.add(entry.id)
            for lang in LANGS:
                if lang == exclude_lang:
                    continue
                forms = entry.terms.get(lang, ())
                out.extend(forms if aliases else forms[:1])
        return [t for t in dict.fromkeys(out) if t]

    def probes(self, text: str) -> dict[str, tuple[str, list[str]]]:
        """Per language: the text with its glossary terms switched into that language, and those
        terms alone. A multilingual embedder and BM25 both find other-language passages better
        from such a code-switched probe than from the original wording."""
        matches = self.match(text)
        out: dict[str, tuple[str, list[str]]] = {}
        for lang in LANGS:
            terms: list[str] = []
            probe = _norm(text, "en")
            for entry, found_lang, form in sorted(matches, key=lambda m: len(m[2]), reverse=True):
                target = entry.preferred(lang)
                if not target:
                    continue
                terms.append(target)
                if found_lang != lang and form in probe:
                    probe = probe.replace(form, f" {target} ")
            out[lang] = (re.sub(r"\s+", " ", probe).strip(), list(dict.fromkeys(terms)))
        return out

    def search(self, query: str, limit: int = 50) -> list[GlossaryEntry]:
        """Entries whose terms contain the query (for the UI's glossary page)."""
        q = query.strip().casefold()
        if not q:
            return self.entries[:limit]
        hits = [
            e for e in self.entries if any(q in f.casefold() for forms in e.terms.values() for f in forms) or q in e.id
        ]
        return hits[:limit]


_HAS_CJK = re.compile(r"[\u3400-\u9fff]")


def _norm(text: str, lang: Lang | str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    if lang == "zh":
        return re.sub(r"\s+", "", text)
    return re.sub(r"\s+", " ", text)


def load_glossary(path: Path) -> Glossary:
    entries: list[GlossaryEntry] = []
    if not path.is_file():
        return Glossary(entries, path)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            terms: dict[str, tuple[str, ...]] = {}
            for lang in LANGS:
                forms = [row.get(lang, "") or ""] + (row.get(f"aliases_{lang}", "") or "").split("|")
                terms[lang] = tuple(dict.fromkeys(unicodedata.normalize("NFC", f.strip()) for f in forms if f.strip()))
            docs = tuple(d.strip() for d in (row.get("docs") or "").split("|") if d.strip())
            entries.append(
                GlossaryEntry(
                    id=(row.get("id") or "").strip(),
                    category=(row.get("category") or "").strip(),
                    terms=terms,
                    docs=docs,
                    note=(row.get("note") or "").strip(),
                    enforce=(row.get("enforce") or "").strip().lower() in ("1", "true", "yes"),
                )
            )
    return Glossary(entries, path)


def _fold_all(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).casefold()


def term_documents(row: dict[str, str], texts: dict[str, str]) -> list[str]:
    """The documents (by their 3-digit id) in which one of a glossary row's forms occurs."""
    forms = [row.get(lang, "") or "" for lang in LANGS]
    forms += [f for lang in LANGS for f in (row.get(f"aliases_{lang}", "") or "").split("|")]
    keys = [_fold_all(f) for f in forms if f.strip()]
    return sorted(doc for doc, text in texts.items() if any(k in _fold_all(text) for k in keys))


@lru_cache(maxsize=4)
def glossary_for(path: Path) -> Glossary:
    return load_glossary(path)
