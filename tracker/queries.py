"""Read queries for listings and exports: Core selects streamed in chunks, no ORM objects.

Timelines and exports read many rows; building ORM objects for each is what made them slow.
Events are selected with their filters in one query and streamed; each chunk of event ids
then fetches its participants and its sources in two more queries.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, exists, func, select
from sqlalchemy.orm import Session

from tracker.models import Article, Event, EventSource, Participant, Person

DEFAULT_STATUSES = ("happened", "planned")
CHUNK = 1000


@dataclass(frozen=True)
class EventFilter:
    """What a listing asks for; every condition is a bound parameter, never spliced SQL."""

    person_ids: tuple[int, ...] | None = None
    with_ids: tuple[int, ...] = ()
    statuses: tuple[str, ...] | None = DEFAULT_STATUSES
    types: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    source: str | None = None
    include_hidden: bool = False


@dataclass(slots=True)
class SourceView:
    date_start: dt.date
    date_end: dt.date
    granularity: str
    date_text: str | None
    date_source: str
    sentence: str
    trigger: str
    article_title: str
    article_url: str | None
    published: dt.date
    person_ids: str | None = None  # JSON list: whom this article named for the event


@dataclass(slots=True)
class EventView:
    id: int
    event_type: str
    cameo: str | None
    plover: str | None
    status: str
    date_start: dt.date
    date_end: dt.date
    granularity: str
    date_text: str | None
    date_source: str
    summary: str
    location: str | None
    actors: list[tuple[int, str, str]] = field(default_factory=list)  # (id, name, kind)
    sources: list[SourceView] = field(default_factory=list)

    def names(self, kind: str | None = "person", source: SourceView | None = None) -> list[str]:
        """Participants' names, actor first; with `source`, only those that article named."""
        named = None
        if source is not None and source.person_ids is not None:
            named = set(json.loads(source.person_ids))
        return [
            name
            for pid, name, k in self.actors
            if (kind is None or k == kind) and (named is None or pid in named)
        ]

    def source_list(self) -> str:
        return "; ".join(s.article_url or s.article_title for s in self.sources)


def like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_EVENT_COLUMNS = (
    Event.id,
    Event.event_type,
    Event.cameo,
    Event.plover,
    Event.status,
    Event.date_start,
    Event.date_end,
    Event.granularity,
    Event.date_text,
    Event.date_source,
    Event.summary,
    Event.location,
)


def event_select(flt: EventFilter) -> Any:
    """The filtered, ordered events. A person filter starts from that person's participant
    rows (an index lookup), so a timeline never scans the whole events table."""
    query = select(*_EVENT_COLUMNS)
    if flt.person_ids is not None:
        query = query.join(Participant, Participant.event_id == Event.id).where(
            Participant.person_id.in_(flt.person_ids)
        )
        if len(flt.person_ids) > 1:
            query = query.distinct()
    if not flt.include_hidden:
        query = query.where(Event.hidden.is_(False))
    if flt.statuses is not None:
        query = query.where(Event.status.in_(list(flt.statuses)))
    if flt.types:
        query = query.where(Event.event_type.in_([t.upper() for t in flt.types]))
    # Interval-aware: an event whose interval overlaps the range is in it.
    if flt.date_from is not None:
        query = query.where(Event.date_end >= flt.date_from)
    if flt.date_to is not None:
        query = query.where(Event.date_start <= flt.date_to)
    for other in flt.with_ids:
        also = Participant.__table__.alias()
        query = query.where(exists().where(also.c.event_id == Event.id, also.c.person_id == other))
    if flt.source:
        pattern = f"%{like_escape(flt.source.casefold())}%"
        article_ids = select(Article.id).where(
            (Article.url == flt.source)
            | (Article.source_path == flt.source)
            | func.lower(Article.title).like(pattern, escape="\\")
        )
        query = query.where(
            Event.id.in_(
                select(EventSource.event_id).where(EventSource.article_id.in_(article_ids))
            )
        )
    return query.order_by(Event.date_start, Event.date_end, Event.id)


def _attach(conn: Connection, views: list[EventView]) -> None:
    ids = [v.id for v in views]
    by_id = {v.id: v for v in views}
    actors: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for event_id, person_id, name, kind in conn.execute(
        select(Participant.event_id, Person.id, Person.name, Person.kind)
        .join(Person, Person.id == Participant.person_id)
        .where(Participant.event_id.in_(ids))
        .order_by(Participant.event_id, Participant.position, Person.name)
    ).all():
        actors[event_id].append((person_id, name, kind))
    for event_id, people in actors.items():
        by_id[event_id].actors = people
    for row in conn.execute(
        select(
            EventSource.event_id,
            EventSource.date_start,
            EventSource.date_end,
            EventSource.granularity,
            EventSource.date_text,
            EventSource.date_source,
            EventSource.sentence,
            EventSource.trigger,
            Article.title,
            Article.url,
            Article.published,
            EventSource.person_ids,
        )
        .join(Article, Article.id == EventSource.article_id)
        .where(EventSource.event_id.in_(ids))
        .order_by(EventSource.event_id, Article.published, EventSource.id)
    ).all():
        by_id[row[0]].sources.append(SourceView(*row[1:]))


def iter_events(session: Session, flt: EventFilter, chunk: int = CHUNK) -> Iterator[EventView]:
    """Stream the filtered events with their people and sources, chunk by chunk.

    Core statements on the session's connection: no ORM result processing per row."""
    conn = session.connection()
    result = conn.execute(event_select(flt).execution_options(yield_per=chunk))
    for rows in result.partitions(chunk):
        views = [EventView(*row) for row in rows]
        _attach(conn, views)
        yield from views
