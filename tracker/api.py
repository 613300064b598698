"""Use cases that the CLI and tests call: add, extract, timeline, export, info, people."""

from __future__ import annotations

import datetime as dt
import difflib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from tracker.db import Database, current_revision, head_revision
from tracker.ingest import (
    DEFAULT_MAX_BYTES,
    ArticleInput,
    IngestError,
    decode_bytes,
    parse_article,
    parse_date_string,
    read_source,
)
from tracker.models import Alias, Article, Event, EventSource, Participant, Person
from tracker.store import normalise_key

EXPORT_COLUMNS = [
    "event_id",
    "date_start",
    "date_end",
    "granularity",
    "date_text",
    "date_source",
    "event_type",
    "cameo",
    "people",
    "summary",
    "location",
    "evidence",
    "article_title",
    "article_url",
    "published",
    "status",
    "plover",
    "trigger",
    "actors",
    "event_date_start",
    "event_date_end",
    "event_granularity",
    "sources",
]

EVENT_TYPES = (
    "MEET VISIT CALL STATEMENT INVITE AGREE PROPOSE DEMAND REJECT SANCTION THREATEN ACCUSE OTHER"
).split()
STATUSES = ("happened", "planned", "negated", "hypothetical")
# Timelines show what happened or is planned; negated and hypothetical events only on request.
DEFAULT_STATUSES = ("happened", "planned")
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)


class TrackerError(Exception):
    """A problem the user can fix; the message is one line."""


class UnknownPersonError(TrackerError):
    pass


@dataclass(frozen=True)
class AddResult:
    source: str
    article_id: int
    created: bool
    title: str
    published: dt.date
    events: int
    people: int
    warnings: tuple[str, ...] = field(default_factory=tuple)


def parse_published(value: str | None) -> dt.date | None:
    """Parse a --published value strictly; a malformed date is an error, not a guess."""
    if value is None:
        return None
    parsed = parse_date_string(value)
    if parsed is None:
        raise TrackerError(f"--published {value!r} is not a date (use YYYY-MM-DD)")
    return parsed


def check_published(published: dt.date, today: dt.date | None = None) -> list[str]:
    """Refuse dates before 1900; warn about dates in the future (clock or metadata errors)."""
    today = today or dt.date.today()
    if published < EARLIEST_PUBLISHED:
        raise TrackerError(f"publication date {published} is before 1900; give --published")
    if published > today + dt.timedelta(days=1):
        return [f"publication date {published} is in the future"]
    return []


def load_article(
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
) -> ArticleInput:
    """Read and clean one article from a path or '-' (stdin)."""
    if source == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(f"stdin: more than --max-bytes {max_bytes:,} bytes")
        return parse_article(decode_bytes(data, "stdin"), None)
    data = read_source(source, max_bytes)
    return parse_article(decode_bytes(data, source), source)


def analyse(text: str, published: dt.date) -> tuple[Any, list[Any], list[Any]]:
    """Parse once with spaCy, tag time expressions, extract events (imports are lazy)."""
    from tracker.events import extract_events
    from tracker.nlp import load_nlp
    from tracker.temporal import tag

    doc = load_nlp()(text)
    timexes = tag(text, published, doc)
    events = extract_events(text, published, doc, timexes)
    return doc, timexes, events


