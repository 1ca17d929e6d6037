"""Notebook display: a compact summary inline, the full report in an iframe on request.

Jupyter saves every output into the ``.ipynb``, so the inline repr is the brief report
(findings and the tables that test them), not the full one. Every ``id`` and in-page link
is prefixed per report so two reports in one notebook do not collide.
"""

from __future__ import annotations

import hashlib
import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison.records import ComparisonData

__all__ = ["FullReport", "prefix_ids", "report_prefix", "summary_html"]

_ID = re.compile(r'\b(id|href)="(#?)([A-Za-z][\w:.-]*)"')


def report_prefix(cmp: ComparisonData) -> str:
    """A short prefix that differs between reports on different articles (same input → same)."""
    digest = hashlib.sha256("\n".join(a.article.sha256 for a in cmp.analyses).encode())
    return "mc" + digest.hexdigest()[:8]


def prefix_ids(markup: str, prefix: str) -> str:
    """Prefix every ``id="x"`` and in-page ``href="#x"`` with ``prefix-``.

    Article text is escaped before it gets here (``"`` is ``&#34;``), so only markup matches.

    Examples
    --------
    >>> prefix_ids('<p id="tone"><a href="#art1-s2">x</a> <a href="https://e.org">y</a></p>', "mc1")
    '<p id="mc1-tone"><a href="#mc1-art1-s2">x</a> <a href="https://e.org">y</a></p>'
    """

    def sub(m: re.Match[str]) -> str:
        attr, hash_, name = m.groups()
        if attr == "href" and not hash_:
            return m.group(0)  # an external or relative link, not an anchor
        return f'{attr}="{hash_}{prefix}-{name}"'

    return _ID.sub(sub, markup)


def summary_html(cmp: ComparisonData) -> str:
    """The compact notebook repr: the brief report as a fragment, ids prefixed."""
    from .render import render_html

    return prefix_ids(render_html(cmp, fragment=True, brief=True), report_prefix(cmp))


class FullReport:
    """The full HTML report shown in a sandboxed iframe (``srcdoc``), as ``cmp.show()`` returns.

    Its ids live in the iframe's own document, so they cannot collide with the notebook's.
    """

    def __init__(self, document: str, height: int = 700) -> None:
        self.document = document
        self.height = height

    def _repr_html_(self) -> str:
        return (
            f'<iframe class="mediacompare-report" srcdoc="{html.escape(self.document, quote=True)}" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #d8dde3" '
            'sandbox="allow-same-origin" title="mediacompare report"></iframe>'
        )

    def __repr__(self) -> str:
        return f"<FullReport: {len(self.document):,} characters of HTML>"
