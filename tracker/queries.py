"""Read queries for listings and exports: parameterised SQL on the DB-API connection.

Timelines and exports read many rows; ORM objects, and even SQLAlchemy's per-row result
processing, were most of their cost. The same statements run on sqlite3 and psycopg, so a cold
`tracker timeline` on a SQLite file needs no SQLAlchemy import at all (see tracker.cli), and
exports stream ready-made tuples to csv.writer. This module must stay cheap to import.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from tracker.errors import UnknownPersonError
from tracker.keys import person_key
from tracker.rules.triggers import EVENT_TYPES as EVENT_TYPES  # re-exported

DEFAULT_STATUSES = ("happened", "planned")
# The CLI's choices, here so that it can build its options without importing tracker.api;
# the event types are the trigger rules' own (a light data module).
STATUSES = ("happened", "planned", "negated", "hypothetical")
CHUNK = 1000
EXPORT_CHUNK = 2000
# Spreadsheet programs run cells that start with these as formulas (CSV injection);
# tracker.render.FORMULA_PREFIXES is the same set.
_FORMULA_FIRST = frozenset(("=", "+", "-", "@", "\t", "\r"))


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
    event_ids: tuple[int, ...] | None = None


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


def date_cell(start: dt.date, end: dt.date, granularity: str) -> str:
    if start == end:
        return f"{start.isoformat()} ({granularity})"
    return f"{start.isoformat()}..{end.isoformat()} ({granularity})"


class Reader:
    """A DB-API connection (sqlite3 or psycopg) and the few dialect differences that matter.

    Statements are written with `?` placeholders and no `%` or `?` literals, so psycopg gets
    them with `%s`. SQLite stores dates as ISO text; PostgreSQL returns date objects."""

    def __init__(self, conn: Any, dialect: str) -> None:
        self.conn = conn
        self.pg = dialect == "postgresql"

    @classmethod
    def of(cls, session: Any) -> Reader:
        """The connection under a SQLAlchemy session, in the session's transaction."""
        conn = session.connection()
        return cls(conn.connection.driver_connection, conn.dialect.name)

    def sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self.pg else statement

    def all(self, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.conn.cursor()
        try:
            cur.execute(self.sql(statement), tuple(params))
            return cur.fetchall()
        finally:
            cur.close()

    def stream(self, statement: str, params: Sequence[Any], size: int) -> Iterator[list[tuple]]:
        """Rows in batches; a server-side cursor on PostgreSQL, so memory stays flat."""
        if self.pg:
            cur = self.conn.cursor(name="tracker_stream")
            cur.itersize = size
        else:
            cur = self.conn.cursor()
        try:
            cur.execute(self.sql(statement), tuple(params))
            while batch := cur.fetchmany(size):
                yield batch
        finally:
            cur.close()

    def date_param(self, value: dt.date) -> Any:
        return value if self.pg else value.isoformat()

    def date(self, value: Any) -> dt.date:
        return value if self.pg else dt.date.fromisoformat(value)

    def iso(self, column: str) -> str:
        """A date column as ISO text in the result (what exports print)."""
        return f"to_char({column}, 'YYYY-MM-DD')" if self.pg else column


def marks(n: int) -> str:
    return ", ".join("?" * n)


# ----------------------------------------------------------------------------- people


def find_person(reader: Reader, name: str) -> tuple[int, str]:
    """(id, name) of a canonical name or alias, case-insensitively; ambiguity and misses list
    close names."""
    key = person_key(name)
    rows = reader.all("SELECT id, name FROM people WHERE key = ? LIMIT 1", (key,))
    if rows:
        return rows[0]
    matches = reader.all(
        "SELECT DISTINCT p.id, p.name FROM people p JOIN aliases al ON al.person_id = p.id "
        "WHERE al.key = ? AND al.kind = ?",
        (key, "name"),
    )
    if len(matches) == 1:
        return matches[0]
    if not matches and key and " " not in key:
        # A bare surname ("Witkoff") names the one person whose name ends with it.
        matches = reader.all(
            "SELECT id, name FROM people WHERE kind = ? AND key LIKE ? ESCAPE '\\'",
            ("person", f"% {like_escape(key)}"),
        )
        if len(matches) == 1:
            return matches[0]
    if len(matches) > 1:
        names = ", ".join(sorted(n for _id, n in matches))
        raise UnknownPersonError(f"{name!r} is ambiguous: {names}")
    known = [n for (n,) in reader.all("SELECT name FROM people WHERE kind = ?", ("person",))]
    close = difflib.get_close_matches(name, known, n=5, cutoff=0.5)
    if not close:
        lowered = name.casefold()
        close = [k for k in known if lowered in k.casefold()][:5]
    hint = f"; did you mean: {', '.join(close)}" if close else ""
    raise UnknownPersonError(f"no person named {name!r}{hint}")


def make_filter(
    reader: Reader, persons: Iterable[str] = (), with_persons: Iterable[str] = (), **kwargs: Any
) -> EventFilter:
    person_ids = tuple(find_person(reader, n)[0] for n in persons) or None
    with_ids = tuple(find_person(reader, n)[0] for n in with_persons)
    return EventFilter(person_ids=person_ids, with_ids=with_ids, **kwargs)


# ----------------------------------------------------------------------------- events


def _conditions(reader: Reader, flt: EventFilter) -> tuple[list[str], list[Any]]:
    """The filter's WHERE conditions on `events e` (persons excepted) and their parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if flt.event_ids is not None:
        conds.append(f"e.id IN ({marks(len(flt.event_ids))})" if flt.event_ids else "1 = 0")
        params.extend(flt.event_ids)
    if not flt.include_hidden:
        conds.append("e.hidden = ?")
        params.append(False)
    if flt.statuses is not None:
        conds.append(f"e.status IN ({marks(len(flt.statuses))})" if flt.statuses else "1 = 0")
        params.extend(flt.statuses)
    if flt.types:
        conds.append(f"e.event_type IN ({marks(len(flt.types))})")
        params.extend(t.upper() for t in flt.types)
    # Interval-aware: an event whose interval overlaps the range is in it.
    if flt.date_from is not None:
        conds.append("e.date_end >= ?")
        params.append(reader.date_param(flt.date_from))
    if flt.date_to is not None:
        conds.append("e.date_start <= ?")
        params.append(reader.date_param(flt.date_to))
    for other in flt.with_ids:
        conds.append(
            "EXISTS (SELECT 1 FROM participants w WHERE w.event_id = e.id AND w.person_id = ?)"
        )
        params.append(other)
    if flt.source:
        conds.append(
            "e.id IN (SELECT es.event_id FROM event_sources es WHERE es.article_id IN "
            "(SELECT a.id FROM articles a WHERE a.url = ? OR a.source_path = ? "
            "OR lower(a.title) LIKE ? ESCAPE '\\'))"
        )
        params += [flt.source, flt.source, f"%{like_escape(flt.source.casefold())}%"]
    return conds, params


_EVENT_COLUMNS = (
    "e.id, e.event_type, e.cameo, e.plover, e.status, e.date_start, e.date_end, "
    "e.granularity, e.date_text, e.date_source, e.summary, e.location"
)


def event_select(
    reader: Reader, flt: EventFilter, columns: str = _EVENT_COLUMNS
) -> tuple[str, list[Any]]:
    """The filtered, ordered events. A person filter starts from that person's participant
    rows (an index lookup), so a timeline never scans the whole events table."""
    params: list[Any] = []
    head = f"SELECT {columns} FROM events e"
    if flt.person_ids is not None:
        if len(flt.person_ids) > 1:
            head = head.replace("SELECT ", "SELECT DISTINCT ", 1)
        head += (
            " JOIN participants pa ON pa.event_id = e.id"
            f" AND pa.person_id IN ({marks(len(flt.person_ids))})"
        )
        params.extend(flt.person_ids)
    conds, more = _conditions(reader, flt)
    where = f" WHERE {' AND '.join(conds)}" if conds else ""
    return head + where + " ORDER BY e.date_start, e.date_end, e.id", params + more


def _participants(reader: Reader, ids: Sequence[int]) -> dict[int, list[tuple[int, str, str]]]:
    """Each event's (person id, name, kind), actor first, for one chunk of event ids."""
    actors: dict[int, list[tuple[int, str, str]]] = {}
    for event_id, person_id, name, kind in reader.all(
        "SELECT pa.event_id, p.id, p.name, p.kind FROM participants pa "
        f"JOIN people p ON p.id = pa.person_id WHERE pa.event_id IN ({marks(len(ids))}) "
        "ORDER BY pa.event_id, pa.position, p.name",
        ids,
    ):
        actors.setdefault(event_id, []).append((person_id, name, kind))
    return actors


def _attach(reader: Reader, views: list[EventView]) -> None:
    ids = [v.id for v in views]
    by_id = {v.id: v for v in views}
    for event_id, people in _participants(reader, ids).items():
        by_id[event_id].actors = people
    date = reader.date
    for row in reader.all(
        "SELECT s.event_id, s.date_start, s.date_end, s.granularity, s.date_text, "
        "s.date_source, s.sentence, s.trigger, a.title, a.url, a.published, s.person_ids "
        "FROM event_sources s JOIN articles a ON a.id = s.article_id "
        f"WHERE s.event_id IN ({marks(len(ids))}) ORDER BY s.event_id, a.published, s.id",
        ids,
    ):
        by_id[row[0]].sources.append(
            SourceView(date(row[1]), date(row[2]), *row[3:10], date(row[10]), row[11])
        )


def iter_events(reader: Reader, flt: EventFilter, chunk: int = CHUNK) -> Iterator[EventView]:
    """Stream the filtered events with their people and sources, chunk by chunk."""
    statement, params = event_select(reader, flt)
    date = reader.date
    for rows in reader.stream(statement, params, chunk):
        views = [
            EventView(r[0], r[1], r[2], r[3], r[4], date(r[5]), date(r[6]), *r[7:]) for r in rows
        ]
        _attach(reader, views)
        yield from views


_DISPLAY_COLUMNS = (
    "e.id, e.event_type, e.status, e.date_start, e.date_end, e.granularity, e.summary"
)


def _source_lists(reader: Reader, ids: Sequence[int]) -> dict[int, str]:
    """Each event's sources as the listings show them (URL, else title), oldest first."""
    lists: dict[int, list[str]] = {}
    for event_id, where in reader.all(
        "SELECT s.event_id, coalesce(nullif(a.url, ''), a.title) FROM event_sources s "
        f"JOIN articles a ON a.id = s.article_id WHERE s.event_id IN ({marks(len(ids))}) "
        "ORDER BY s.event_id, a.published, s.id",
        ids,
    ):
        lists.setdefault(event_id, []).append(where)
    return {event_id: "; ".join(items) for event_id, items in lists.items()}


def display_rows(
    reader: Reader,
    flt: EventFilter,
    people_column: str = "with",
    leave_out: str | None = None,
    chunk: int = CHUNK,
) -> list[dict[str, Any]]:
    """Listing rows (timeline, events) with only what they show: no evidence sentences or
    per-source dates are read, which keeps a 500-event timeline cheap."""
    statement, params = event_select(reader, flt, _DISPLAY_COLUMNS)
    date = reader.date
    out: list[dict[str, Any]] = []
    for rows in reader.stream(statement, params, chunk):
        ids = [r[0] for r in rows]
        actors = _participants(reader, ids)
        sources = _source_lists(reader, ids)
        for event_id, etype, status, start, end, granularity, summary in rows:
            names = [n for _p, n, _k in actors.get(event_id, ()) if n != leave_out]
            out.append(
                {
                    "id": event_id,
                    "date": date_cell(date(start), date(end), granularity),
                    "type": etype,
                    "status": status,
                    people_column: "; ".join(names),
                    "summary": summary,
                    "source": sources.get(event_id, ""),
                }
            )
    return out


def timeline(
    reader: Reader, name: str, with_persons: Iterable[str] = (), **filters: Any
) -> tuple[str, list[dict[str, Any]]]:
    """One person's events in chronological order, for display (tracker.api.timeline)."""
    person_id, person_name = find_person(reader, name)
    with_ids = tuple(find_person(reader, n)[0] for n in with_persons)
    flt = EventFilter(person_ids=(person_id,), with_ids=with_ids, **filters)
    return person_name, display_rows(reader, flt, "with", leave_out=person_name)


# ----------------------------------------------------------------------------- export


def _text(column: str, neutral: bool) -> str:
    """A text cell; with `neutral`, a formula-like value gets a leading ' in SQL (no per-row
    Python work for the common case)."""
    if not neutral:
        return column
    return (
        f"CASE WHEN substr({column}, 1, 1) IN ('=', '+', '-', '@', '\t', '\r') "
        f"THEN '''' || {column} ELSE {column} END"
    )


def export_select(reader: Reader, flt: EventFilter, neutral: bool) -> tuple[str, list[Any]]:
    """One row per event and source, in export column order (people, actors and sources are
    filled in Python), then the source's person_ids, the article's url-or-title, the source's
    id and the event's revision."""

    def t(column: str) -> str:
        return _text(column, neutral)

    iso = reader.iso
    columns = [
        "e.id", iso("s.date_start"), iso("s.date_end"), t("s.granularity"),
        t("coalesce(s.date_text, '')"), t("s.date_source"), t("e.event_type"),
        t("coalesce(e.cameo, '')"),
        t("e.summary"), t("coalesce(e.location, '')"), t("s.sentence"), t("a.title"),
        t("coalesce(a.url, '')"), iso("a.published"), t("e.status"),
        t("coalesce(e.plover, '')"), t("s.trigger"),
        iso("e.date_start"), iso("e.date_end"), t("e.granularity"),
        "s.person_ids", "coalesce(a.url, a.title)", "s.id", "e.rev",
    ]  # fmt: skip
    return _export_from(columns, *_export_conditions(reader, flt))


def _export_conditions(reader: Reader, flt: EventFilter) -> tuple[list[str], list[Any]]:
    conds, params = _conditions(reader, flt)
    if flt.person_ids is not None:
        conds.insert(
            0,
            "e.id IN (SELECT pa.event_id FROM participants pa "
            f"WHERE pa.person_id IN ({marks(len(flt.person_ids))}))",
        )
        params = [*flt.person_ids, *params]
    return conds, params


def _export_from(
    columns: list[str], conds: list[str], params: list[Any], join: str = ""
) -> tuple[str, list]:
    """The export's rows, one per event and source, in export order."""
    where = f" WHERE {' AND '.join(conds)}" if conds else ""
    statement = (
        f"SELECT {', '.join(columns)} FROM events e "
        f"JOIN event_sources s ON s.event_id = e.id JOIN articles a ON a.id = s.article_id{join}"
        f"{where} ORDER BY e.date_start, e.date_end, e.id, a.published, s.id"
    )
    return statement, params


def _guard(value: str, neutral: bool) -> str:
    return "'" + value if neutral and value[:1] in _FORMULA_FIRST else value


def _export_chunk(reader: Reader, rows: list[tuple], neutral: bool) -> list[tuple]:
    """Complete one chunk of rows (all sources of each event included) with people, actors
    and the event's source list: one participants query per chunk, work per event not row."""
    sources: dict[int, list[str]] = {}
    for row in rows:
        sources.setdefault(row[0], []).append(row[21])
    actors = _participants(reader, list(sources))
    per_event: dict[int, tuple[str, str, str, str]] = {}
    for event_id, urls in sources.items():
        people = actors.get(event_id, [])
        per_event[event_id] = (
            _guard("; ".join(n for _p, n, k in people if k == "person"), neutral),
            _guard("; ".join(n for _p, n, _k in people), neutral),
            _guard("; ".join(urls), neutral),
            json.dumps([p for p, _n, _k in people]),
        )
    out = []
    for row in rows:
        people, everyone, source_list, all_ids = per_event[row[0]]
        named = row[20]
        if named is not None and named != all_ids:
            # This article named only some of the merged event's people.
            ids = set(json.loads(named))
            chosen = [(n, k) for p, n, k in actors.get(row[0], []) if p in ids]
            people = _guard("; ".join(n for n, k in chosen if k == "person"), neutral)
            everyone = _guard("; ".join(n for n, _k in chosen), neutral)
        out.append(row[:8] + (people,) + row[8:17] + (everyone,) + row[17:20] + (source_list,))
    return out


def export_batches(
    reader: Reader, flt: EventFilter, neutral: bool = False, size: int = EXPORT_CHUNK
) -> Iterator[list[tuple]]:
    """Export rows as tuples in export column order, in batches, streamed in one query."""
    statement, params = export_select(reader, flt, neutral)
    carry: list[tuple] = []
    for batch in reader.stream(statement, params, size):
        rows = carry + batch if carry else batch
        # The last event's other sources may come in the next batch: hold its rows back.
        last, cut = rows[-1][0], len(rows) - 1
        while cut >= 0 and rows[cut][0] == last:
            cut -= 1
        carry = rows[cut + 1 :]
        if cut >= 0:
            yield _export_chunk(reader, rows[: cut + 1], neutral)
    if carry:
        yield _export_chunk(reader, carry, neutral)


def export_lines(reader: Reader, event_ids: Sequence[int]) -> list[tuple[int, int, str]]:
    """(source id, event revision, CSV line) of every source of these events, formula cells
    neutralised: what tracker.store caches and `export_line_chunks` falls back to."""
    from tracker.render import csv_text

    if not event_ids:
        return []
    ids = tuple(dict.fromkeys(event_ids))
    flt = EventFilter(statuses=None, include_hidden=True, event_ids=ids)
    statement, params = export_select(reader, flt, neutral=True)
    rows = reader.all(statement, params)
    out: list[tuple[int, int, str]] = []
    for row, line in zip(rows, _export_chunk(reader, rows, True), strict=True):
        out.append((row[22], row[23], csv_text((line,))))
    return out


def export_line_chunks(
    reader: Reader, flt: EventFilter, size: int = EXPORT_CHUNK * 5
) -> Iterator[tuple[str, int]]:
    """The neutral CSV export as (text, rows) chunks, in export order. A source's stored line
    is used while it was made at the event's current revision; other rows are rebuilt from
    the tables (`export_lines`), so a stale or missing line costs speed, never correctness."""
    statement, params = _export_from(
        ["e.id", "s.id", "CASE WHEN x.rev = e.rev THEN x.line END"],
        *_export_conditions(reader, flt),
        join=" LEFT JOIN export_lines x ON x.source_id = s.id",
    )
    for batch in reader.stream(statement, params, size):
        stale = [event_id for event_id, _source_id, line in batch if line is None]
        rebuilt = {}
        if stale:
            rebuilt = {source_id: line for source_id, _rev, line in export_lines(reader, stale)}
        text = "".join(
            line if line is not None else rebuilt[source_id]
            for _event_id, source_id, line in batch
        )
        yield text, len(batch)


class ExportRows:
    """Streamed export rows: iterating gives dicts (JSON, tests); `batches(neutral)` gives
    tuples in column order, which tracker.render writes to CSV without per-row dicts."""

    def __init__(
        self,
        columns: list[str],
        open_reader: Callable[[], AbstractContextManager[tuple[Reader, EventFilter]]],
    ) -> None:
        self.columns = columns
        self._open = open_reader

    def batches(self, neutral: bool = False) -> Iterator[list[tuple]]:
        with self._open() as (reader, flt):
            yield from export_batches(reader, flt, neutral)

    def csv_chunks(self) -> Iterator[tuple[str, int]]:
        """The neutral CSV rows as text chunks, from the stored export lines."""
        with self._open() as (reader, flt):
            yield from export_line_chunks(reader, flt)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        columns = self.columns
        for batch in self.batches():
            for row in batch:
                yield dict(zip(columns, row, strict=True))
