"""Temporal tagger: offsets from the narrative ("A few days later"), day ranges, and weekdays
whose direction comes from the tense or the scheduled event ("Friday's summit")."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.temporal import date_mentions, tag

D = date.fromisoformat




def _find(text: str, pub: str, needle: str, doc: object = None):  # type: ignore[no-untyped-def]
    return next(t for t in tag(text, D(pub), doc) if needle in t.text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "span", "value", "start", "end", "gran"),
    [
        # TimeML: "later" is a signal, the timex is the duration; the interval is the offset
        ("They met on May 3. Three days later, talks began.", "Three days", "P3D",
         "2025-05-06", "2025-05-06", "day"),
        ("They met on May 3. A few days later, talks began.", "A few days", "PXD",
         "2025-05-05", "2025-05-07", "range"),
        ("They met on May 3. Several days later, talks began.", "Several days", "PXD",
         "2025-05-06", "2025-05-10", "range"),
        ("Talks opened in March. A few months later, they ended.", "A few months", "PXM",
         "2025-05-01", "2025-06-20", "range"),
        # a vague offset in a past narrative ends by the publication day
        ("They met on May 3. Several weeks later he returned.", "Several weeks", "PXW",
         "2025-05-19", "2025-06-20", "range"),
    ],
)  # fmt: skip
def test_offsets_later(text: str, span: str, value: str, start: str, end: str, gran: str) -> None:
    pub = "2025-06-20"
    t = _find(text, pub, span)
    assert (t.text, t.type, t.value) == (span, "DURATION", value)
    assert (str(t.date_start), str(t.date_end), t.granularity) == (start, end, gran)
    assert t.anchor == "narrative"
    m = next(m for m in date_mentions(text, tag(text, D(pub))) if m.text.startswith(span))
    assert m.text == span + " later"  # the event's date text keeps the signal


def test_vague_offset_clamped_to_publication() -> None:
    t = _find("They met on May 3. Several weeks later he returned.", "2025-05-20", "Several")
    assert (t.date_start, t.date_end) == (D("2025-05-19"), D("2025-05-20"))


def test_offset_from_a_named_event_has_no_interval() -> None:
    """ "a month after Qantas suspended flights": anchored on an event the tagger cannot date."""
    t = _find("This move comes a month after Qantas suspended flights.", "1998-02-13", "month")
    assert (t.text, t.type, t.value, t.date_start) == ("a month", "DURATION", "P1M", None)


def test_offset_hours_and_earlier() -> None:
    t = _find("Just over an hour later, he died.", "1998-10-25", "hour")
    assert (t.type, t.value) == ("DURATION", "PT1H")
    t = _find("Sales rose from $5 million a year earlier.", "1998-10-25", "year")
    assert (t.text, t.type, t.value) == ("a year earlier", "DATE", "1997")
    t = _find("They met on May 3. A few days earlier, talks began.", "2025-06-20", "few")
    assert (t.type, t.value, t.date_start, t.date_end) == (
        "DATE", "PAST_REF", D("2025-04-29"), D("2025-05-01"))  # fmt: skip


def test_days_before_an_event_is_a_date() -> None:
    """ "in the weeks before the shooting" (TimeML: a DATE), no interval: the event is undated."""
    t = _find("His car was seen in the weeks before the shooting.", "1999-05-06", "weeks")
    assert (t.text, t.type, t.value, t.date_start) == ("weeks", "DATE", "PAST_REF", None)
    t = _find("Talks lasted for weeks.", "1999-05-06", "weeks")
    assert (t.type, t.value) == ("DURATION", "PXW")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("a few days ago", "2025-05-16", "2025-05-18"),
        ("several weeks ago", "2025-03-31", "2025-05-04"),
        ("a few years ago", "2021-01-01", "2023-12-31"),
    ],
)
def test_vague_ago_keeps_past_ref_with_an_interval(text: str, start: str, end: str) -> None:
    t = tag(text, D("2025-05-20"))[0]
    assert (t.type, t.value) == ("DATE", "PAST_REF")
    assert (str(t.date_start), str(t.date_end), t.granularity) == (start, end, "range")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The talks were held between March 3 and 5 in Geneva.", "between March 3 and 5"),
        ("The talks were held March 3-5 in Geneva.", "March 3-5"),
        ("The talks were held from Oct. 1-3 in Geneva.", "from Oct. 1-3"),
    ],
)
def test_day_range_is_one_timex_and_one_range_mention(text: str, mention: str) -> None:
    tx = tag(text, D("2025-10-20"))
    assert len(tx) == 1 and tx[0].granularity == "range"
    (m,) = date_mentions(text, tx)
    assert m.text == mention and m.granularity == "range"
    assert (m.date_end - m.date_start).days == 2
    assert tx[0].value == str(m.date_start)  # TimeML: the first day's value


# Wednesday 2025-08-06
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Putin will meet Trump on Friday in Alaska.", "2025-08-08"),
        ("Putin met Trump on Friday in Alaska.", "2025-08-01"),
        ("Trump, Putin to meet Friday in Alaska", "2025-08-08"),
        ("Putin and Trump to hold summit on Friday", "2025-08-08"),
        ("Leaders will gather for Friday's summit in Alaska.", "2025-08-08"),
        ("Friday's summit in Alaska ended without a deal.", "2025-08-01"),
        ("Ahead of Friday's summit, Witkoff met Putin.", "2025-08-08"),
        ("Friday's planned summit was postponed.", "2025-08-08"),
        ("They would look for ways to get around Monday's ruling.", "2025-08-04"),
        ("Talks scheduled for Friday were postponed.", "2025-08-08"),
        ("Monday's talks in Washington were productive.", "2025-08-04"),
    ],
)
def test_weekday_direction(nlp, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    t = next(t for t in tag(text, D("2025-08-06"), nlp(text)) if "day" in t.text)
    assert t.value == value, text


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["a few", "several", "some", "two", "a", "many"]),
    st.sampled_from(["days", "weeks", "months", "years", "day", "week"]),
    st.sampled_from(["later", "earlier", "ago", "after", "before"]),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
)
def test_offsets_never_raise_and_intervals_are_ordered(
    qty: str, unit: str, sig: str, pub: date
) -> None:
    text = f"They met on March 3. {qty.capitalize()} {unit} {sig}, talks resumed."
    for t in tag(text, pub):
        assert t.start < t.end and text[t.start : t.end] == t.text
        if t.date_start is not None:
            assert t.date_end is not None and t.date_start <= t.date_end
