"""The staff tabs in real headless Chromium, in Vietnamese, Chinese and English: without a key the helpdesk
says what a key is and how to get one; staff draft a reply (reached by keyboard), read it formatted, copy
or download it as a plain-text e-mail without Markdown marks and with its sources numbered at the end in
the reader's language, edit the Markdown and approve it, and the same message then gets the approved
reply; an advisor adds a manufacturer, logs sessions up to and past the allowance, and exports the
summary."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.access.keys import create_key
from assistant.config import Settings
from assistant.messages import catalog, t
from assistant.storage.database import Database
from assistant.ui.labels import LANG_CHOICES, ui
from tools.advisory_allowance import advisory_allowance

pytestmark = pytest.mark.slow

UIPage = Any  # conftest.UIPage
LANGS = ("vi", "zh", "en")
LANG_NAMES = {code: name for name, code in LANG_CHOICES}
YEAR = date.today().year
MESSAGES = {
    "vi": "Chào anh chị, chúng tôi là một nhà máy may ở Bình Dương. MCAP hỗ trợ tư vấn bao nhiêu giờ mỗi năm? Cảm ơn!",
    "zh": "您好！我们是一家鞋厂，想了解MCAP每年提供多少小时的咨询支持？谢谢！",
    "en": "Hello, we are a garment factory. How many hours of advisory support does MCAP give each year? Thanks",
}
MCAP_TITLE = {"vi": "Các yếu tố chính của MCAP", "zh": "MCAP 框架要点", "en": "MCAP key elements"}
SIGNED = {"vi": "(Đã kiểm tra: Lan)", "zh": "（已由 Lan 审核）", "en": "(Checked by Lan)"}


@pytest.fixture(scope="module")
def keys(corpus_settings: Settings) -> dict[str, str]:
    db = Database.from_settings(corpus_settings)
    db.upgrade()
    return {"staff": create_key(db, "Lan (helpdesk)", "staff")[1], "advisor": create_key(db, "Minh", "advisor")[1]}


def _template(key: str, lang: str) -> str:
    """A catalog message with its ``{placeholders}`` left in (``_wait_text`` matches the fixed parts)."""
    return catalog().messages[key][lang]


def _wait_text(pg: Any, selector: str, template: str, timeout: int = 90_000) -> str:
    """Wait until ``selector`` shows a message whose fixed parts (around ``{placeholders}``) are all there."""
    parts = [p for p in re.split(r"\{\w+\}", template) if p.strip()]
    pg.wait_for_function(
        "([sel, parts]) => { const e = document.querySelector(sel);"
        " return !!e && parts.every(p => e.innerText.includes(p.trim())); }",
        arg=[selector, parts],
        timeout=timeout,
    )
    return str(pg.locator(selector).inner_text())


@pytest.mark.parametrize("lang", LANGS)
def test_helpdesk_draft_to_approval(ui_page: UIPage, keys: dict[str, str], lang: str) -> None:
    ui_page.set_language(lang)
    pg = ui_page.page
    ui_page.main_tab("tab_helpdesk")
    ui_page.open_tab("hd-tab-formatted", ui("hd_tab_formatted", lang))
    pg.fill("#hd-key input", "")
    pg.fill("#hd-message textarea", MESSAGES[lang])
    pg.click("#hd-draft")
    status = _wait_text(pg, "#hd-status", ui("need_key", lang, role="staff").split("**")[1])
    assert "assistant keys create --role staff" in status and "/v1/admin/keys" in status
    assert "Authorization" not in status

    pg.fill("#hd-key input", keys["staff"])
    pg.click(f"#hd-staff-lang label:has-text('{LANG_NAMES[lang]}')")
    pg.focus("#hd-message textarea")
    for _ in range(30):  # by keyboard: Tab from the message to the Draft button, then Enter
        pg.keyboard.press("Tab")
        if pg.evaluate("() => document.activeElement && document.activeElement.id === 'hd-draft'"):
            break
    else:
        pytest.fail("the Draft button is not reachable with Tab")
    pg.keyboard.press("Enter")
    _wait_text(pg, "#hd-status", _template("ui.hd_drafted", lang))
    pg.wait_for_selector("#hd-preview strong", timeout=30_000)

    preview = pg.locator("#hd-preview").inner_text()
    assert "**" not in preview and "mcap@cascale.org" in preview
    assert t("workflow.note_title", lang) in pg.locator("#hd-note").inner_text()  # beside it, in the staff's language

    ui_page.open_tab("hd-tab-plain", ui("hd_tab_plain", lang))
    email = pg.input_value("#hd-plain textarea")
    assert "**" not in email and not re.search(r"(?m)^\s*(> |#|- \[)", email) and not re.search(r"(?m)^_|_$", email)
    tail = email[email.rfind(t("workflow.sources", lang)) :]
    assert tail.startswith(t("workflow.sources", lang)), "sources numbered at the end"
    assert f"[1] {MCAP_TITLE[lang]}" in tail  # the document by its short title in the reader's language
    assert "000_0879da0e186f5247" not in email
    with pg.expect_download() as download:
        pg.click("#hd-download-txt")
    assert Path(download.value.path()).read_text(encoding="utf-8").strip() == email.strip()
    with pg.expect_download() as download:
        pg.click("#hd-download-md")
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert "**" in markdown and download.value.suggested_filename.endswith(".md")

    ui_page.open_tab("hd-tab-markdown", ui("hd_tab_markdown", lang))
    edited = pg.input_value("#hd-reply textarea") + f"\n\n{SIGNED[lang]}"
    pg.fill("#hd-reply textarea", edited)
    ui_page.open_tab("hd-tab-formatted", ui("hd_tab_formatted", lang))
    pg.wait_for_selector(f"#hd-preview :text('{SIGNED[lang]}')", timeout=20_000)
    pg.click("#hd-approve")
    _wait_text(pg, "#hd-status", _template("ui.hd_approved", lang), timeout=30_000)
    ui_page.shot(f"ui_helpdesk_{lang}")

    pg.click("#hd-draft")  # the same message again: the approved reply comes back
    _wait_text(pg, "#hd-note", _template("workflow.note_reused", lang))
    ui_page.open_tab("hd-tab-markdown", ui("hd_tab_markdown", lang))
    reused = pg.input_value("#hd-reply textarea")
    assert SIGNED[lang] in reused and reused.count(t("workflow.sources", lang)) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_advisory_session_to_summary(ui_page: UIPage, keys: dict[str, str], lang: str) -> None:
    ui_page.set_language(lang)
    pg = ui_page.page
    ui_page.main_tab("tab_advisory")
    name = f"Công ty Giày Đồng Nai ({lang})"
    pg.fill("#adv-key input", keys["staff"])
    accordion = pg.locator("#adv-new")
    if not pg.locator("#adv-name").is_visible():
        accordion.get_by_text(ui("adv_new", lang)).first.click()
    pg.fill("#adv-name textarea", name)
    pg.fill("#adv-country textarea", "Việt Nam")
    pg.click("#adv-add")
    pg.wait_for_selector(f"#adv-status :text('{name}')", timeout=30_000)
    assert advisory_allowance(YEAR, []).explanation[lang] in pg.locator("#adv-allowance").inner_text()

    pg.fill("#adv-date textarea", f"{YEAR}-01-10")
    pg.fill("#adv-hours input", "6")
    pg.fill("#adv-topics textarea", "phạm vi 3, năm cơ sở")
    pg.uncheck("#adv-confirm input")
    pg.click("#adv-log")  # staff may not log advisory sessions
    _wait_text(pg, "#adv-status", t("errors.forbidden", lang), timeout=30_000)

    pg.fill("#adv-key input", keys["advisor"])
    pg.click("#adv-log")
    _wait_text(pg, "#adv-status", _template("ui.adv_logged", lang), timeout=30_000)
    assert advisory_allowance(YEAR, [6]).explanation[lang] in pg.locator("#adv-allowance").inner_text()

    pg.fill("#adv-date textarea", f"{YEAR}-02-10")
    pg.fill("#adv-hours input", "5")
    pg.click("#adv-log")
    status = _wait_text(pg, "#adv-status", _template("ui.adv_over_allowance", lang), timeout=30_000)
    assert "confirm_over_allowance" not in status
    assert advisory_allowance(YEAR, [6]).explanation[lang] in pg.locator("#adv-allowance").inner_text()
    pg.check("#adv-confirm input")
    pg.click("#adv-log")
    _wait_text(pg, "#adv-status", _template("ui.adv_logged", lang), timeout=30_000)
    assert advisory_allowance(YEAR, [6, 5]).explanation[lang] in pg.locator("#adv-allowance").inner_text()
    ui_page.shot(f"ui_advisory_{lang}")

    links = pg.locator("#adv-summary-file a")
    previous = links.first.get_attribute("href", timeout=2_000) if links.count() else None
    pg.click("#adv-export-html")
    # The page is shared across languages: wait for this export's link, not the one an earlier test left.
    pg.wait_for_function(
        "([sel, old]) => { const a = document.querySelector(sel);"
        " return !!a && !!a.getAttribute('href') && a.getAttribute('href') !== old; }",
        arg=["#adv-summary-file a", previous],
        timeout=30_000,
    )
    href = links.first.get_attribute("href", timeout=5_000) or ""
    assert href.endswith(".html")
    page_text = pg.request.get(href if href.startswith("http") else f"{ui_page.base_url}{href}").text()
    assert t("workflow.summary_title", "vi") in page_text and name in page_text  # the manufacturer's language
    assert ui("adv_summary_file", lang) in pg.locator("#tab-advisory").inner_text()
