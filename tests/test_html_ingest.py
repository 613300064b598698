"""HTML pages: main text only, title, canonical URL, publication date and where it came from;
URLs fetched from a local HTTP server (never the internet)."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.ingest import IngestError, fetch_url, parse_article

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def load(name: str, url: str | None = None):  # type: ignore[no-untyped-def]
    return parse_article((FIXTURES / name).read_text(encoding="utf-8"), name, url)


def test_metadata_page() -> None:
    art = load("news_metadata.html")
    assert art.title == "Foreign ministers agree border commission"
    assert art.url == "https://news.example.org/world/ministers-agree-border-commission"
    assert (art.published, art.published_source) == (dt.date(2025, 5, 14), "metadata")
    assert art.text.startswith("Foreign Minister Anna Keller met")
    for junk in (
        "Home",
        "Related articles",
        "Earlier talks collapsed",
        "All rights reserved",
        "Photo:",
    ):
        assert junk not in art.text


def test_boilerplate_is_left_out() -> None:
    art = load("boilerplate_heavy.html")
    assert art.published == dt.date(2025, 6, 20)
    for junk in ("cookies", "Subscribe", "newsletter", "Most read", "Privacy policy"):
        assert junk not in art.text
    assert "signed a trade agreement" in art.text


def test_date_from_url_path_when_no_metadata() -> None:
    art = load("url_date_only.html", "https://example.org/2025/05/21/envoys-call.html")
    assert (art.published, art.published_source) == (dt.date(2025, 5, 21), "url")
    assert art.url == "https://example.org/2025/05/21/envoys-call.html"


def test_dateline_is_the_last_resort() -> None:
    raw = (
        "Talks end\n\nGENEVA, May 14, 2025 (Reuters) - Foreign Minister Anna Keller met "
        "Paolo Rinaldi in Geneva on Monday for talks on the border, officials said.\n"
    )
    art = parse_article(raw, "x.txt")
    assert (art.published, art.published_source) == (dt.date(2025, 5, 14), "text")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, directory=str(FIXTURES), **kwargs)

    def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/slow"):
            time.sleep(3)
        if self.path.startswith("/2025/05/21/"):
            self.path = "/url_date_only.html"
        if self.path == "/huge":
            body = b"<html><body>" + b"x" * 3_000_000 + b"</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its size limit, as it should
            return
        super().do_GET()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass  # a client that hangs up early is part of these tests, not an error


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_errors_are_clear(server: str) -> None:
    with pytest.raises(IngestError, match="HTTP 404"):
        fetch_url(f"{server}/missing.html")
    with pytest.raises(IngestError, match="timed out after 0.5 s"):
        fetch_url(f"{server}/slow", timeout=0.5)
    with pytest.raises(IngestError, match="more than --max-bytes"):
        fetch_url(f"{server}/huge", max_bytes=1_000_000)
    with pytest.raises(IngestError, match="cannot fetch"):
        fetch_url("http://127.0.0.1:9/nothing", timeout=2)


@pytest.mark.db
def test_add_urls_and_saved_pages(server: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["add", f"{server}/news_metadata.html", f"{server}/2025/05/21/envoys-call.html"]
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert "2 added, 0 already present, 0 failed" in result.output
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "page.html").write_text((FIXTURES / "boilerplate_heavy.html").read_text())
    result = runner.invoke(cli, ["add", str(folder), "--glob", "*.html"])
    assert result.exit_code == 0, result.output + result.stderr
    arts = json.loads(runner.invoke(cli, ["articles", "--format", "json"]).stdout)
    sources = {a["title"]: a["published_source"] for a in arts}
    assert sources == {
        "Foreign ministers agree border commission": "metadata",
        "Envoys hold phone call": "url",
        "Summit ends with joint statement": "metadata",
    }
    again = runner.invoke(cli, ["add", f"{server}/news_metadata.html"])
    assert again.output.startswith("already present:")
