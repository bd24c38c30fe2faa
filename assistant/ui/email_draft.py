"""A helpdesk draft made ready to send: the sources numbered at the end in the reader's language, and
the reply as a plain-text e-mail (no Markdown marks) beside the Markdown.

The draft (``assistant.workflows.helpdesk``) lists its sources by file name and original title before
the next steps; ``reader_reply`` moves them to the end, each by its short title in the manufacturer's
language, with the original title and where to find the document (the quotes, with our translation
marked unofficial, already stand in the reply beside each marker).
``plain_text`` renders Markdown with markdown-it-py's parser, so what it drops is Markdown syntax and
nothing else.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from assistant.messages import t
from assistant.ui.doc_titles import DocumentTitles
from assistant.ui.labels import locator_text

SOURCES_RULE = "---"  # starts the sources section at the end of a reader-ready reply
_MD = MarkdownIt("commonmark")


_SOURCE_ENTRY = re.compile(r"^\[\d+\] ")


def reader_reply(reply: str, citations: list[dict[str, Any]], lang: str, titles: DocumentTitles) -> str:
    """``reply`` with its sources section rebuilt at the end in ``lang`` (idempotent: a reply already
    in this form, such as an approved one reused, gets the same section once)."""
    heading = f"**{t('workflow.sources', lang)}**"
    body = reply.rstrip()
    kept: list[str] = []  # what staff wrote after the sources (a signature) stays, after them
    end_section = body.find(f"\n{SOURCES_RULE}\n\n{heading}")
    if end_section >= 0:
        tail = body[end_section:].split("\n\n")[2:]  # after the rule and the heading
        kept = [para for para in tail if para.strip() and not _SOURCE_ENTRY.match(para.strip())]
        body = body[:end_section].rstrip()
    else:
        start = body.find(heading)
        if start >= 0:
            after = body.find("\n\n**", start + len(heading))
            body = (body[:start] + (body[after + 2 :] if after >= 0 else "")).rstrip()
    if not citations:
        return "\n\n".join([body, *kept])
    entries = [_source_entry(c, lang, titles) for c in citations]
    return "\n\n".join([body, SOURCES_RULE, heading, *entries, *kept])


def _source_entry(c: dict[str, Any], lang: str, titles: DocumentTitles) -> str:
    """``[1] Short title, where`` and, on the next line, the original title and where to find it (the quote
    and its translation already stand in the reply beside the marker)."""
    doc = str(c.get("doc", ""))
    short = titles.short(doc, lang, str(c.get("title") or doc))
    original = titles.original(doc, str(c.get("title") or doc))
    where = locator_text(str(c.get("locator", "")), lang)
    found_at = " · ".join(x for x in (original if original != short else "", titles.url(doc) or "") if x)
    return f"[{c.get('id')}] {short}, {where}" + (f"  \n{found_at}" if found_at else "")


def plain_text(markdown: str, width: int = 0) -> str:
    """The Markdown as a plain-text e-mail: emphasis marks dropped, quotes indented, bullets as "•",
    headings and thematic breaks as lines of text; ``width`` > 0 wraps paragraphs."""
    tokens = _MD.parse(markdown)
    out: list[str] = []
    prefix: list[str] = []  # one entry per open blockquote / list item
    bullets: list[str | int] = []  # "•" or the next number, one per open list
    pending_marker = ""
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "blockquote_open":
            prefix.append("    ")
        elif kind == "blockquote_close":
            prefix.pop()
        elif kind == "bullet_list_open":
            bullets.append("•")
        elif kind == "ordered_list_open":
            bullets.append(int(tok.attrGet("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            bullets.pop()
            if not bullets:
                out.append("")
        elif kind == "list_item_open":
            mark = bullets[-1]
            if isinstance(mark, int):
                pending_marker = f"{mark}. "
                bullets[-1] = mark + 1
            else:
                pending_marker = "• "
            prefix.append(" " * len(pending_marker))
        elif kind == "list_item_close":
            prefix.pop()
        elif kind == "hr":
            out += ["―" * 20, ""]
        elif kind in ("fence", "code_block"):
            out += [_indent(tok.content.rstrip("\n"), "".join(prefix) + "    "), ""]
        elif kind == "inline":
            text = _inline(tok.children or [])
            if tokens[i - 1].type == "heading_open":
                text = text.upper() if tokens[i - 1].tag in ("h1", "h2") else text
            if width > 0:
                text = "\n".join(textwrap.fill(line, width) for line in text.split("\n"))
            lead = "".join(prefix)
            if pending_marker:
                lead = "".join(prefix[:-1]) + pending_marker
                pending_marker = ""
            lines = text.split("\n")
            out.append(lead + lines[0])
            out += ["".join(prefix) + line for line in lines[1:]]
            tight = i + 1 < len(tokens) and tokens[i + 1].hidden
            if not tight:
                out.append("".join(prefix).rstrip())
        elif kind == "html_block":
            out += [tok.content.rstrip("\n"), ""]
    text = "\n".join(line.rstrip() for line in out)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def _inline(children: list[Token]) -> str:
    parts: list[str] = []
    links: list[str] = []
    for tok in children:
        if tok.type in ("text", "code_inline", "html_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif tok.type == "link_open":
            links.append(str(tok.attrGet("href") or ""))
        elif tok.type == "link_close":
            href = (links.pop() if links else "").removeprefix("mailto:")
            if href and href not in parts[-1:]:
                parts.append(f" ({href})")
        elif tok.type == "image":
            parts.append(tok.content)
    return "".join(parts)


def _indent(text: str, lead: str) -> str:
    return "\n".join(lead + line for line in text.split("\n"))
