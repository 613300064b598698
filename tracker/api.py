"""Use cases that the CLI and tests call: add, extract, timeline, export, info, people."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from tracker.db import Database, DatabaseProblem, current_revision, head_revision

if TYPE_CHECKING:
    from tracker.ingest import ArticleInput
from tracker.errors import DEFAULT_MAX_BYTES, IngestError, TrackerError
from tracker.errors import UnknownPersonError as UnknownPersonError  # re-exported
from tracker.intervals import parse_interval as parse_interval  # re-exported
from tracker.models import Alias, Article, Event, EventSource, Participant, Person
from tracker.queries import (
    DEFAULT_STATUSES,
    EVENT_TYPES,
    EventFilter,
    iter_events,
)

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

# Timelines show what happened or is planned; negated and hypothetical events only on request
# (DEFAULT_STATUSES). The vocabularies live in tracker.queries, which read commands import
# without this module.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)


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
    from tracker.ingest import parse_date_string

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
    from tracker.ingest import (
        ArticleInput,
        date_from_url,
        decode_bytes,
        fetch_url,
        is_url,
        parse_article,
        read_source,
    )

    if source == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(f"stdin: more than --max-bytes {max_bytes:,} bytes")
        return parse_article(decode_bytes(data, "stdin"), None)
    if is_url(source):
        data, final_url = fetch_url(source, max_bytes=max_bytes)
        article = parse_article(decode_bytes(data, source), source, final_url)
        if not article.url:
            article = ArticleInput(**{**article.__dict__, "url": final_url})
        if article.published is None and (day := date_from_url(article.url)):
            article = ArticleInput(
                **{**article.__dict__, "published": day, "published_source": "url"}
            )
        return article
    data = read_source(source, max_bytes)
    return parse_article(decode_bytes(data, source), source)


def analyse(text: str, published: dt.date) -> tuple[Any, list[Any], list[Any]]:
    """Parse once with spaCy, tag time expressions, extract events (imports are lazy)."""
    from tracker.events import extract_events
    from tracker.nlp import parse
    from tracker.temporal import tag

    doc = parse(text)
    timexes = tag(text, published, doc)
    events = extract_events(text, published, doc, timexes)
    return doc, timexes, events


def prepare_article(
    source: str,
    *,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
) -> tuple[ArticleInput, list[str]]:
    """Read, clean and date one article; errors are one line for the user."""
    from tracker.ingest import ArticleInput

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
    return article, check_published(article.published)


def _already_present(db: Database, source: str, article: ArticleInput) -> AddResult | None:
    from tracker.store import find_existing_article

    with db.session() as session:
        existing = find_existing_article(session, article.url, article.content_hash)
        if existing is None:
            return None
        return AddResult(source, existing.id, False, existing.title, existing.published, 0, 0)


STORE_ATTEMPTS = 5


def store_analysed(
    db: Database, source: str, article: ArticleInput, events: list[Any], warnings: list[str]
) -> AddResult:
    """Write one analysed article in one transaction, retrying when another writer raced us."""
    from sqlalchemy.exc import DBAPIError, IntegrityError

    from tracker.db import explain, is_transient
    from tracker.store import store_article

    assert article.published is not None
    for attempt in range(STORE_ATTEMPTS):
        try:
            with db.session(write=True) as session:
                result = store_article(session, article, article.published, events)
            break
        except IntegrityError as exc:  # another writer stored the same key first
            if attempt == STORE_ATTEMPTS - 1:
                raise DatabaseProblem(explain(exc, db.engine)) from exc
        except DBAPIError as exc:
            if not is_transient(exc) or attempt == STORE_ATTEMPTS - 1:
                # Read-only, disk full, connection lost: stop, one line, nothing half-written.
                raise DatabaseProblem(explain(exc, db.engine)) from exc
    if not result.created:
        return AddResult(source, result.article_id, False, article.title, article.published, 0, 0)
    return AddResult(
        source,
        result.article_id,
        True,
        article.title,
        article.published,
        result.events,
        result.people,
        tuple(warnings),
    )


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
    article, warnings = prepare_article(
        source, published=published, url=url, title=title, max_bytes=max_bytes, stdin=stdin
    )
    present = _already_present(db, source, article)
    if present is not None:
        return present
    assert article.published is not None
    _doc, _timexes, events = analyse(article.text, article.published)
    return store_analysed(db, source, article, events, warnings)


@dataclass(frozen=True)
class AddFailure:
    source: str
    message: str


def add_many(
    db: Database,
    sources: Iterable[str],
    *,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    batch_size: int = 32,
) -> Iterator[AddResult | AddFailure]:
    """Ingest many articles as a stream: bad ones are reported and skipped, each good one is
    its own transaction, and spaCy parses them in batches (in `jobs` processes)."""

    def prepared() -> Iterator[tuple[str, ArticleInput | None, list[str] | AddResult | AddFailure]]:
        for source in sources:
            try:
                article, warnings = prepare_article(
                    source, published=published, url=url, title=title, max_bytes=max_bytes
                )
            except (TrackerError, IngestError) as exc:
                yield source, None, AddFailure(source, str(exc))
                continue
            present = _already_present(db, source, article)
            yield source, article, present if present is not None else warnings

    from collections import deque

    # Results that need no parsing (failures, articles already stored) and long texts (parsed
    # in chunks in this process) wait here; everything else streams through one nlp.pipe, so
    # --jobs N starts its N worker processes once for the whole run.
    waiting: deque[tuple[str, ArticleInput | None, Any]] = deque()
    loaded: dict[str, Any] = {}

    def texts() -> Iterator[tuple[str, tuple[str, ArticleInput, list[str]]]]:
        from tracker.nlp import CHUNK_CHARS

        for source, article, state in prepared():
            if isinstance(state, AddResult | AddFailure) or article is None:
                waiting.append((source, None, state))
            elif len(article.text) > CHUNK_CHARS:
                waiting.append((source, article, state))
            else:
                yield article.text, (source, article, state)

    def analysed(source: str, article: ArticleInput, doc: Any, warnings: list[str]) -> Any:
        if not loaded:  # the extractors import spaCy; only now that something needs them
            from tracker.events import extract_events
            from tracker.temporal import tag

            loaded.update(tag=tag, extract=extract_events)
        assert article.published is not None
        try:
            timexes = loaded["tag"](article.text, article.published, doc)
            events = loaded["extract"](article.text, article.published, doc, timexes)
            return store_analysed(db, source, article, events, warnings)
        except DatabaseProblem:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            return AddFailure(source, f"{source}: {type(exc).__name__}: {exc}")

    def drain() -> Iterator[AddResult | AddFailure]:
        while waiting:
            source, article, state = waiting.popleft()
            if article is None:
                yield state
            else:
                from tracker.nlp import parse

                yield analysed(source, article, parse(article.text), state)

    stream = texts()
    first = next(stream, None)
    yield from drain()
    if first is None:  # nothing to parse: spaCy is never loaded
        return
    from itertools import chain

    from tracker.nlp import parse_stream

    docs = parse_stream(
        chain([first], stream), as_tuples=True, batch_size=batch_size, n_process=max(1, jobs)
    )
    for doc, (source, article, warnings) in docs:
        yield from drain()
        yield analysed(source, article, doc, warnings)
    yield from drain()


def extract(
    source: str,
    *,
    published: dt.date | None,
    body_only: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, Any]:
    """What tracker finds in an article, without storing anything."""
    from tracker.ingest import decode_bytes, read_source

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
    """A canonical name or alias, case-insensitively; ambiguity and misses list close names.

    The lookup is tracker.queries.find_person (shared with the light read path of the CLI)."""
    from tracker import queries

    session.flush()  # the raw lookup must see this session's pending changes, as autoflush did
    person_id, _name = queries.find_person(queries.Reader.of(session), name)
    person = session.get(Person, person_id)
    assert person is not None
    return person


# ----------------------------------------------------------------------------- queries


def _date_cell(start: dt.date, end: dt.date, granularity: str) -> str:
    from tracker.queries import date_cell

    return date_cell(start, end, granularity)


def resolve_filter(
    session: Session,
    persons: Iterable[str] = (),
    with_persons: Iterable[str] = (),
    **kwargs: Any,
) -> EventFilter:
    from tracker import queries

    return queries.make_filter(queries.Reader.of(session), persons, with_persons, **kwargs)


def timeline(
    db: Database, name: str, with_persons: Iterable[str] = (), **filters: Any
) -> tuple[str, list[dict[str, Any]]]:
    """One person's events in chronological order, for display."""
    from tracker import queries

    with db.session() as session:
        return queries.timeline(queries.Reader.of(session), name, with_persons, **filters)


