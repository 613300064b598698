"""HTML timeline, TimelineJS and iCalendar exports, including hostile text and a real browser."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tracker import exports

HOSTILE = (
    'He said "</script><script>window.__xss=1</script>" and <img src=x onerror="window.__xss=2">'
    " then <script>window.__xss=3</script> & left"
)


def record(i: int, **over: Any) -> dict[str, Any]:
    day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 300)
    rec = {
        "id": i,
        "date_start": day.isoformat(),
        "date_end": day.isoformat(),
        "granularity": "day",
        "date_text": "on Monday",
        "type": "MEET",
        "status": "happened",
        "people": ["Kirill Dmitriev"] if i % 2 else ["Steve Witkoff", "Kirill Dmitriev"],
        "actors": ["Kirill Dmitriev"],
        "summary": f"Event {i}",
        "evidence": f"Evidence sentence {i}.",
        "sources": [
            {"title": "Article", "url": "https://example.org/a", "published": "2025-04-03"}
        ],
    }
    rec.update(over)
    return rec


def test_html_escapes_every_piece_of_text() -> None:
    page = exports.html_page([record(1, summary=HOSTILE, evidence=HOSTILE)], title="<b>T</b>")
    assert "<script>window.__xss" not in page
    assert "</script><script>" not in page
    assert 'onerror="window' not in page.split('id="data">', 1)[1].split("</script>", 1)[0]
    assert "&lt;b&gt;T&lt;/b&gt;" in page
    data = page.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["events"][0]["summary"] == HOSTILE


def test_html_is_self_contained() -> None:
    page = exports.html_page([record(1)])
    assert not re.search(r"""(src|href)=["']https?:""", page)
    assert "@import" not in page


def test_timelinejs_known_parts_only() -> None:
    week = record(1, date_start="2025-03-24", date_end="2025-03-30", granularity="week")
    month = record(2, date_start="2025-03-01", date_end="2025-03-31", granularity="month")
    day = record(3, people=["Steve Witkoff"])
    out = exports.timelinejs([week, month, day])
    slides = out["events"]
    assert slides[0]["start_date"] == {"year": "2025", "month": "3", "day": "24"}
    assert slides[0]["end_date"] == {"year": "2025", "month": "3", "day": "30"}
    assert slides[0]["group"] == "Kirill Dmitriev"
    assert [s["group"] for s in slides[1:3]] == ["Steve Witkoff", "Kirill Dmitriev"]
    assert slides[1]["start_date"] == {"year": "2025", "month": "3"} and "end_date" not in slides[1]
    assert slides[3]["group"] == "Steve Witkoff"
    assert "Evidence sentence 3." in slides[3]["text"]["text"]


def test_ics_all_day_spanning_interval() -> None:
    week = record(
        1,
        date_start="2025-03-24",
        date_end="2025-03-30",
        granularity="week",
        summary="a, b; c",
        status="planned",
    )
    text = exports.ics([week])
    assert "DTSTART;VALUE=DATE:20250324\r\n" in text
    assert "DTEND;VALUE=DATE:20250331\r\n" in text
    assert "SUMMARY:MEET: a\\, b\\; c" in text
    assert "STATUS:TENTATIVE" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("TRACKER_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (TRACKER_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("chromium is not installed")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("TRACKER_REQUIRE_BROWSER"):
            pytest.fail("playwright is required for the browser test")
        pytest.skip("playwright is not installed")
    return path


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_browser_draws_every_event_and_shows_evidence(tmp_path: Path) -> None:
    chromium = _chromium()
    from playwright.sync_api import sync_playwright

    records = [record(i) for i in range(1000)]
    records[0] = record(0, summary=HOSTILE, evidence=HOSTILE)
    records[1] = record(
        1, status="planned", granularity="week", date_start="2025-03-24", date_end="2025-03-30"
    )
    page_file = tmp_path / "timeline.html"
    page_file.write_text(exports.html_page(records), encoding="utf-8")
    expected_marks = sum(len(r["people"]) for r in records)
    requests: list[str] = []
    with sync_playwright() as pw:
        # Playwright gives the browser a fresh, empty profile directory of its own.
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", lambda req: requests.append(req.url))
        page.goto(page_file.as_uri())
        assert page.get_attribute("body", "data-drawn") == str(expected_marks)
        assert page.locator("circle.ev").count() + page.locator("rect.ev").count() == expected_marks
        assert page.locator("rect.planned").count() == len(records[1]["people"])
        page.locator('[data-event-id="0"]').first.click()
        details = page.inner_text("#details")
        assert HOSTILE in details
        assert page.evaluate("window.__xss") is None
        page.screenshot(path=str(tmp_path / "timeline.png"))
        browser.close()
    assert (tmp_path / "timeline.png").stat().st_size > 0
    assert all(url.startswith("file:") for url in requests)


@pytest.mark.db
def test_hostile_article_is_inert_in_every_export(tmp_path: Path) -> None:
    """An article carrying markup and formulas comes out as text in HTML, CSV and JSON."""
    from click.testing import CliRunner

    from tracker.cli import cli

    article = tmp_path / "hostile.txt"
    article.write_text(
        "Minister speaks\n\nForeign Minister Anna Keller said on Monday that "
        '"</script><script>window.__xss=1</script> <img src=x onerror=alert(2)>" was not '
        "her view, and she met Paolo Rinaldi in Geneva on Tuesday.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["add", str(article), "--published", "2025-04-03"]).exit_code == 0
    out = tmp_path / "t.html"
    assert runner.invoke(cli, ["export", "--format", "html", "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    data = page.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0]
    evidence = " ".join(e["evidence"] for e in json.loads(data)["events"])
    assert "</script><script>window.__xss=1</script>" in evidence  # kept, as text
    assert page.count("<script") == 2  # the data block and the page's own script, nothing else
    assert "<img src=x" not in page
    exported = runner.invoke(cli, ["export", "--format", "json"]).stdout
    assert any("onerror" in row["evidence"] for row in json.loads(exported))
