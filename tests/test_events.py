"""Events: date attachment, reported speech, status, background dates, people, seed golden."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tracker.events import ExtractedEvent, extract_events
from tracker.ingest import parse_article
from tracker.rules.status import EXAMPLES as STATUS_EXAMPLES
from tracker.rules.triggers import MEASURE_EXAMPLES
from tracker.temporal import tag

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_c152ed9c5e12e94c.txt"
SHARED = REPO.parent / "shared"
DEV = SHARED / "data" / "diplomatic" / "dev"


def _extract(nlp, text: str, published: date) -> list[ExtractedEvent]:
    doc = nlp(text)
    return extract_events(text, published, doc, tag(text, published, doc))


def _rows(events: list[ExtractedEvent]) -> set[tuple[str, str, str, str]]:
    """(person, start, end, type) for dated events that a timeline shows."""
    out = set()
    for e in events:
        if e.date_source != "text" or e.status in ("negated", "hypothetical"):
            continue
        for p in e.participants:
            if p.kind == "person":
                out.add((p.name, e.date_start.isoformat(), e.date_end.isoformat(), e.event_type))
    return out


THU = date(2025, 4, 3)


def test_reported_speech_dates_the_report_and_the_meeting_apart(nlp) -> None:
    text = (
        "Kirill Dmitriev arrived in Washington. Reuters reported on Thursday that Dmitriev "
        "had met U.S. officials the day before."
    )
    rows = _rows(_extract(nlp, text, THU))
    assert ("Kirill Dmitriev", "2025-04-02", "2025-04-02", "MEET") in rows
    assert not any(r[0] == "Kirill Dmitriev" and r[1] == "2025-04-03" for r in rows)


def test_date_goes_to_the_predicate_not_to_bystanders(nlp) -> None:
    text = (
        "Trump's special envoy Steve Witkoff invited Kirill Dmitriev to the U.S. last week, "
        "Reuters reported."
    )
    rows = _rows(_extract(nlp, text, THU))
    assert ("Steve Witkoff", "2025-03-24", "2025-03-30", "INVITE") in rows
    assert ("Kirill Dmitriev", "2025-03-24", "2025-03-30", "INVITE") in rows
    assert not any(r[0] == "Trump" or r[0] == "Donald Trump" for r in rows)


def test_background_dates_belong_to_no_person(nlp) -> None:
    text = (
        "Kirill Dmitriev is the highest-ranking Russian official to have visited the U.S. "
        "since the full-scale invasion of Ukraine in February 2022. Felix Tshisekedi said the "
        "militia was linked to the 1994 genocide."
    )
    rows = _rows(_extract(nlp, text, THU))
    assert not any(r[1].startswith(("2022", "1994")) for r in rows)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Kaja Kallas will travel to Kyiv on Monday.", "planned"),
        ("Vice President JD Vance was due to meet David Lammy on Saturday.", "planned"),
        ("Benjamin Netanyahu did not attend the summit on Monday.", "negated"),
        ("Donald Trump said he may visit Gaza on Friday.", "hypothetical"),
        ("Mauro Vieira met Marco Rubio in Washington on Thursday.", "happened"),
    ],
)
def test_status(nlp, text: str, status: str) -> None:
    events = [e for e in _extract(nlp, text, THU) if e.date_source == "text"]
    assert events and events[-1].status == status, events


@pytest.mark.parametrize(("text", "word", "status"), STATUS_EXAMPLES)
def test_status_rule_examples(nlp, text: str, word: str, status: str) -> None:
    """Every example of tracker/rules/status.py, on the status of its trigger word."""
    from tracker.events import _in_speech, _status

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert _status(tok, _in_speech(tok)) == status


def test_speech_act_takes_the_type_of_the_act_it_reports(nlp) -> None:
    text = "Li Chenggang said on Tuesday that the two sides had agreed to extend the pause."
    assert ("Li Chenggang", "2025-04-01", "2025-04-01", "AGREE") in _rows(_extract(nlp, text, THU))


def test_several_remarks_by_one_person_on_one_day_are_one_statement(nlp) -> None:
    text = (
        "Dmitry Peskov said on Tuesday that talks were hard. Dmitry Peskov also told "
        "reporters on Tuesday that more work was needed."
    )
    statements = [e for e in _extract(nlp, text, THU) if e.event_type == "STATEMENT"]
    assert len(statements) == 1


def test_undated_event_is_reported_on_the_publication_day(nlp) -> None:
    events = _extract(nlp, "Kirill Dmitriev met U.S. officials in Washington.", THU)
    assert events and events[0].date_source == "published"
    assert events[0].date_start == events[0].date_end == THU
    assert events[0].granularity == "day"


def test_evidence_offsets_point_into_the_text(nlp) -> None:
    text = "President Vladimir Putin received Steve Witkoff at the Kremlin on Wednesday."
    ev = _extract(nlp, text, THU)[0]
    assert text[ev.trigger_start : ev.trigger_end] == ev.trigger
    assert text[ev.sentence_start : ev.sentence_end] == ev.sentence
    assert ev.date_char_start is not None and ev.date_char_end is not None
    assert text[ev.date_char_start : ev.date_char_end] == ev.date_text
    assert [p.role for p in ev.participants][:2] == ["actor", "counterpart"]


# --------------------------------------------------------------------------- seed golden
SEED_EXPECTED = {
    ("Kirill Dmitriev", "2025-03-24", "2025-03-30", "INVITE"),
    ("Steve Witkoff", "2025-03-24", "2025-03-30", "INVITE"),
    ("Kirill Dmitriev", "2025-04-02", "2025-04-02", "MEET"),
    ("Kirill Dmitriev", "2025-04-03", "2025-04-03", "MEET"),
    ("Kirill Dmitriev", "2025-04-03", "2025-04-03", "STATEMENT"),
    ("Kirill Dmitriev", "2025-03-31", "2025-04-06", "MEET"),  # "this week" (optional in gold)
}


def test_seed_golden_events(nlp) -> None:
    art = parse_article(SEED.read_text(encoding="utf-8"), str(SEED))
    assert art.published == THU
    rows = _rows(_extract(nlp, art.text, THU))
    assert rows == SEED_EXPECTED
    assert not any(r[1].startswith("2022") for r in rows)


# --------------------------------------------------------------------------- dev set
@pytest.mark.skipif(not DEV.is_dir(), reason="../shared dev set not available")
def test_dev_set_scores(nlp, tmp_path: Path) -> None:
    buf = io.StringIO()
    cols = [
        "date_start",
        "date_end",
        "granularity",
        "date_source",
        "event_type",
        "people",
        "article_url",
        "published",
        "status",
    ]
    w = csv.DictWriter(buf, fieldnames=cols)
    w.writeheader()
    for j in sorted(DEV.glob("*.json")):
        g = json.loads(j.read_text(encoding="utf-8"))
        if "events" not in g:
            continue
        txt = j.with_suffix(".txt")
        art = parse_article(txt.read_text(encoding="utf-8"), str(txt))
        pub = date.fromisoformat(g["published"])
        for e in _extract(nlp, art.text, pub):
            w.writerow(
                {
                    "date_start": e.date_start,
                    "date_end": e.date_end,
                    "granularity": e.granularity,
                    "date_source": e.date_source,
                    "event_type": e.event_type,
                    "people": "; ".join(p.name for p in e.participants if p.kind == "person"),
                    "article_url": g["url"],
                    "published": g["published"],
                    "status": e.status,
                }
            )
    out = tmp_path / "dev.csv"
    out.write_text(buf.getvalue(), encoding="utf-8")
    scorer = SHARED / "eval" / "timeline_eval.py"
    res = subprocess.run(
        [sys.executable, str(scorer), "score", str(DEV), str(out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(res.stdout)
    assert scores["strict"][2] >= 0.75, scores
    assert scores["relaxed"][2] >= 0.75, scores


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("MOSCOW, Aug 7 (Reuters) - Putin met Witkoff on Wednesday.", "MOSCOW, Aug 7 (Reuters) -"),
        ("  WASHINGTON (AP) --  The FBI said on Monday.", "  WASHINGTON (AP) --"),
        ("NEW YORK, Jan. 5, 2000 - Talks began.", "NEW YORK, Jan. 5, 2000 -"),
        ("MOSCOW, Aug 20 (PTI) Jaishankar arrived on Tuesday.", "MOSCOW, Aug 20 (PTI) "),
        ("NEW DELHI (IANS): The minister left.", "NEW DELHI (IANS):"),
        ("UN chief said Friday - no deal.", None),
        ("NATO, the alliance, said on Monday - no.", None),
    ],
)
def test_wire_datelines_are_found(line: str, dateline: str | None) -> None:
    from tracker.events import _dateline_spans

    spans = _dateline_spans(line)
    assert [line[a:b] for a, b in spans] == ([dateline] if dateline else [])


def test_dates_that_are_arguments_or_modifiers_date_no_event(nlp) -> None:
    text = (
        "Michael Swavely attributed the company's third-quarter performance to sales. "
        "Norman Schwarzkopf picked Saturday night as the time to start. "
        "Citadel chief Paul Reed said profit rose to $5.3 million, from $4 million a year "
        "earlier."
    )
    rows = _rows(_extract(nlp, text, date(1989, 11, 1)))
    assert not any(r[1] in ("1989-07-01", "1988-10-01", "1988-01-01") for r in rows), rows


def test_a_date_after_a_speech_verb_dates_the_speech(nlp) -> None:
    text = "Ambassador Lisa Grant said on Tuesday she would comply with the order."
    events = _extract(nlp, text, THU)
    dated = [e for e in events if e.date_source == "text"]
    assert all(e.trigger == "said" for e in dated), [(e.trigger, e.date_start) for e in dated]


def test_measure_nouns_counts_and_object_periods(nlp) -> None:
    """Three hours of talks with X keeps X; "their fourth meeting this year" is a count,
    not a date; "declared a truce from May 8 to May 10" dates the truce, not the speaker."""
    sat = date(2025, 4, 26)
    text = (
        "Steve Witkoff held three hours of talks with Russian President Vladimir Putin in "
        "Moscow on April 25, their fourth meeting this year."
    )
    rows = _rows(_extract(nlp, text, sat))
    assert ("Vladimir Putin", "2025-04-25", "2025-04-25", "MEET") in rows
    assert not any(r[1] == "2025-01-01" for r in rows), rows
    text = "Vladimir Putin had declared a unilateral three-day truce from May 8 to May 10."
    rows = _rows(_extract(nlp, text, date(2025, 5, 11)))
    assert not any(r[1] == "2025-05-08" for r in rows), rows


@pytest.mark.parametrize(("text", "etype"), MEASURE_EXAMPLES)
def test_punitive_measures_are_sanctions(nlp, text: str, etype: str) -> None:
    """Tariffs aimed at a country are a SANCTION, a general tariff order is OTHER."""
    dated = [e for e in _extract(nlp, text, date(2025, 8, 8)) if e.date_source == "text"]
    assert dated and dated[0].event_type == etype, [(e.trigger, e.event_type) for e in dated]


def test_participants_of_trips_and_talks_named_elsewhere_in_the_clause(nlp) -> None:
    """'hosted A and B for talks on July 28', 'was in X last week for talks with Y',
    'travel to Tianjin for the summit' (a visit), 'a rebuke of the Russian leader'."""
    mon = date(2025, 10, 27)
    text = (
        "Malaysian Prime Minister Anwar Ibrahim hosted Hun Manet and Thailand's acting prime "
        "minister, Phumtham Wechayachai, for talks in Putrajaya on July 28."
    )
    rows = _rows(_extract(nlp, text, mon))
    for name in ("Anwar Ibrahim", "Hun Manet", "Phumtham Wechayachai"):
        assert (name, "2025-07-28", "2025-07-28", "MEET") in rows, rows
    text = (
        "Chinese Foreign Minister Wang Yi was in New Delhi last week for talks with "
        "U.S. Trade Representative Jamieson Greer."
    )
    rows = _rows(_extract(nlp, text, mon))
    assert ("Jamieson Greer", "2025-10-20", "2025-10-26", "MEET") in rows, rows
    text = (
        "Indian Prime Minister Narendra Modi is expected to travel to Tianjin for the SCO "
        "summit on August 31 and September 1."
    )
    rows = _rows(_extract(nlp, text, date(2025, 8, 20)))
    assert ("Narendra Modi", "2025-08-31", "2025-09-01", "VISIT") in rows, rows
    text = (
        "Russian President Vladimir Putin ordered the strike. President Donald Trump "
        "responded to that strike on April 24 with a rare public rebuke of the Russian leader."
    )
    rows = _rows(_extract(nlp, text, date(2025, 4, 27)))
    assert ("Vladimir Putin", "2025-04-24", "2025-04-24", "ACCUSE") in rows, rows


def test_spokesperson_named_in_the_next_sentence_and_courtesy_calls(nlp) -> None:
    """'a government spokesperson said on Thursday' + 'spokesperson Stefan Kornelius said';
    'is expected to call on President Putin' is a meeting, not a demand."""
    text = (
        "German Chancellor Friedrich Merz spoke by phone with Chinese Premier Li Qiang on "
        "Wednesday, a government spokesperson said on Thursday.\n\n"
        "Merz also raised China's support for Russia, spokesperson Stefan Kornelius said.\n\n"
        "Foreign Minister Johann Wadephul is also expected to call on President Vladimir Putin "
        "on Friday evening."
    )
    rows = _rows(_extract(nlp, text, date(2025, 11, 13)))
    assert ("Stefan Kornelius", "2025-11-13", "2025-11-13", "STATEMENT") in rows, rows
    assert ("Vladimir Putin", "2025-11-14", "2025-11-14", "MEET") in rows, rows


def test_a_new_date_after_a_rescheduling_verb_dates_nothing(nlp) -> None:
    text = (
        "President Donald Trump on Monday signed an executive order pushing back the "
        "deadline to 1 August."
    )
    rows = _rows(_extract(nlp, text, date(2025, 7, 8)))
    assert not any(r[1] == "2025-08-01" for r in rows), rows
    assert ("Donald Trump", "2025-07-07", "2025-07-07", "OTHER") in rows, rows


def test_a_where_clause_with_its_own_date_keeps_it(nlp) -> None:
    """The scene's date passes to a where/when clause only when the clause has none."""
    text = (
        "Steve Witkoff flew to Geneva for the talks on Monday, where he met Abbas Araghchi "
        "on Tuesday."
    )
    rows = _rows(_extract(nlp, text, date(2025, 3, 20)))
    assert ("Abbas Araghchi", "2025-03-18", "2025-03-18", "MEET") in rows
    assert not any(r[0] == "Abbas Araghchi" and r[1] == "2025-03-17" for r in rows)