def list_events(
    db: Database, persons: Iterable[str] = (), with_persons: Iterable[str] = (), **filters: Any
) -> list[dict[str, Any]]:
    """All events matching the filters, for display."""
    from tracker.queries import Reader, display_rows

    with db.session() as session:
        flt = resolve_filter(session, persons, with_persons, **filters)
        return display_rows(Reader.of(session), flt, "people")


def export_rows(
    db: Database,
    persons: Iterable[str] = (),
    with_persons: Iterable[str] = (),
    **filters: Any,
) -> Iterator[dict[str, Any]]:
    """Export rows, streamed: one per event and source article, in chronological order.

    Lazy: nothing is read until iterated. Iterating gives dicts; tracker.render writes CSV
    from the object's tuple `batches()` (formula cells neutralised in SQL)."""
    from contextlib import contextmanager

    from tracker.queries import ExportRows, Reader

    filters.setdefault("statuses", None)

    @contextmanager
    def open_reader() -> Iterator[tuple[Reader, EventFilter]]:
        with db.session() as session:
            yield Reader.of(session), resolve_filter(session, persons, with_persons, **filters)

    return ExportRows(EXPORT_COLUMNS, open_reader)  # type: ignore[return-value]


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
        # One grouped query for every person's counts and first/last dates (not one each).
        stats = {
            pid: (count, first, last)
            for pid, count, first, last in session.execute(
                select(
                    Participant.person_id,
                    func.count(Event.id),
                    func.min(Event.date_start),
                    func.max(Event.date_end),
                )
                .join(Event, Event.id == Participant.event_id)
                .where(Event.hidden.is_(False))
                .group_by(Participant.person_id)
            )
        }
        rows = []
        for person in session.scalars(query):
            count, first, last = stats.get(person.id, (0, None, None))
            rows.append(
                {
                    "name": person.name,
                    "kind": person.kind,
                    "aliases": "; ".join(a.alias for a in person.aliases if a.kind == "name"),
                    "roles": "; ".join(a.alias for a in person.aliases if a.kind == "title"),
                    "events": count,
                    "first": first.isoformat() if first else "",
                    "last": last.isoformat() if last else "",
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


# ----------------------------------------------------------------------------- corrections


def _editor() -> str:
    import getpass
    import os

    try:
        return os.environ.get("TRACKER_EDITOR") or getpass.getuser()
    except Exception:  # noqa: BLE001 - no user database in some containers
        return "unknown"


def edit_event(
    db: Database,
    event_id: int,
    *,
    date: str | None = None,
    event_type: str | None = None,
    status: str | None = None,
    add_people: Iterable[str] = (),
    remove_people: Iterable[str] = (),
    hide: bool | None = None,
) -> list[str]:
    """Apply an analyst's correction and record each change (who, when, old and new value)."""
    from tracker.models import EventEdit
    from tracker.store import refresh_export_lines

    changes: list[str] = []
    editor = _editor()
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise TrackerError(f"no event with id {event_id}")

        def record(field_name: str, old: Any, new: Any) -> None:
            session.add(
                EventEdit(
                    event_id=event.id,
                    field=field_name,
                    old_value=None if old is None else str(old),
                    new_value=None if new is None else str(new),
                    editor=editor,
                )
            )
            changes.append(f"{field_name}: {old} -> {new}")

        if date is not None:
            start, end, gran = parse_interval(date)
            old = _date_cell(event.date_start, event.date_end, event.granularity)
            event.date_start, event.date_end, event.granularity = start, end, gran
            event.date_source = "text"
            record("date", old, _date_cell(start, end, gran))
        if event_type is not None:
            new_type = event_type.upper()
            if new_type not in EVENT_TYPES:
                raise TrackerError(f"--type {event_type!r} is not one of {', '.join(EVENT_TYPES)}")
            record("event_type", event.event_type, new_type)
            event.event_type = new_type
        if status is not None:
            record("status", event.status, status)
            event.status = status
        for name in add_people:
            person = find_person(session, name)
            if all(p.person_id != person.id for p in event.participants):
                event.participants.append(
                    Participant(
                        person_id=person.id, role="counterpart", position=len(event.participants)
                    )
                )
                record("add_person", None, person.name)
        for name in remove_people:
            person = find_person(session, name)
            for part in list(event.participants):
                if part.person_id == person.id:
                    event.participants.remove(part)
                    record("remove_person", person.name, None)
        if hide is not None and hide != event.hidden:
            record("hidden", event.hidden, hide)
            event.hidden = hide
        refresh_export_lines(session, [event.id])
    return changes


def event_history(db: Database, event_id: int) -> list[dict[str, Any]]:
    from tracker.models import EventEdit

    with db.session() as session:
        return [
            {
                "when": e.edited_at.isoformat(sep=" ", timespec="seconds") if e.edited_at else "",
                "editor": e.editor,
                "field": e.field,
                "old": e.old_value,
                "new": e.new_value,
            }
            for e in session.scalars(
                select(EventEdit).where(EventEdit.event_id == event_id).order_by(EventEdit.id)
            )
        ]


def merge_people(db: Database, keep: str, other: str) -> str:
    """Merge OTHER into KEEP: events, aliases and the name itself become KEEP's."""
    from sqlalchemy import delete, update

    with db.session() as session:
        target = find_person(session, keep)
        source = find_person(session, other)
        if target.id == source.id:
            raise TrackerError(f"{keep!r} and {other!r} are already the same person")
        existing = set(
            session.scalars(select(Participant.event_id).where(Participant.person_id == target.id))
        )
        if existing:
            session.execute(
                delete(Participant).where(
                    Participant.person_id == source.id, Participant.event_id.in_(existing)
                )
            )
        session.execute(
            update(Participant)
            .where(Participant.person_id == source.id)
            .values(person_id=target.id)
        )
        aliases = [(a.alias, a.kind) for a in source.aliases] + [(source.name, "name")]
        session.delete(source)
        session.flush()
        from tracker.store import add_alias_row, events_of_people, refresh_export_lines

        for alias, kind in aliases:
            add_alias_row(session, target, alias, kind)
        refresh_export_lines(session, events_of_people(session, {target.id}))
        return target.name


def refresh_export_lines(db: Database, batch: int = 20_000) -> int:
    """Build the stored export line of every source whose line is missing or stale (a database
    upgraded from before revision 0004, or edited outside tracker); returns the events done.
    Batches commit one by one, so an interrupted run keeps its progress."""
    from sqlalchemy import text

    from tracker.store import refresh_export_lines as refresh

    with db.session() as session:
        stale = list(
            session.scalars(
                text(
                    "SELECT DISTINCT s.event_id FROM event_sources s "
                    "JOIN events e ON e.id = s.event_id "
                    "LEFT JOIN export_lines x ON x.source_id = s.id "
                    "WHERE x.rev IS NULL OR x.rev <> e.rev ORDER BY s.event_id"
                )
            )
        )
    for i in range(0, len(stale), batch):
        with db.session(write=True) as session:
            refresh(session, stale[i : i + batch])
    return len(stale)


def add_alias(db: Database, name: str, alias: str) -> str:
    """Record that ALIAS names NAME; later ingests resolve ALIAS to this person."""
    from tracker.store import add_alias_row

    with db.session() as session:
        person = find_person(session, name)
        add_alias_row(session, person, alias, "name")
        return person.name


def event_records(
    db: Database, persons: Iterable[str] = (), **filters: Any
) -> Iterator[dict[str, Any]]:
    """One record per event with its people and every source: for pictures and calendars."""
    from tracker.queries import Reader

    filters.setdefault("statuses", DEFAULT_STATUSES)
    with db.session() as session:
        flt = resolve_filter(session, persons, (), **filters)
        for event in iter_events(Reader.of(session), flt):
            first = event.sources[0] if event.sources else None
            yield {
                "id": event.id,
                "date_start": event.date_start.isoformat(),
                "date_end": event.date_end.isoformat(),
                "granularity": event.granularity,
                "date_text": event.date_text or "",
                "type": event.event_type,
                "status": event.status,
                "people": event.names(),
                "actors": event.names(None),
                "summary": event.summary,
                "evidence": first.sentence if first else "",
                "sources": [
                    {
                        "title": s.article_title,
                        "url": s.article_url or "",
                        "published": s.published.isoformat(),
                    }
                    for s in event.sources
                ],
            }


def canonical_names(db: Database, names: Iterable[str]) -> list[str]:
    with db.session() as session:
        return [find_person(session, n).name for n in names]
