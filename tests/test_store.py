"""The store on its own: people found by key, alias and surname, one write per article."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from tracker.db import open_database
from tracker.events import ExtractedEvent, ParticipantMention
from tracker.ingest import ArticleInput
from tracker.models import Alias, Event, EventSource, Participant, Person
from tracker.store import store_article

pytestmark = pytest.mark.db

DAY = dt.date(2025, 4, 2)


def person(name: str, *aliases: str) -> ParticipantMention:
    return ParticipantMention(name, "person", "actor", None, aliases)


def event(*people: ParticipantMention, start: int = 10, etype: str = "MEET") -> ExtractedEvent:
    return ExtractedEvent(
        event_type=etype,
        cameo="040",
        plover="CONSULT",
        status="happened",
        trigger="met",
        trigger_start=start,
        trigger_end=start + 3,
        sentence="They met on Wednesday.",
        sentence_start=0,
        sentence_end=22,
        date_start=DAY,
        date_end=DAY,
        granularity="day",
        date_text="on Wednesday",
        date_char_start=start + 4,
        date_char_end=start + 16,
        date_source="text",
        timex_value=DAY.isoformat(),
        summary="meeting",
        location=None,
        participants=people,
    )


def article(text: str) -> ArticleInput:
    return ArticleInput("t", text, DAY, "flag", None, None)


def write(db, text: str, events: list[ExtractedEvent]):  # type: ignore[no-untyped-def]
    with db.session(write=True) as session:
        return store_article(session, article(text), DAY, events)


def count(db, what) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(what)) or 0


def test_a_surname_only_person_is_upgraded_to_the_full_name(temp_db: str) -> None:
    db = open_database(temp_db)
    write(db, "first", [event(person("Dmitriev"))])
    write(db, "second", [event(person("Kirill Dmitriev", "Dmitriev"), etype="CALL")])
    with db.session() as session:
        people = session.scalars(select(Person)).all()
        assert [(p.name, p.key) for p in people] == [("Kirill Dmitriev", "kirill dmitriev")]
        aliases = set(session.scalars(select(Alias.key).where(Alias.person_id == people[0].id)))
        assert aliases == {"dmitriev"}


def test_a_stored_alias_finds_the_person(temp_db: str) -> None:
    db = open_database(temp_db)
    write(db, "first", [event(person("Steve Witkoff", "Steven Witkoff"))])
    write(db, "second", [event(person("Steven Witkoff"), etype="CALL")])
    assert count(db, Person) == 1


def test_the_same_extraction_twice_is_one_event_with_one_source(temp_db: str) -> None:
    db = open_database(temp_db)
    one = event(person("Marco Rubio"), person("Sergei Lavrov"))
    result = write(db, "text", [one, replace(one)])
    assert result.events == 1
    assert (count(db, Event), count(db, EventSource), count(db, Participant)) == (1, 1, 2)


def test_an_article_reporting_one_event_twice_merges_into_it_once(temp_db: str) -> None:
    db = open_database(temp_db)
    write(db, "first", [event(person("Marco Rubio"), person("Sergei Lavrov"))])
    second = [event(person("Marco Rubio"), start=10), event(person("Sergei Lavrov"), start=50)]
    write(db, "second", second)
    # the first mention merges into the stored event; the second is new (an article's own
    # reports are not merged with each other, and it already reported the stored event)
    assert count(db, Event) == 2
    assert count(db, EventSource) == 3


def test_new_events_get_their_own_participants_and_sources(temp_db: str) -> None:
    db = open_database(temp_db)
    events = [
        event(person("Marco Rubio"), start=10, etype="MEET"),
        event(person("Sergei Lavrov"), person("Marco Rubio"), start=40, etype="CALL"),
    ]
    write(db, "text", events)
    with db.session() as session:
        rows = session.execute(
            select(Event.event_type, Person.name, Participant.position)
            .join(Participant, Participant.event_id == Event.id)
            .join(Person, Person.id == Participant.person_id)
            .order_by(Event.id, Participant.position)
        ).all()
        assert [tuple(r) for r in rows] == [
            ("MEET", "Marco Rubio", 0),
            ("CALL", "Sergei Lavrov", 0),
            ("CALL", "Marco Rubio", 1),
        ]
        sources = session.execute(
            select(EventSource.trigger_start, Event.event_type)
            .join(Event, Event.id == EventSource.event_id)
            .order_by(EventSource.trigger_start)
        ).all()
        assert [tuple(r) for r in sources] == [(10, "MEET"), (40, "CALL")]
