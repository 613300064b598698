"""Temporal tagger: which date the narrative counts from ("later that day", "two days later",
"the previous Friday"), and the bare units TimeBank annotates ("For the week", "the year")."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.temporal import tag

D = date.fromisoformat


def _find(text: str, pub: str, needle: str, doc: object = None):  # type: ignore[no-untyped-def]
    return next(t for t in tag(text, D(pub), doc) if needle in t.text)  # type: ignore[arg-type]


# Tuesday 2025-07-08: a past-tense "later that day" never counts from a deadline that lies ahead
@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("Leavitt told reporters on Monday that the president would sign an order pushing back "
         "the 9 July deadline to 1 August. Trump signed the order later that day.",
         "later that day", "2025-07-07"),
        ("He met Putin on Monday. He said the deal would take effect on 1 August. "
         "He signed it the next day.", "the next day", "2025-07-08"),
        ("The envoys met on Sunday and agreed to resume talks on 1 August. "
         "Two days later, the ministers met.", "Two days", "2025-07-08"),
        # a future narrative still counts from the future date
        ("The summit will open on 1 August. Leaders will sign the deal the next day.",
         "the next day", "2025-08-02"),
        ("He met Putin on Monday. The deal takes effect on 1 August; he will sign it the next day.",
         "the next day", "2025-08-02"),
    ],
)  # fmt: skip
def test_past_narrative_skips_dates_ahead(nlp, text: str, needle: str, value: str) -> None:  # type: ignore[no-untyped-def]
    t = _find(text, "2025-07-08", needle, nlp(text))
    assert str(t.date_start) == value, text
    assert t.anchor == "narrative"


def test_offset_after_a_week_later(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump first unveiled tariffs on 2 April, before pausing most of them a week later."
    t = _find(text, "2025-07-08", "a week", nlp(text))
    assert (t.value, t.date_start, t.date_end) == ("P1W", D("2025-04-09"), D("2025-04-09"))


@pytest.mark.parametrize(
    ("text", "needle", "start", "end"),
    [
        ("The talks were held March 3-5 in Geneva. Two days later, they met again.",
         "Two days", "2025-03-07", "2025-03-07"),
        ("The talks were held March 3-5 in Geneva. A few days later, they met again.",
         "A few days", "2025-03-07", "2025-03-09"),
        ("The talks were held March 3-5 in Geneva. The next day, the ministers flew home.",
         "The next day", "2025-03-06", "2025-03-06"),
        ("The talks were held March 3-5 in Geneva. The day before, the ministers flew in.",
         "The day before", "2025-03-02", "2025-03-02"),
        ("The talks were held on 14-15 February. A week later, they met again.",
         "A week", "2025-02-22", "2025-02-22"),
    ],
)  # fmt: skip
def test_offsets_after_a_range_count_from_its_edge(
    text: str, needle: str, start: str, end: str
) -> None:
    t = _find(text, "2025-07-08", needle)
    assert (str(t.date_start), str(t.date_end)) == (start, end)


def test_offset_apposition_is_the_date_it_describes() -> None:
    """ "on Oct. 12, the day before the plunge": the phrase describes Oct. 12."""
    text = "Eight trading days after Oct. 12, the day before the stock market plunge, prices fell."
    t = _find(text, "1989-10-30", "the day")
    assert (t.value, t.anchor) == ("1989-10-12", "narrative")
    t = _find("They met on May 3. The day before the summit opened, he flew in.", "2025-06-01",
              "The day")  # fmt: skip
    assert t.value == "2025-05-02"  # not an apposition: the narrative guess stands


# Monday 2025-08-11
@pytest.mark.parametrize(
    ("text", "needle", "value", "anchor"),
    [
        ("The index closed on Friday, down 4% from the previous Friday.", "previous Friday",
         "2025-08-01", "narrative"),
        ("Talks opened on Monday, Aug. 4. The following Friday, they met.", "following Friday",
         "2025-08-08", "narrative"),
        ("The talks opened on Aug. 4. The preceding Sunday, he arrived.", "preceding Sunday",
         "2025-08-03", "narrative"),
        ("He said on Monday. Later in the day, he flew home.", "Later in the day", "2025-08-11",
         "narrative"),
        ("They met on Aug. 6. Later in the day, he flew home.", "Later in the day", "2025-08-06",
         "narrative"),
    ],
)  # fmt: skip
def test_narrative_weekdays_and_later_in_the_day(
    text: str, needle: str, value: str, anchor: str
) -> None:
    t = _find(text, "2025-08-11", needle)
    assert (t.value, t.anchor) == (value, anchor)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("For the week, the index dropped 3.8%.", "the week", "1989-WXX"),
        ("It was the week's most active session.", "the week", "1989-WXX"),
        ("For the year, pet food volume was flat.", "the year", "1989"),
        ("Revenue fell through the first nine months of the year.", "the year", "1989"),
        ("A hearing is set for the week of March 6.", "the week of March 6", "1990-W10"),
        ("They will meet the week of 14 November.", "the week of 14 November", "1989-W46"),
    ],
)
def test_bare_week_and_year(text: str, span: str, value: str) -> None:
    t = _find(text, "1989-10-30", span.split()[1])
    assert (t.text, t.type, t.value) == (span, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "Outflows doubled the level of the week following the crash.",
        "He works five days a week and rests the week after.",
        "By the year two thousand, unemployment will be halved.",
        "The minister spent the year-end holidays at home.",
    ],
)
def test_bare_week_and_year_not_tagged(text: str) -> None:
    got = [t for t in tag(text, D("1989-10-30")) if t.text in ("the week", "the year")]
    assert got == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Prosecutors may soon seek an indictment.", "soon"),
        ("It soon will begin selling boxes for 99 cents.", "soon"),
        ("He said it would sell the unit as soon as possible.", "as soon as possible"),
    ],
)
def test_soon_is_a_future_reference(nlp, text: str, span: str) -> None:  # type: ignore[no-untyped-def]
    t = _find(text, "1989-10-30", "soon", nlp(text))
    assert (t.text, t.value) == (span, "FUTURE_REF")


@pytest.mark.parametrize(
    "text",
    [
        "He could leave as soon as Tuesday, Castro said.",
        "He was killed soon after being captured.",
        "He was soon released from the hospital.",
        "The money soon became a flood.",
        "IRA commanders are responsible for the recent bomb attacks.",
    ],
)
def test_soon_and_recent_not_tagged(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    got = [t.text for t in tag(text, D("1989-10-30"), nlp(text))]
    assert not any(w in ("soon", "recent") for w in got), got


def test_modal_perfect_is_past(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "may have been responsible for a drop on Wednesday": a past Wednesday."""
    text = "Concern may have been responsible for a drop in the stock on Wednesday."
    assert _find(text, "1989-10-27", "Wednesday", nlp(text)).value == "1989-10-25"


def test_record_set_on_a_date_is_past(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The index ended within 70 points of its record high set on Aug. 6."
    assert _find(text, "1998-02-06", "Aug", nlp(text)).value == "1997-08-06"


def test_quarter_ended_a_date_anchors_a_year_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "the quarter ended Sept. 30" is the quarter under discussion for "a year earlier"."""
    text = (
        "For the quarter ended Sept. 30, Delta earned $133 million, "
        "up from $100 million a year earlier."
    )
    tx = tag(text, D("1989-10-26"), nlp(text))
    assert [t.value for t in tx if t.text in ("the quarter", "a year earlier")] == [
        "1989-Q3",
        "1988-Q3",
    ]
