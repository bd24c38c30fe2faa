"""``corpus/manifest.json``: what each bundled document is (title, languages, publisher, URL, and a short
title in each interface language for people to read instead of the file name)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    title: str
    languages: list[str]
    id: str | None = None
    title_en: str | None = None
    publisher: str | None = None
    source_url: str | None = None
    date: str | None = None
    notes: str | None = None
    running_header: str | None = None
    short_titles: dict[str, str] = field(default_factory=dict)  # {"vi", "zh", "en"}
    extra: dict[str, Any] = field(default_factory=dict)

    def short_title(self, lang: str) -> str:
        """The short title in ``lang``; the English or the original title when it has none."""
        return self.short_titles.get(lang) or (self.title_en if lang == "en" else None) or self.title


def load_manifest(corpus_dir: Path) -> dict[str, ManifestEntry]:
    path = corpus_dir / "manifest.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, ManifestEntry] = {}
    known = set(ManifestEntry.__dataclass_fields__)
    for row in data.get("documents", []):
        extra = {k: v for k, v in row.items() if k not in known}
        fields = {k: v for k, v in row.items() if k in known and k != "extra"}
        entry = ManifestEntry(**fields, extra=extra)
        out[entry.file] = entry
    return out