def test_a_council_session_announced_in_reported_speech_is_the_speakers_plan(nlp) -> None:
    """'X said the council would hold a private briefing next Tuesday': X's planned
    meeting; a press briefing stays no meeting."""
    text = (
        "Britain's ambassador, Barbara Woodward, said the council would hold a private "
        "briefing on the killings next Tuesday. Dmitry Peskov held a press briefing on Monday."
    )
    events = _extract(nlp, text, date(2025, 11, 20))
    assert any(
        e.event_type == "MEET"
        and e.status == "planned"
        and e.date_start == date(2025, 11, 25)
        and any(p.name == "Barbara Woodward" for p in e.participants)
        for e in events
    ), events
    assert not any(r[0] == "Dmitry Peskov" and r[3] == "MEET" for r in _rows(events))


def test_a_relative_clause_date_inside_an_anchor_clause_is_not_its_date(nlp) -> None:
    """'two days after X told the council that the city, which the RSF captured in late
    October, ...': late October dates the capture; X's remark is two days before the vote."""
    text = (
        "The U.N. Security Council voted on Wednesday to extend the embargo. The vote came "
        "two days after the U.N. humanitarian chief, Tom Fletcher, told the council that the "
        'city of El Fasher, which the RSF captured in late October, had become "a crime scene."'
    )
    rows = _rows(_extract(nlp, text, date(2025, 11, 20)))
    assert ("Tom Fletcher", "2025-11-17", "2025-11-17", "STATEMENT") in rows, rows