def add_article(
    db: Database,
    source: str,
    *,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
) -> AddResult:
    """Ingest one article in one transaction; adding it again stores nothing new."""
    article = load_article(source, max_bytes=max_bytes, stdin=stdin)
    overrides: dict[str, Any] = {}
    if published is not None:
        overrides.update(published=published, published_source="flag")
    if url:
        overrides["url"] = url
    if title:
        overrides["title"] = title
    if overrides:
        article = ArticleInput(**{**article.__dict__, **overrides})
    if article.published is None:
        raise TrackerError(f"{source}: no publication date found; give it with --published")
    warnings = check_published(article.published)
    with db.session() as session:
        from tracker.store import find_existing_article

        existing = find_existing_article(session, article.url, article.content_hash)
        if existing is not None:
            return AddResult(
                source, existing.id, False, existing.title, existing.published, 0, 0
            )
    _doc, _timexes, events = analyse(article.text, article.published)
    from sqlalchemy.exc import IntegrityError

    from tracker.store import store_article

    try:
        with db.session() as session:
            result = store_article(session, article, article.published, events)
    except IntegrityError:
        # Another process stored the same article between our check and our write.
        with db.session() as session:
            from tracker.store import find_existing_article

            existing = find_existing_article(session, article.url, article.content_hash)
            if existing is None:
                raise
            return AddResult(
                source, existing.id, False, existing.title, existing.published, 0, 0
            )
    return AddResult(
        source,
        result.article_id,
        result.created,
        article.title,
        article.published,
        result.events,
        result.people,
        tuple(warnings),
    )


def extract(
    source: str,
    *,
    published: dt.date | None,
    body_only: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, Any]:
    """What tracker finds in an article, without storing anything."""
    if body_only:
        if source == "-":
            text = sys.stdin.read()
        else:
            data = read_source(source, max_bytes)
            text = decode_bytes(data, source)
            if "\r" in text:  # keep offsets exact as read with newline=""
                text = open(source, encoding="utf-8", newline="").read()
        if published is None:
            raise TrackerError("--published is required with --body-only")
    else:
        article = load_article(source, max_bytes=max_bytes)
        text = article.text
        published = published or article.published
        if published is None:
            raise TrackerError(f"{source}: no publication date found; give it with --published")
    _doc, timexes, events = analyse(text, published)
    return {
        "published": published.isoformat(),
        "text": text,
        "timexes": [
            {
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
                "date_start": t.date_start.isoformat() if t.date_start else None,
                "date_end": t.date_end.isoformat() if t.date_end else None,
                "granularity": t.granularity,
            }
            for t in timexes
        ],
        "events": [_extracted_event_dict(e) for e in events],
    }


def _extracted_event_dict(ev: Any) -> dict[str, Any]:
    return {
        "event_type": ev.event_type,
        "cameo": ev.cameo,
        "status": ev.status,
        "date_start": ev.date_start.isoformat(),
        "date_end": ev.date_end.isoformat(),
        "granularity": ev.granularity,
        "date_text": ev.date_text,
        "date_source": ev.date_source,
        "trigger": ev.trigger,
        "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end,
        "people": [p.name for p in ev.participants if p.kind == "person"],
        "actors": [
            {"name": p.name, "kind": p.kind, "role": p.role, "title": p.title}
            for p in ev.participants
        ],
        "summary": ev.summary,
        "evidence": ev.sentence,
    }


def to_timeml(result: dict[str, Any]) -> str:
    """The text with <TIMEX3> tags, readable by other TimeML tools."""
    from xml.sax.saxutils import escape, quoteattr

    text = result["text"]
    out: list[str] = []
    pos = 0
    for i, t in enumerate(result["timexes"], 1):
        out.append(escape(text[pos : t["start"]]))
        attrs = f'tid="t{i}" type="{t["type"]}" value={quoteattr(t["value"])}'
        if t.get("mod"):
            attrs += f' mod="{t["mod"]}"'
        out.append(f"<TIMEX3 {attrs}>{escape(t['text'])}</TIMEX3>")
        pos = t["end"]
    out.append(escape(text[pos:]))
    dct = result["published"]
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(out)}</TEXT>\n</TimeML>\n"
    )


# ----------------------------------------------------------------------------- people


