"""Documents as people name them: a short title in the reader's language (``short_titles`` in
``corpus/manifest.json``) instead of a hashed file name, with the original title kept for hover text.
Documents a user added (not in the manifest) keep the title ingest gave them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.corpus.manifest import ManifestEntry, load_manifest


@dataclass(frozen=True)
class DocumentTitles:
    by_file: dict[str, ManifestEntry]

    @classmethod
    def from_corpus(cls, corpus_dir: Path) -> DocumentTitles:
        return cls(load_manifest(corpus_dir))

    def short(self, doc: str, lang: str, fallback: str | None = None) -> str:
        """``doc`` is a file name or a manifest id ("004")."""
        entry = self._entry(doc)
        return entry.short_title(lang) if entry else (fallback or doc)

    def original(self, doc: str, fallback: str | None = None) -> str:
        entry = self._entry(doc)
        return entry.title if entry else (fallback or doc)

    def url(self, doc: str) -> str | None:
        entry = self._entry(doc)
        return entry.source_url if entry else None

    def bundled(self, doc: str) -> bool:
        """Shipped with the project: its translations are the project's own, not machine ones."""
        return self._entry(doc) is not None

    def _entry(self, doc: str) -> ManifestEntry | None:
        found = self.by_file.get(doc)
        if found is None:
            found = next((e for e in self.by_file.values() if e.id == doc), None)
        return found
