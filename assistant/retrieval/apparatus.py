"""Back matter: a table of contents or a list of references.

Such a passage names every topic of its document — "SBTi", "范围三", "Science Based Targets initiative" — so it
matches a question's words better than the clause that answers it, yet states nothing: on the dev data (1,518
questions with a gold passage) the guide's contents page and bibliography took about 330 of the top-five places
and held 4 gold quotes. Retrieval keeps ``settings.back_matter_weight`` of their score. Recognised by form, not
by document: bibliography entries (a year, then a title, with a link or an access date), or headings run
straight into their page number and the next section's number ("…本指南的目标81.6本指南的受众…").
"""

from __future__ import annotations

import re

# one bibliography entry: "2018年。《…》", "2017. “…”", "网站访问日期", "accessed on", "truy cập ngày"
_ENTRY = re.compile(
    r"(?:19|20)\d{2}[a-z]?\s*[年]?\s*[。.]\s*[《“\"(]|网站访问日期|访问日期|accessed on|retrieved from|truy cập ngày",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://|www\.")
# "…本指南的目标81.6本指南的受众…": a heading run straight into its page number and the next section's number
_TOC_LINE = re.compile(r"[\u4e00-\u9fff)]\d{1,2}\d{1,2}\.\d{1,2}(?=[\u4e00-\u9fffA-Za-z])")
MIN_ENTRIES = 2  # bibliography entries a passage holds (with at least one link) to be a list of references
MIN_TOC_HEADINGS = 4  # heading, page number, next section number: four in a passage make a contents page


def is_back_matter(text: str) -> bool:
    """The passage is a list of references or a table of contents."""
    if len(_ENTRY.findall(text)) >= MIN_ENTRIES and _LINK.search(text):
        return True
    return len(_TOC_LINE.findall(text)) >= MIN_TOC_HEADINGS
