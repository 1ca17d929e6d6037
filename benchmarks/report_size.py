"""Page-size proxies of HTML reports: how much a reader scrolls before any "show all".

Usage::

    python benchmarks/report_size.py reports/example.html other.html ...

For each report it prints the size, table rows (all / outside closed ``<details>``),
collapsible blocks, visible blocks (headings, paragraphs, list items, rows, quotes, figures
outside closed ``<details>``) and where the first "likely real" verdict sits (fraction of the
visible blocks read before it; a "What differs" finding counts). No browser needed; numbers compare reports, not pixels.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "tr", "blockquote", "figure"}


class _Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.closed_depth = 0  # nesting inside closed <details>
        self.stack: list[bool] = []
        self.rows = self.rows_visible = self.details = 0
        self.blocks_visible = 0
        self.first_real: int | None = None
        self._summary = 0
        self._badge = False
        self.by_section: dict[str, int] = {}
        self.section = ""

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.details += 1
            closed = "open" not in dict(attrs)
            self.stack.append(closed)
            self.closed_depth += closed
        elif tag == "summary":
            self._summary += 1
        if tag == "tr":
            self.rows += 1
            self.rows_visible += self.closed_depth == 0
        a = dict(attrs)
        if tag == "section":
            self.section = a.get("id") or ""
        self._badge = tag == "span" and a.get("class") == "badge"
        if tag == "li" and (a.get("id") or "").startswith("finding-") and self.first_real is None:
            self.first_real = self.blocks_visible
        if tag in BLOCKS and self.closed_depth == 0:
            self.blocks_visible += 1
            self.by_section[self.section] = self.by_section.get(self.section, 0) + 1

    def handle_endtag(self, tag):
        if tag == "details" and self.stack:
            self.closed_depth -= self.stack.pop()
        elif tag == "summary":
            self._summary -= 1

    def handle_data(self, data):
        if self.first_real is None and self._badge and "likely real" in data and self.closed_depth == 0:
            self.first_real = self.blocks_visible


def measure(path: Path) -> dict[str, float]:
    html = path.read_text(encoding="utf-8")
    c = _Counter()
    c.feed(html)
    return {
        "kB": len(html.encode()) / 1000,
        "rows": c.rows,
        "rows_visible": c.rows_visible,
        "details": c.details,
        "blocks_visible": c.blocks_visible,
        "first_real_at": (c.first_real / c.blocks_visible) if c.first_real is not None else float("nan"),
        "by_section": c.by_section,
    }


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    print(f"{'report':40s} {'kB':>8s} {'rows':>6s} {'visible':>7s} {'details':>7s} "
          f"{'blocks':>7s} {'1st real':>8s}")
    for name in argv:
        m = measure(Path(name))
        print(f"{name[-40:]:40s} {m['kB']:8.0f} {m['rows']:6d} {m['rows_visible']:7d} "
              f"{m['details']:7d} {m['blocks_visible']:7d} {m['first_real_at']:8.2f}")
        if verbose:
            print("    visible blocks by section:", m["by_section"])
    print("command: python benchmarks/report_size.py " + " ".join(argv))


if __name__ == "__main__":
    main(sys.argv[1:])
