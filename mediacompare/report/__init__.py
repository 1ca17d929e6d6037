"""Reports: HTML (self-contained), Markdown and JSON renderings of a Comparison."""

from .json import SCHEMA_VERSION, report_data
from .render import FORMATS, environment, render_html, render_json, render_markdown, save_report

__all__ = [
    "SCHEMA_VERSION",
    "FORMATS",
    "environment",
    "report_data",
    "render_html",
    "render_json",
    "render_markdown",
    "save_report",
]
