"""URLs as inputs: a local HTTP server on 127.0.0.1 serves saved pages; nothing leaves the machine."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mediacompare.errors import InputError
from mediacompare.ingest import load
from mediacompare.ingest.urls import USER_AGENT, fetch_page, read_url_list

PAGE = (
    b"<html><head><title>Bridge to be rebuilt</title>"
    b'<meta property="og:site_name" content="Daily Planet"></head><body><article>'
    b"<p>The mayor said on Tuesday that the bridge destroyed by the storm would be rebuilt "
    b"within a year, at a cost of forty million dollars.</p><p>Residents welcomed the plan, "
    b"though some said the money should go to schools instead.</p></article></body></html>"
)
SEEN: list[tuple[str, str]] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, code: int, body: bytes, kind: str = "text/html; charset=utf-8", **headers):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        SEEN.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/article":
            self._send(200, PAGE)
        elif self.path == "/old":
            self._send(301, b"", Location="/article")
        elif self.path == "/missing":
            self._send(404, b"not here")
        elif self.path == "/pdf":
            self._send(200, b"%PDF-1.4", kind="application/pdf")
        elif self.path == "/huge":
            self._send(200, b"<html>" + b"x" * 5000, length="999999999")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, PAGE)
        else:
            self._send(404, b"")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The timeout tests hang up before /slow answers; socketserver would print that
        # BrokenPipe traceback to whatever sys.stderr is then (another test's captured output).
        pass


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("MEDIACOMPARE_CACHE", str(folder))
    return folder


def test_url_is_fetched_extracted_and_named_like_saved_html(server, cache):
    corpus = load([f"{server}/article"])
    (a,) = corpus.articles
    assert (a.outlet, a.title) == ("Daily Planet", "Bridge to be rebuilt")
    assert a.text.startswith("The mayor said") and a.url == f"{server}/article"
    assert SEEN[-1] == ("/article", USER_AGENT)


def test_rerun_reads_the_cache_and_needs_no_network(server, cache):
    first = fetch_page(f"{server}/article")
    n = len(SEEN)
    again = fetch_page(f"{server}/article")
    assert not first.from_cache and again.from_cache and len(SEEN) == n
    assert again.content == first.content == PAGE


def test_redirect_is_followed_and_the_final_address_kept(server, cache):
    page = fetch_page(f"{server}/old")
    assert page.final_url == f"{server}/article" and page.content == PAGE


@pytest.mark.parametrize("path,words", [
    ("/missing", "404"),
    ("/pdf", "not an HTML page"),
    ("/huge", "larger than"),
])
def test_bad_pages_raise_one_clear_line(server, cache, path, words):
    with pytest.raises(InputError) as err:
        fetch_page(f"{server}{path}")
    assert words in str(err.value) and path in str(err.value)
    assert not any(cache.glob("*.html")) if cache.exists() else True


def test_slow_server_times_out(server, cache):
    with pytest.raises(InputError, match="no answer within"):
        fetch_page(f"{server}/slow", timeout=0.5)


def test_one_bad_url_is_reported_and_the_rest_loads(server, cache):
    corpus = load([f"{server}/article", f"{server}/missing"])
    assert len(corpus.articles) == 1
    (problem,) = corpus.problems
    assert problem.source == f"{server}/missing" and "404" in problem.message


def test_cli_report_takes_urls_and_a_url_file(server, cache, tmp_path):
    from click.testing import CliRunner

    from mediacompare.cli import cli

    listing = tmp_path / "urls.txt"
    listing.write_text(f"# my articles\n{server}/article\n\n{server}/missing\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "--urls", str(listing), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "404" in result.stderr and "Bridge to be rebuilt" in out.read_text(encoding="utf-8")


def test_url_list_skips_blank_lines_and_comments():
    assert read_url_list("\n# c\nhttps://a.org\n") == ["https://a.org"]
