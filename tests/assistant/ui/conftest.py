"""One headless Chromium (Debian's package, driven by Playwright) and one page of the live server's web UI
for every browser test of the session; helpers to switch the interface language, open a tab (also from a
tab strip's overflow menu), read the pathway chart as drawn, and run the axe-core accessibility scan.
Screenshots go to ``artifacts/screenshots``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.ui.labels import LANG_CHOICES, ui

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REPO = Path(__file__).resolve().parents[3]
SHOTS = REPO / "artifacts" / "screenshots"
AXE = REPO / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"  # scripts/setup.sh --test
LANGS = ("vi", "zh", "en")
LANG_NAMES = {code: name for name, code in LANG_CHOICES}
# flags that keep Chromium off the network (this machine has none) and quick to start
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


class UIPage:
    """The page and the moves a person makes on it."""

    def __init__(self, page: Any, base_url: str, browser: Any) -> None:
        self.page = page
        self.base_url = base_url
        self.browser = browser
        self.lang = "en"

    def set_language(self, lang: str) -> None:
        """Choose the interface language and wait until the page is relabelled."""
        pg = self.page
        pg.click(f"#ui-lang label:has-text('{LANG_NAMES[lang]}')")
        pg.wait_for_selector(f"#send:has-text('{ui('send', lang)}')", state="attached", timeout=20_000)
        pg.get_by_role("tab", name=ui("tab_calculators", lang), exact=True).wait_for(state="visible", timeout=20_000)
        self.lang = lang

    def open_tab(self, elem_id: str, label: str) -> None:
        """Click a tab by its element id, through the tab strip's "more tabs" menu when it overflowed."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        pg = self.page
        button = pg.locator(f"#{elem_id}-button")
        # Gradio measures the strip after it is shown and may move a visible button into the menu meanwhile,
        # so a click that finds its button gone is tried again the other way (a CI run hung 30 s on one)
        for attempt in range(4):
            try:
                if button.count() and button.first.is_visible():
                    button.first.click(timeout=5_000)
                else:
                    menu = pg.locator(".overflow-menu:not(.hide) button[aria-label]").filter(visible=True).first
                    menu.click(timeout=5_000)
                    dropdown = pg.locator(".overflow-dropdown:not(.hide)")
                    dropdown.get_by_role("button", name=label, exact=True).click(timeout=5_000)
                break
            except PlaywrightTimeoutError:
                if attempt == 3:
                    raise
                pg.wait_for_timeout(500)
        pg.locator(f"#{elem_id}").first.wait_for(state="visible", timeout=10_000)

    def main_tab(self, key: str) -> None:
        self.page.get_by_role("tab", name=ui(key, self.lang), exact=True).click()

    def chart(self, elem_id: str) -> dict[str, Any]:
        """What Plotly drew: each trace (name, points, dash), the markers and lines rendered into the SVG,
        the legend's texts, the year marks and the axis titles."""
        return self.page.evaluate(
            """(id) => {
              const root = document.querySelector('#' + id + ' .js-plotly-plot');
              if (!root || !root._fullData) return null;
              const traces = Array.from(root.querySelectorAll('.scatterlayer .trace'));
              return {
                traces: root._fullData.map((t, i) => ({name: t.name, kind: t.meta, x: Array.from(t.x),
                  y: Array.from(t.y), dash: t.line.dash})),
                // per trace: the markers drawn (one per year) and whether its line has a path
                drawn: traces.map(g => g.querySelectorAll('.points path.point').length),
                lines: traces.map(g => !!(g.querySelector('path.js-line') || {getAttribute: () => ''}).getAttribute('d')),
                legend: Array.from(root.querySelectorAll('.legendtext')).map(e => e.textContent),
                marks: Array.from(root.querySelectorAll('.annotation-text')).map(e => e.textContent),
                axes: Array.from(root.querySelectorAll('.g-xtitle, .g-ytitle')).map(e => e.textContent),
              };
            }""",
            elem_id,
        )

    def axe(self) -> list[dict[str, Any]]:
        """axe-core's violations (WCAG 2.x A and AA rules and best practices) on the page as it stands."""
        if not AXE.is_file():
            pytest.skip("axe-core is not installed (scripts/setup.sh --test installs it with npm)")
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(path=str(AXE))
        return self.page.evaluate(
            """async () => {
              const r = await axe.run(document, {resultTypes: ['violations']});
              return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
            }"""
        )

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (scripts/setup.sh --test installs it)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_ui(browser: Any, base_url: str, locale: str = "en-US") -> Any:
    """A new browser context (its own storage) with ``locale`` as navigator.language, on the UI."""
    context = browser.new_context(locale=locale, viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    pg = context.new_page()
    pg.goto(f"{base_url}/ui/")
    pg.wait_for_selector("#question textarea", timeout=60_000)
    return pg


@pytest.fixture(scope="session")
def ui_page(browser: Any, live_server: str) -> UIPage:
    """The one page the browser tests share (in English at first, as an en-US browser opens it)."""
    pg = open_ui(browser, live_server)
    pg.wait_for_selector(f"#send:has-text('{ui('send', 'en')}')", timeout=20_000)
    return UIPage(pg, live_server, browser)


@pytest.fixture
def open_page(browser: Any, live_server: str) -> Iterator[Any]:
    """Open the UI in a fresh browser context with a given locale (``open_page("vi-VN")``)."""
    contexts: list[Any] = []

    def make(locale: str) -> Any:
        pg = open_ui(browser, live_server, locale)
        contexts.append(pg.context)
        return pg

    yield make
    for context in contexts:
        context.close()
