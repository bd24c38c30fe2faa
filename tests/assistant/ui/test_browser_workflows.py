"""The staff tabs in real headless Chromium: a wrong key is refused; staff draft, edit and approve a
reply, and the same question then gets the approved reply; an advisor adds a manufacturer, logs
sessions up to and past the allowance, and exports a summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.access.keys import create_key
from assistant.config import Settings
from assistant.storage.database import Database

pytestmark = pytest.mark.slow

YEAR = date.today().year


@pytest.fixture(scope="module")
def keys(corpus_settings: Settings) -> dict[str, str]:
    db = Database.from_settings(corpus_settings)
    db.upgrade()
    return {"staff": create_key(db, "Lan (helpdesk)", "staff")[1], "advisor": create_key(db, "Minh", "advisor")[1]}


MESSAGE = "您好！我们是一家鞋厂，想了解MCAP每年提供多少小时的咨询支持？谢谢！"


def test_helpdesk_draft_approve_and_reuse(page, shots: Path, keys: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name="Helpdesk (draft replies)").click()
    page.fill("#hd-key input", "not-a-key")
    page.fill("#hd-message textarea", MESSAGE)
    page.click("#hd-draft")
    page.wait_for_selector("#hd-status :text('API key')", timeout=30_000)

    page.fill("#hd-key input", keys["staff"])
    page.click("#hd-draft")
    page.wait_for_selector("#hd-status :text('saved')", timeout=90_000)
    reply = page.input_value("#hd-reply textarea")
    assert reply.startswith("尊敬的") and "mcap@cascale.org" in reply
    assert "Internal note" in page.locator("#hd-note").inner_text()
    page.fill("#hd-reply textarea", reply + "\n\n（已由 Lan 审核）")
    page.click("#hd-approve")
    page.wait_for_selector("#hd-status :text('approved')", timeout=30_000)
    page.screenshot(path=str(shots / "ui_helpdesk_approved.png"), full_page=True)

    page.fill("#hd-reply textarea", "")
    page.click("#hd-draft")  # the same message again: the approved reply comes back
    page.wait_for_selector("#hd-note :text('Reused approved answer')", timeout=90_000)
    assert "已由 Lan 审核" in page.input_value("#hd-reply textarea")


def test_advisory_sessions_past_the_allowance_and_export(page, shots: Path, keys: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name="Advisory sessions").click()
    page.fill("#adv-key input", keys["staff"])
    page.get_by_text("Add a manufacturer").first.click()  # the accordion
    page.fill("#adv-name textarea", "Công ty Giày Đồng Nai")
    page.fill("#adv-country textarea", "Vietnam")
    page.click("#adv-add")
    page.wait_for_selector("#adv-status :text('Công ty Giày Đồng Nai')", timeout=30_000)
    assert "10 hours left" in page.locator("#adv-allowance").inner_text()

    page.fill("#adv-date textarea", f"{YEAR}-01-10")
    page.fill("#adv-hours input", "6")
    page.fill("#adv-topics textarea", "scope 3, base year")
    page.click("#adv-log")  # staff may not log advisory sessions
    page.wait_for_selector("#adv-status :text('not allowed')", timeout=30_000)

    page.fill("#adv-key input", keys["advisor"])
    page.click("#adv-log")
    page.wait_for_selector("#adv-status :text('logged')", timeout=30_000)
    assert "4 hours left" in page.locator("#adv-allowance").inner_text()

    page.fill("#adv-date textarea", f"{YEAR}-02-10")
    page.fill("#adv-hours input", "5")
    page.click("#adv-log")
    page.wait_for_selector("#adv-status :text('exceed')", timeout=30_000)
    assert "4 hours left" in page.locator("#adv-allowance").inner_text()  # nothing logged
    page.check("#adv-confirm input")
    page.click("#adv-log")
    page.wait_for_selector("#adv-status :text('logged')", timeout=30_000)
    assert "0 hours left" in page.locator("#adv-allowance").inner_text()
    page.screenshot(path=str(shots / "ui_advisory.png"), full_page=True)

    page.click("#adv-export-html")
    link = page.locator("#adv-summary-file a").first
    link.wait_for(timeout=30_000)
    assert link.get_attribute("href", timeout=5_000).endswith(".html")  # type: ignore[union-attr]