def find_person(session: Session, name: str) -> Person:
    """A canonical name or alias, case-insensitively; ambiguity and misses list close names."""
    key = normalise_key(name)
    person = session.scalars(select(Person).where(Person.key == key)).first()
    if person is not None:
        return person
    matches = session.scalars(
        select(Person).join(Alias).where(Alias.key == key, Alias.kind == "name").distinct()
    ).all()
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        names = ", ".join(sorted(p.name for p in matches))
        raise UnknownPersonError(f"{name!r} is ambiguous: {names}")
    known = session.scalars(select(Person.name).where(Person.kind == "person")).all()
    close = difflib.get_close_matches(name, known, n=5, cutoff=0.5)
    if not close:
        lowered = name.casefold()
        close = [k for k in known if lowered in k.casefold()][:5]
    hint = f"; did you mean: {', '.join(close)}" if close else ""
    raise UnknownPersonError(f"no person named {name!r}{hint}")


# ----------------------------------------------------------------------------- queries


def _date_cell(start: dt.date, end: dt.date, granularity: str) -> str:
    if start == end:
        return f"{start.isoformat()} ({granularity})"
    return f"{start.isoformat()}..{end.isoformat()} ({granularity})"


def _event_query(
    person_ids: Iterable[int] | None = None,
    statuses: Iterable[str] | None = DEFAULT_STATUSES,
) -> Any:
    query = (
        select(Event)
        .where(Event.hidden.is_(False))
        .options(
            selectinload(Event.participants).selectinload(Participant.person),
            selectinload(Event.sources).selectinload(EventSource.article),
        )
        .order_by(Event.date_start, Event.date_end, Event.id)
    )
    if statuses is not None:
        query = query.where(Event.status.in_(list(statuses)))
    if person_ids is not None:
        ids = list(person_ids)
        query = query.where(
            Event.id.in_(select(Participant.event_id).where(Participant.person_id.in_(ids)))
        )
    return query


def _people_names(event: Event, kind: str | None = "person") -> list[str]:
    return [p.person.name for p in event.participants if kind is None or p.person.kind == kind]


def timeline(db: Database, name: str, statuses: Iterable[str] | None = DEFAULT_STATUSES) -> tuple[
    str, list[dict[str, Any]]
]:
    """One person's events in chronological order, for display."""
    with db.session() as session:
        person = find_person(session, name)
        rows = []
        for event in session.scalars(_event_query([person.id], statuses)):
            others = [n for n in _people_names(event, None) if n != person.name]
            src = event.sources[0] if event.sources else None
            rows.append(
                {
                    "id": event.id,
                    "date": _date_cell(event.date_start, event.date_end, event.granularity),
                    "type": event.event_type,
                    "status": event.status,
                    "with": "; ".join(others),
                    "summary": event.summary,
                    "source": "; ".join(
                        s.article.url or s.article.title for s in event.sources
                    )
                    if src
                    else "",
                }
            )
        return person.name, rows


