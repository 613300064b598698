"""Ingest: the seed's layout, dev layout, encodings and refusals."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest import IngestError, decode_bytes, parse_article, parse_date_string
from tracker.rules.boilerplate import (
    BOILERPLATE_LINES,
    BOILERPLATE_RE,
    DATELINE_EXAMPLES,
    DATELINE_RE,
    KEPT_LINES,
    LINK_MARKUP_EXAMPLES,
    LINK_MARKUP_RE,
    RELATED_HEADING_EXAMPLES,
    RELATED_HEADING_RE,
    TIMELINE_LINE_EXAMPLES,
    TIMELINE_LINE_RE,
)

from .conftest import SEED


def test_seed_header_title_date_url_and_clean_body() -> None:
    art = parse_article(SEED.read_text(encoding="utf-8"), str(SEED))
    assert art.title == "Putin Envoy Confirms Visit to U.S. for Talks With White House Officials"
    assert art.published == dt.date(2025, 4, 3)
    assert art.published_source == "header"
    assert art.url and art.url.startswith("https://www.themoscowtimes.com/2025/04/03/")
    assert "Related article" not in art.text
    assert "kremlin.ru" not in art.text  # the photo caption and credit
    assert "[confirmed](#)" not in art.text and "confirmed Thursday" in art.text
    assert "time of that post matched the time" in art.text  # the broken paragraph re-joined
    assert "Original url" not in art.text


def test_headline_blank_body_layout_without_date() -> None:
    raw = "Leaders meet\n\nThe president met the prime minister on Monday in Paris for talks.\n"
    art = parse_article(raw, "x.txt")
    assert art.title == "Leaders meet"
    assert art.published is None
    assert art.text.startswith("The president met")


@pytest.mark.parametrize(("pattern", "examples"), BOILERPLATE_LINES)
def test_boilerplate_examples(pattern: str, examples: list[str]) -> None:
    for line in examples:
        assert BOILERPLATE_RE.match(line), line


@pytest.mark.parametrize(("line", "opens_with_date"), TIMELINE_LINE_EXAMPLES)
def test_timeline_line_examples(line: str, opens_with_date: bool) -> None:
    assert bool(TIMELINE_LINE_RE.match(line)) == opens_with_date


@pytest.mark.parametrize(("text", "dateline"), DATELINE_EXAMPLES)
def test_dateline_examples(text: str, dateline: str) -> None:
    m = DATELINE_RE.match(text)
    assert m and m.group(0) == dateline


@pytest.mark.parametrize("line", KEPT_LINES)
def test_news_lines_are_kept(line: str) -> None:
    assert not BOILERPLATE_RE.match(line) and not RELATED_HEADING_RE.match(line)


@pytest.mark.parametrize("line", RELATED_HEADING_EXAMPLES)
def test_related_headings(line: str) -> None:
    assert RELATED_HEADING_RE.match(line)


def test_a_related_list_and_a_credited_caption_are_dropped() -> None:
    raw = (
        "Leaders meet\n\nThe president met the prime minister on Monday in Paris for talks.\n\n"
        "The prime minister arrives in Paris on Monday. AFP\n\n"
        "They agreed to meet again.\n\nRelated coverage:\nTrump visits Tokyo\n"
        "Xi and Trump agree on a truce\n"
    )
    text = parse_article(raw, "x.txt").text
    assert "Tokyo" not in text and "truce" not in text and "arrives" not in text
    assert "agreed to meet again" in text


def test_a_related_list_spaced_by_blank_lines_is_dropped_to_the_next_sentence() -> None:
    raw = (
        "Ministers meet\n\nThe ministers met in Tokyo on Saturday.\n\nRELATED ARTICLES\n\n"
        "Ishiba and Xi agree to pursue ties in first meeting (Nov 16, 2024)\n\n"
        "Iwaya and Wang agree to resume dialogue (Dec 25, 2024)\n\n"
        "Wang flew home on Sunday.\n"
    )
    text = parse_article(raw, "x.txt").text
    assert "Ishiba" not in text and "Iwaya" not in text
    assert "Wang flew home on Sunday." in text and "met in Tokyo" in text


@pytest.mark.parametrize(("before", "after"), LINK_MARKUP_EXAMPLES)
def test_link_markup_examples(before: str, after: str) -> None:
    assert LINK_MARKUP_RE.sub(r"\1", before) == after


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café talks".encode("cp1252"), "Café talks"),
        (codecs.BOM_UTF8 + "Zürich".encode(), "Zürich"),
        ("Zürich talks".encode("utf-16"), "Zürich talks"),
    ],
)
def test_encodings_are_decoded(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4 ...", b"\x89PNG\r\n\x1a\n....", b"abc\x00def", b"\x81\x8d\x8f\x90\x9d" * 50]
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError):
        decode_bytes(data, "f")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-03", dt.date(2025, 4, 3)),
        ("April 03, 2025", dt.date(2025, 4, 3)),
        ("3 April 2025", dt.date(2025, 4, 3)),
        ("not a date", None),
        ("April 2025", None),
    ],
)
def test_parse_date_string(value: str, expected: dt.date | None) -> None:
    assert parse_date_string(value) == expected


def test_pasted_body_without_title_keeps_its_first_paragraph() -> None:
    raw = (
        "Putin met Trump on Friday in a short summit in Helsinki. More talks are expected next "
        "week, officials said.\n\nThe Kremlin said the meeting was constructive.\n"
    )
    art = parse_article(raw)
    assert art.text.startswith("Putin met Trump on Friday")
    assert art.title.startswith("Putin met Trump")


def test_byline_header_short_lede_and_wire_footer() -> None:
    raw = (
        "Leaders meet\n\nBy Jane Doe | Published April 3, 2025 10:32 a.m. EDT\n\n"
        "Putin met Trump on Friday.\n\nThe two leaders spoke for three hours in the Finnish "
        "capital, aides said.\n\n(Reporting by Guy Faulconbridge; Editing by Alex Richardson)\n"
    )
    art = parse_article(raw)
    assert art.title == "Leaders meet"
    assert (art.published, art.published_source) == (dt.date(2025, 4, 3), "header")
    assert art.text.startswith("Putin met Trump on Friday.")
    assert "Jane Doe" not in art.text and "Reporting by" not in art.text


@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    style=st.sampled_from(["%B %d, %Y", "%b %d %Y", "%d %B %Y", "%b. %d, %Y", "%d %b, %Y"]),
)
def test_quick_header_dates_agree_with_the_calendar(day: dt.date, style: str) -> None:
    # the dateparser-free fast path for "April 3, 2025" / "3 April 2025"
    assert parse_date_string(day.strftime(style)) == day
