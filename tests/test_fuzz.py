"""Fuzzing (issue 7): random and adversarial text through ingest -> tagging -> events -> store.

Inputs: arbitrary Unicode, long runs of digits, impossible dates (31/02, 2024-13-45,
February 30), mixed scripts with combining marks, bidi and zero-width characters, 100k-character
lines and deeply nested HTML. Each goes through `tracker.ingest.parse_article` (an IngestError
is the documented refusal; any other exception fails), then `tracker.temporal.tag` and
`tracker.events.extract_events` on one spaCy parse (the model is loaded once per module).

Checked: timexes are sorted, non-overlapping and their offsets point at their text; every
interval has start <= end and a known granularity; event trigger, sentence and date offsets
point at their text; stored events and sources (SQLite and PostgreSQL) keep those properties.
Example counts are small so the suite stays quick; benchmarks/fuzz.py runs a longer session.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from tracker.ingest import ArticleInput, IngestError, parse_article

GRANULARITIES = {"day", "week", "month", "quarter", "year", "range"}
PUBLISHED = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))

MIXED = [
    "Москва",
    "北京市",
    "القاهرة",
    "Ελλάδα",
    "İstanbul",
    "Straße",
    "e\u0301\u0301\u0301",
    "\u200b",
    "\u202e",
    "\u2066",
    "\ufeff",
    "ﬁ",
    "😀👍🏽",
    "\u00a0",
    "Ⅻ",
    "٣١/٠٢/٢٠٢٤",
    "२०२४",
    "\t",
    "\r\n",
    "\x0c",
]
WORDS = [
    "President Alice Moreau met Prime Minister Bruno Tessier in Paris on Monday.",
    "Foreign Minister Carla Nunes visited Berlin",
    "said",
    "will meet",
    "signed an agreement with",
    "last week",
    "next month",
    "in the first quarter of",
    "the 1990s",
    "the 21st century",
    "early spring",
    "3000 BC",
    "year 0",
    "Q5 2024",
    "week 54",
    "between 3 and 1 May",
    "from Friday to Monday",
    "yesterday",
    "tomorrow",
    "Mr.",
    "U.S.",
    "&amp;",
    "<b>",
    "</p>",
    "Original url: https://x.test/2024/02/31/a",
]


def _bad_date(d: int, m: int, y: int, sep: str) -> str:
    return f"{d}{sep}{m}{sep}{y}"


FRAGMENT = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MIXED),
    st.integers(1, 2000).map(lambda n: "9" * n),
    st.integers(0, 10**30).map(str),
    st.builds(
        _bad_date,
        st.integers(0, 99),
        st.integers(0, 99),
        st.integers(0, 99999),
        st.sampled_from(["/", "-", ".", " "]),
    ),
    st.builds(
        lambda month, day, year: f"{month} {day}, {year}",
        st.sampled_from(["February", "April", "Feb.", "Sept", "June"]),
        st.integers(0, 40),
        st.integers(0, 12000),
    ),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 19),
        st.integers(0, 39),
    ),
    st.text(max_size=40),
)
SEPARATOR = st.sampled_from([" ", " ", ", ", ". ", "\n", "\n\n", ""])


@st.composite
def adversarial_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(FRAGMENT, SEPARATOR), max_size=40))
    return "".join(a + b for a, b in parts)


@st.composite
def article_raw(draw: st.DrawFn) -> str:
    """Text in tracker's article layout (title, date line, body) or free text."""
    body = draw(adversarial_text())
    if draw(st.booleans()):
        title = draw(adversarial_text())[:200].replace("\n", " ")
        date_line = draw(st.sampled_from(["May 2, 2024", "2024-02-31", "31 February 2024", ""]))
        return f"{title}\n\n{date_line}\n\n{body}"
    return body


def nested_html(depth: int, inner: str, tag: str) -> str:
    return (
        "<!doctype html><html><head><title>t</title></head><body><article>"
        + f"<{tag}>" * depth
        + inner
        + f"</{tag}>" * depth
        + "</article></body></html>"
    )




def check_pipeline(nlp: Any, text: str, published: dt.date) -> list[Any]:
    """tag + extract_events on one parse; asserts the invariants, returns the events."""
    from tracker.events import extract_events
    from tracker.temporal import tag

    doc = nlp(text)
    timexes = tag(text, published, doc)
    last_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start : t.end] == t.text, t
        assert t.start >= last_end, f"overlapping or unsorted timexes at {t}"
        last_end = t.end
        if t.date_start is not None or t.date_end is not None:
            assert t.date_start is not None and t.date_end is not None, t
            assert t.date_start <= t.date_end, t
            assert t.granularity in GRANULARITIES, t
    events = extract_events(text, published, doc, timexes)
    for ev in events:
        assert ev.date_start <= ev.date_end, ev
        assert ev.granularity in GRANULARITIES, ev
        assert text[ev.trigger_start : ev.trigger_end] == ev.trigger, ev
        assert text[ev.sentence_start : ev.sentence_end] == ev.sentence, ev
        if ev.date_char_start is not None:
            assert ev.date_char_end is not None
            assert 0 <= ev.date_char_start < ev.date_char_end <= len(text), ev
        assert ev.participants, ev
    return events


