"""The HTML report in a real browser, the way people read it: opened from disk, offline.

Two reports are opened in headless Chromium (the system browser, driven by Playwright) with
every non-``file:`` request aborted: the bundled example and a 30-outlet report built from
inline synthetic articles. At a desktop (1280 px) and a phone (390 px) width the tests check
that the page logs no console errors and attempts no network request, that no table is
clipped (content wider than its box is only allowed inside a horizontally scrollable wrapper
that itself fits the screen), and that following an evidence link brings its sentence into
view below the top edge. First-screen screenshots go to a temporary folder.

Skips with a reason when Playwright or a Chromium binary is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mediacompare.api import compare

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
)
CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
if CHROMIUM is None:
    pytest.skip("no Chromium binary on PATH (Debian: apt-get install chromium)", allow_module_level=True)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic_outlets import thirty_outlets  # noqa: E402  (shared with benchmarks/screenshots.py)

WIDTHS = (1280, 390)
HEIGHT = 900

@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("reports")
    example = out / "example.html"
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run(
        [sys.executable, "-m", "mediacompare", "report", "--example", "-o", str(example)],
        check=True, cwd=REPO, env=env, capture_output=True,
    )
    many = out / "outlets30.html"
    compare(thirty_outlets()).save(many)
    return {"example": example, "outlets30": many}


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


class Opened:
    """A report open in a fresh page, with what the page tried to fetch and log."""

    def __init__(self, browser, path: Path, width: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": HEIGHT})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url}: {r.failure}"))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri(), wait_until="load")

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture(params=[(name, w) for name in ("example", "outlets30") for w in WIDTHS],
                ids=lambda p: f"{p[0]}-{p[1]}px")
def opened(request, browser, reports):
    name, width = request.param
    o = Opened(browser, reports[name], width)
    yield o
    o.close()


def test_offline_without_console_errors(opened):
    assert opened.page.title()
    assert opened.blocked == [], "the report tried to reach the network"
    assert opened.failed == []
    assert opened.errors == []


# Per table: its container must not need to scroll sideways (scrollWidth <= clientWidth), and
# the page itself must fit the screen. Closed <details> are opened first so that the "Show all"
# tables are measured too.
CLIPPED_JS = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const vw = document.documentElement.clientWidth;
  const out = [];
  document.querySelectorAll('table').forEach((t, i) => {
    const label = (t.caption ? t.caption.textContent : t.rows[0]?.textContent || '')
      .replace(/\\s+/g, ' ').trim().slice(0, 60);
    const box = t.parentElement;
    if (box.scrollWidth > box.clientWidth + 1)
      out.push(`table ${i} (${label}): ${box.scrollWidth}px of content in a ${box.clientWidth}px box`);
    else if (t.getBoundingClientRect().right > vw + 1)
      out.push(`table ${i} (${label}): right edge ${t.getBoundingClientRect().right} of ${vw}`);
  });
  if (document.documentElement.scrollWidth > vw + 1)
    out.push(`page is ${document.documentElement.scrollWidth}px wide at ${vw}px`);
  return out;
}"""


def test_no_clipped_tables(opened):
    clipped = opened.page.evaluate(CLIPPED_JS)
    assert not clipped, "\n".join(clipped)


# Visible links to sentence anchors (#art<N>-s<N>), spread over the page: first, middle, last.
EVIDENCE_JS = """() => {
  const links = [...document.querySelectorAll('a[href^="#"]')].filter(a =>
    /^#art\\d+-s\\d+$/.test(a.getAttribute('href')));
  const pick = [...new Set([0, Math.floor(links.length / 2), links.length - 1])]
    .filter(i => i >= 0 && i < links.length);
  return pick.map(i => { links[i].setAttribute('data-test-pick', String(i)); return String(i); });
}"""

OPEN_JS = """sel => {
  for (let d = document.querySelector(sel).closest('details'); d; d = d.parentElement.closest('details'))
    d.open = true;
}"""

TARGET_JS = """sel => {
  const a = document.querySelector(sel);
  const t = document.getElementById(a.getAttribute('href').slice(1));
  const r = t.getBoundingClientRect();
  return {id: t.id, top: r.top, bottom: r.bottom, height: innerHeight, hash: location.hash};
}"""


def test_evidence_links_scroll_their_sentence_into_view(opened):
    page = opened.page
    picks = page.evaluate(EVIDENCE_JS)
    assert picks, "no visible evidence link"
    for pick in picks:
        sel = f'a[data-test-pick="{pick}"]'
        # A reader opens the "Show all" box a link sits in before following it.
        page.evaluate(OPEN_JS, sel)
        page.evaluate("window.scrollTo(0, 0)")
        page.click(sel)
        page.wait_for_timeout(50)
        t = page.evaluate(TARGET_JS, sel)
        assert t["hash"] == "#" + t["id"]
        assert 0 <= t["top"] < t["height"], f"#{t['id']} landed at {t['top']:.0f}px (viewport {t['height']}px)"
        assert t["bottom"] > 0


def test_first_screen_screenshots(browser, reports, tmp_path_factory):
    shots = tmp_path_factory.mktemp("screenshots")
    for name, path in reports.items():
        for width in WIDTHS:
            o = Opened(browser, path, width)
            png = shots / f"{name}-{width}px.png"
            o.page.screenshot(path=str(png))
            o.close()
            assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