def _parsed(text: str, published: date) -> list[ExtractedEvent]:
    """Through tracker.nlp.parse, which marks paragraph breaks as sentence starts."""
    from tracker.nlp import parse

    doc = parse(text)
    return extract_events(text, published, doc, tag(text, published, doc))


def test_a_chronology_entry_dates_its_events(nlp) -> None:
    text = (
        "Armenia and Azerbaijan: how the talks unfolded\n\n"
        "Timeline\n\n"
        "- March 13: The foreign ministries announce the end of talks. The same day, Ararat "
        "Mirzoyan says Yerevan is ready to sign.\n\n"
        "- July 10: Ilham Aliyev and Nikol Pashinyan hold their first bilateral summit in "
        "Abu Dhabi.\n\n"
        "- October 2: Aliyev and Pashinyan meet again in Copenhagen."
    )
    rows = _rows(_parsed(text, date(2025, 10, 11)))
    assert ("Ararat Mirzoyan", "2025-03-13", "2025-03-13", "STATEMENT") in rows
    for name in ("Ilham Aliyev", "Nikol Pashinyan"):
        assert (name, "2025-07-10", "2025-07-10", "MEET") in rows
        assert (name, "2025-10-02", "2025-10-02", "MEET") in rows
    assert not any(r[1] == "2025-10-11" for r in rows), rows  # nothing on the publication day