def ingest(raw: str) -> ArticleInput | None:
    """parse_article, where an IngestError is the documented refusal."""
    try:
        article = parse_article(raw, "fuzz.txt")
    except IngestError as exc:
        assert "\n" not in str(exc), "errors are one line"
        return None
    assert article.text.strip()
    return article


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


@FUZZ
@given(raw=st.text(max_size=2000), published=PUBLISHED)
def test_random_text(nlp: Any, raw: str, published: dt.date) -> None:
    check_pipeline(nlp, raw, published)
    article = ingest(raw)
    if article is not None:
        check_pipeline(nlp, article.text, published)


@FUZZ
@given(raw=article_raw(), published=PUBLISHED)
def test_adversarial_text(nlp: Any, raw: str, published: dt.date) -> None:
    check_pipeline(nlp, raw, published)
    article = ingest(raw)
    if article is not None:
        check_pipeline(nlp, article.text, published)


# Lines that spaCy parses in a couple of seconds. A 100k-character line of words without
# sentence ends takes spaCy's parser 10-15 s on the CI machine, and a line of event sentences
# takes extract_events minutes (see test_event_extraction_scales_linearly), so neither is here.
LONG_LINE_UNITS = ["9", "1234567890 ", "31/02/2024 ", "٣١/٠٢/٢٠٢٤ ", "<div>"]


@pytest.mark.parametrize("unit", LONG_LINE_UNITS)
def test_100k_character_line(nlp: Any, unit: str) -> None:
    line = (unit * (100_000 // len(unit) + 1))[:100_000]
    published = dt.date(2024, 5, 1)
    check_pipeline(nlp, line, published)
    article = ingest(f"Long line\n\n{line}\n")
    if article is not None:
        check_pipeline(nlp, article.text, published)


@settings(FUZZ, max_examples=10)
@given(
    depth=st.integers(1, 3000),
    tag=st.sampled_from(["div", "p", "span", "b", "table"]),
    inner=adversarial_text(),
    published=PUBLISHED,
)
def test_deeply_nested_html(nlp: Any, depth: int, tag: str, inner: str, published: dt.date) -> None:
    article = ingest(nested_html(depth, inner, tag))
    if article is not None:
        check_pipeline(nlp, article.text, published)


@pytest.mark.db
@settings(FUZZ, max_examples=25)
@given(raw=article_raw(), published=PUBLISHED)
def test_stored_intervals_are_valid(temp_db: str, nlp: Any, raw: str, published: dt.date) -> None:
    """What reaches the database (both backends) keeps valid intervals and offsets."""
    from sqlalchemy import select
    from sqlalchemy.exc import DataError

    from tracker.api import store_analysed
    from tracker.db import open_database
    from tracker.models import Event, EventSource

    article = ingest(raw)
    if article is None:
        return
    article = ArticleInput(**{**article.__dict__, "published": published})
    events = check_pipeline(nlp, article.text, published)
    db = open_database(temp_db)
    try:
        try:
            store_analysed(db, "fuzz.txt", article, events, [])
        except DataError as exc:
            # Known: over-long titles/aliases overflow VARCHAR(300) on PostgreSQL; pinned by
            # test_overlong_title_mention_is_stored (xfail there) so this test stays stable.
            if "too long" not in str(exc):
                raise
            reject()
        with db.session() as s:
            for ev in s.scalars(select(Event)):
                assert ev.date_start <= ev.date_end and ev.granularity in GRANULARITIES
            for src in s.scalars(select(EventSource)):
                assert src.date_start <= src.date_end and src.granularity in GRANULARITIES
                text = src.article.text
                assert text[src.trigger_start : src.trigger_end] == src.trigger
    finally:
        db.dispose()


@pytest.mark.db
def test_overlong_title_mention_is_stored(
    temp_db: str, backend: str, nlp: Any, request: pytest.FixtureRequest
) -> None:
    """Found by the fuzzer: a 400-digit run before "President" becomes a 400-character title
    alias; PostgreSQL enforces VARCHAR(300) (SQLite does not) and the article is refused."""
    from tracker.api import store_analysed
    from tracker.db import open_database

    text = (
        "9" * 400 + " President Alice Moreau met Prime Minister Bruno Tessier in Paris on Monday."
    )
    published = dt.date(2000, 1, 1)
    article = ArticleInput("Overlong", text, published, "flag", None, None)
    events = check_pipeline(nlp, text, published)
    db = open_database(temp_db)
    try:
        result = store_analysed(db, "overlong.txt", article, events, [])
    finally:
        db.dispose()
    assert result.created and result.events == len(events)
