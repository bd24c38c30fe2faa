"""``corpus/manifest.json``: what each bundled document is (title, languages, publisher, URL)."""

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
    extra: dict[str, Any] = field(default_factory=dict)


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