def test_a_denied_meeting_is_negated_and_the_denial_keeps_its_day(nlp) -> None:
    text = (
        "On Sunday, Syrian Foreign Minister Asaad al-Shaibani denied meeting Ron Dermer in "
        "Baku last month, calling the reports fabrications."
    )
    events = _extract(nlp, text, date(2025, 11, 11))
    dated = {(e.date_text, e.status) for e in events if e.date_source == "text"}
    assert ("Sunday", "happened") in dated
    assert ("last month", "negated") in dated


def test_coordinated_subjects_hung_apart_both_act(nlp) -> None:
    text = (
        "Pakistan's Defence Minister Khawaja Asif said on Friday that the talks had failed.\n\n"
        "Asif and Afghan Defence Minister Mullah Mohammad Yaqoob agreed to a ceasefire in Doha "
        "on Oct. 19 after talks mediated by Qatar."
    )
    rows = _rows(_parsed(text, date(2025, 11, 7)))
    assert ("Khawaja Asif", "2025-10-19", "2025-10-19", "AGREE") in rows
    assert ("Mohammad Yaqoob", "2025-10-19", "2025-10-19", "AGREE") in rows


def test_he_after_a_sentence_opening_with_a_name_and_a_clause(nlp) -> None:
    text = (
        "Syrian President Ahmed al-Sharaa met Donald Trump on Monday.\n\n"
        "Netanyahu said last week that Israel would not withdraw from the buffer zone.\n\n"
        "Sharaa, whose Islamist-led offensive toppled Assad in December last year, has since "
        "courted Western and Gulf capitals. He visited Paris in May."
    )
    rows = _rows(_parsed(text, date(2025, 11, 11)))
    assert ("Ahmed al-Sharaa", "2025-05-01", "2025-05-31", "VISIT") in rows
    assert not any(
        r[0] == "Benjamin Netanyahu" or r[0] == "Netanyahu" for r in rows if r[1] == "2025-05-01"
    )
