"""A page of the live server's web UI in real headless Chromium (Debian's package, driven by
Playwright), one per test module; screenshots go to ``artifacts/screenshots``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[3] / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def page(live_server: str) -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (scripts/setup.sh --test installs it)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        pg = browser.new_page(viewport={"width": 1400, "height": 1100})
        pg.goto(f"{live_server}/ui/")
        pg.wait_for_selector("#question textarea", timeout=60_000)
        yield pg
        browser.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    return SHOTS
