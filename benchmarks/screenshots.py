"""Screenshots of the example report and page heights, in headless Chromium (offline).

Writes ``reports/example-first-screen.png`` (1280 px wide) and ``reports/example-phone.png``
(390 px wide): the first screen of the bundled example as a reader sees it. Then prints the
page height (``document.body.scrollHeight``) of the example and of a 30-outlet report built
from small synthetic articles, at both widths, closed "Show all" boxes left closed.

Uses Playwright with the system Chromium (never a downloaded browser); every request that is
not a ``file:`` URL is aborted. Run from the repository root::

    python benchmarks/screenshots.py [--out reports] [--chromium /usr/bin/chromium] [--allsides 300]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from mediacompare.api import compare  # noqa: E402
from synthetic_outlets import thirty_outlets  # noqa: E402

SCREENS = {"example-first-screen.png": (1280, 800), "example-phone.png": (390, 844)}

def write_reports(folder: Path, allsides: int = 0, data: Path = REPO.parent / "shared" / "data") -> dict[str, Path]:
    """Write the example report, the 30-outlet report and (``allsides`` > 0) the AllSides one."""
    example = folder / "example.html"
    subprocess.run(
        [sys.executable, "-m", "mediacompare", "report", "--example", "-q", "-o", str(example)],
        check=True, cwd=REPO, capture_output=True,
    )
    many = folder / "outlets30.html"
    compare(thirty_outlets()).save(many)
    reports = {"example": example, "30 outlets": many}
    if allsides:
        from report_bounds import load

        articles = load(data, allsides)
        if articles is None:
            raise SystemExit(f"{data}: AllSides data not found (pass --data)")
        reports[f"allsides{allsides}"] = folder / f"allsides{allsides}.html"
        compare(articles, jobs=2).save(reports[f"allsides{allsides}"])
    return reports


def find_chromium() -> str | None:
    """The system Chromium on PATH, if any."""
    names = ("chromium", "chromium-browser", "google-chrome")
    return next((p for p in map(shutil.which, names) if p), None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "reports", help="folder for the PNGs")
    parser.add_argument("--chromium", default=find_chromium(), help="Chromium binary")
    parser.add_argument("--allsides", type=int, default=0, help="also the first N AllSides articles")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args(argv)
    if not args.chromium:
        print("no Chromium found: install chromium or pass --chromium PATH", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("Playwright is not installed: pip install -e '.[test]'", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        reports = write_reports(Path(tmp), args.allsides, args.data)
        browser = pw.chromium.launch(executable_path=args.chromium)

        def open_page(path: Path, width: int, height: int):
            context = browser.new_context(viewport={"width": width, "height": height})
            context.route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort(),
            )
            page = context.new_page()
            page.goto(path.as_uri(), wait_until="load")
            return context, page

        for name, (width, height) in SCREENS.items():
            context, page = open_page(reports["example"], width, height)
            page.screenshot(path=str(args.out / name))
            context.close()
            print(f"wrote {args.out / name} ({width}x{height})")
        if args.allsides:
            name = f"allsides{args.allsides}-phone.png"
            context, page = open_page(reports[f"allsides{args.allsides}"], *SCREENS["example-phone.png"])
            page.screenshot(path=str(args.out / name))
            context.close()
            print(f"wrote {args.out / name}")

        print("page height (document.body.scrollHeight, px):")
        for label, path in reports.items():
            for width in (1280, 390):
                context, page = open_page(path, width, 900)
                px = page.evaluate("document.body.scrollHeight")
                print(f"  {label:<12} at {width:>4} px wide: {px:>8,} px ({px / 900:.0f} screens of 900 px)")
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