def export_rows(
    db: Database,
    persons: Iterable[str] = (),
    statuses: Iterable[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Export rows: one per event and source article, in chronological order."""
    with db.session() as session:
        ids = [find_person(session, n).id for n in persons] or None
        for event in session.scalars(_event_query(ids, statuses)):
            sources = "; ".join(s.article.url or s.article.title for s in event.sources)
            for src in event.sources:
                yield _export_row(event, src, sources)


def _export_row(event: Event, src: EventSource, sources: str) -> dict[str, Any]:
    art = src.article
    return {
        "event_id": event.id,
        "date_start": src.date_start.isoformat(),
        "date_end": src.date_end.isoformat(),
        "granularity": src.granularity,
        "date_text": src.date_text or "",
        "date_source": src.date_source,
        "event_type": event.event_type,
        "cameo": event.cameo or "",
        "people": "; ".join(_people_names(event)),
        "summary": event.summary,
        "location": event.location or "",
        "evidence": src.sentence,
        "article_title": art.title,
        "article_url": art.url or "",
        "published": art.published.isoformat(),
        "status": event.status,
        "plover": event.plover or "",
        "trigger": src.trigger,
        "actors": "; ".join(_people_names(event, None)),
        "event_date_start": event.date_start.isoformat(),
        "event_date_end": event.date_end.isoformat(),
        "event_granularity": event.granularity,
        "sources": sources,
    }


def timeline_export_rows(db: Database, name: str) -> list[dict[str, Any]]:
    return list(export_rows(db, [name], DEFAULT_STATUSES))


def show_event(db: Database, event_id: int) -> dict[str, Any]:
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise TrackerError(f"no event with id {event_id}")
        return {
            "id": event.id,
            "type": event.event_type,
            "cameo": event.cameo,
            "plover": event.plover,
            "status": event.status,
            "date": _date_cell(event.date_start, event.date_end, event.granularity),
            "date_text": event.date_text,
            "date_source": event.date_source,
            "summary": event.summary,
            "participants": [
                {"name": p.person.name, "kind": p.person.kind, "role": p.role, "title": p.title}
                for p in event.participants
            ],
            "sources": [
                {
                    "article": s.article.title,
                    "url": s.article.url,
                    "published": s.article.published.isoformat(),
                    "sentence": s.sentence,
                    "offsets": [s.sentence_start, s.sentence_end],
                    "trigger": s.trigger,
                    "trigger_offsets": [s.trigger_start, s.trigger_end],
                    "date_text": s.date_text,
                    "date_offsets": [s.date_char_start, s.date_char_end],
                    "date": _date_cell(s.date_start, s.date_end, s.granularity),
                }
                for s in event.sources
            ],
        }


def list_people(db: Database, include_all: bool = False) -> list[dict[str, Any]]:
    with db.session() as session:
        query = select(Person).options(selectinload(Person.aliases)).order_by(Person.name)
        if not include_all:
            query = query.where(Person.kind == "person")
        rows = []
        for person in session.scalars(query):
            stats = session.execute(
                select(func.count(Event.id), func.min(Event.date_start), func.max(Event.date_end))
                .join(Participant, Participant.event_id == Event.id)
                .where(Participant.person_id == person.id, Event.hidden.is_(False))
            ).one()
            rows.append(
                {
                    "name": person.name,
                    "kind": person.kind,
                    "aliases": "; ".join(a.alias for a in person.aliases if a.kind == "name"),
                    "roles": "; ".join(a.alias for a in person.aliases if a.kind == "title"),
                    "events": stats[0],
                    "first": stats[1].isoformat() if stats[1] else "",
                    "last": stats[2].isoformat() if stats[2] else "",
                }
            )
        return rows


def list_articles(db: Database) -> list[dict[str, Any]]:
    with db.session() as session:
        counts = dict(
            session.execute(
                select(EventSource.article_id, func.count(EventSource.id)).group_by(
                    EventSource.article_id
                )
            ).all()
        )
        return [
            {
                "id": a.id,
                "published": a.published.isoformat(),
                "published_source": a.published_source,
                "title": a.title,
                "url": a.url or "",
                "events": counts.get(a.id, 0),
            }
            for a in session.scalars(select(Article).order_by(Article.published, Article.id))
        ]


def info(db: Database) -> dict[str, Any]:
    with db.session() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(model))
            for name, model in (
                ("articles", Article),
                ("events", Event),
                ("people", Person),
                ("aliases", Alias),
            )
        }
        persons = session.scalar(
            select(func.count()).select_from(Person).where(Person.kind == "person")
        )
    return {
        "database": db.display_url,
        "revision": current_revision(db.engine),
        "head": head_revision(db.url),
        **counts,
        "persons": persons,
    }


def expand_sources(sources: Iterable[str], pattern: str = "*.txt,*.html,*.htm") -> list[str]:
    """Files as given; directories recursively, matching any of the comma-separated globs."""
    from pathlib import Path

    globs = [g.strip() for g in pattern.split(",") if g.strip()]
    out: list[str] = []
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            found = {p for g in globs for p in path.rglob(g) if p.is_file()}
            out.extend(str(p) for p in sorted(found))
        else:
            out.append(source)
    return out
