"""The raw DB-API read path: exports equal the per-event reference, the CLI's light path."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import insert, text

from tracker import api, queries
from tracker.cli import cli
from tracker.db import SCHEMA_HEAD, open_database, read_connection
from tracker.models import Alias, Article, Event, EventSource, Participant, Person
from tracker.render import neutralise, render, render_to_string

REPO = Path(__file__).resolve().parent.parent
D = dt.date(2025, 4, 2)


def _event(i: int, day: dt.date, **over: Any) -> dict[str, Any]:
    row = {
        "id": i, "event_type": "MEET", "cameo": "040", "plover": "CONSULT",
        "status": "happened", "date_start": day, "date_end": day, "granularity": "day",
        "date_text": "on Wednesday", "date_source": "text", "summary": f"Event {i}",
        "location": None, "hidden": False,
    }  # fmt: skip
    return {**row, **over}


def _source(i: int, event: int, article: int, person_ids: list[int] | None, **over: Any) -> dict:
    row = {
        "id": i, "event_id": event, "article_id": article, "key": f"k{i}",
        "sentence": f"Sentence {i}.", "sentence_start": 0, "sentence_end": 10,
        "trigger": "met", "trigger_start": 0, "trigger_end": 3, "date_text": "Wednesday",
        "date_char_start": 4, "date_char_end": 13, "date_start": D, "date_end": D,
        "granularity": "day", "date_source": "text", "timex_value": "2025-04-02",
        "person_ids": None if person_ids is None else json.dumps(person_ids),
    }  # fmt: skip
    return {**row, **over}


@pytest.fixture()
def filled(temp_db: str) -> Any:
    """Merged events whose sources name different people, formula-like text everywhere,
    NULL columns, hidden and negated events."""
    db = open_database(temp_db)
    people = [
        {"id": 1, "key": "anna alpha", "name": "Anna Alpha", "kind": "person"},
        {"id": 2, "key": "bob formula", "name": "=Bob Formula", "kind": "person"},
        {"id": 3, "key": "org", "name": "+Org", "kind": "org"},
        {"id": 4, "key": "carl charlie", "name": "Carl Charlie", "kind": "person"},
    ]
    articles = [
        {"id": 1, "url": "https://a.test/1", "content_hash": "h1", "title": "One",
         "published": D, "published_source": "flag", "source_path": None, "text": "x"},
        {"id": 2, "url": None, "content_hash": "h2", "title": "-Minus title",
         "published": D - dt.timedelta(days=1), "published_source": "flag",
         "source_path": None, "text": "y"},
    ]  # fmt: skip
    events = [
        _event(1, D, summary="@sum", date_text="=1+1", location="\tTab"),
        _event(2, D, cameo=None, plover=None),
        _event(3, D - dt.timedelta(days=3), date_end=D + dt.timedelta(days=3), granularity="week"),
        _event(4, D, hidden=True),
        _event(5, D, status="negated"),
    ]
    sources = [
        _source(1, 1, 1, [1, 3], sentence="-starts with minus"),
        _source(2, 1, 2, None),
        _source(3, 2, 1, [1, 2]),
        _source(4, 2, 2, [4, 1], trigger="+plus"),
        _source(5, 3, 1, [1, 2, 3, 4]),
        _source(6, 4, 1, [1]),
        _source(7, 5, 2, []),
    ]
    parts = [
        {"event_id": e, "person_id": p, "role": "actor" if k == 0 else "counterpart",
         "title": None, "position": k}
        for e, pids in ((1, [1, 2, 3]), (2, [1, 2, 4]), (3, [4, 3, 1, 2]), (4, [1]), (5, [2, 1]))
        for k, p in enumerate(pids)
    ]  # fmt: skip
    aliases = [{"person_id": 1, "alias": "A. Alpha", "key": "a alpha", "kind": "name"}]
    with db.engine.begin() as conn:
        for model, rows in (
            (Person, people),
            (Alias, aliases),
            (Article, articles),
            (Event, events),
            (EventSource, sources),
            (Participant, parts),
        ):
            conn.execute(insert(model.__table__), rows)
        if conn.dialect.name == "postgresql":
            for table in ("people", "aliases", "articles", "events", "event_sources"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
    yield db
    db.dispose()


def reference_rows(db: Any, persons: tuple[str, ...] = (), **filters: Any) -> list[dict]:
    """The export as it was computed before the raw path: per event, per source, in Python."""
    filters.setdefault("statuses", None)
    out = []
    with db.session() as session:
        flt = api.resolve_filter(session, persons, (), **filters)
        for ev in queries.iter_events(queries.Reader.of(session), flt):
            for src in ev.sources:
                out.append(
                    {
                        "event_id": ev.id,
                        "date_start": src.date_start.isoformat(),
                        "date_end": src.date_end.isoformat(),
                        "granularity": src.granularity,
                        "date_text": src.date_text or "",
                        "date_source": src.date_source,
                        "event_type": ev.event_type,
                        "cameo": ev.cameo or "",
                        "people": "; ".join(ev.names("person", src)),
                        "summary": ev.summary,
                        "location": ev.location or "",
                        "evidence": src.sentence,
                        "article_title": src.article_title,
                        "article_url": src.article_url or "",
                        "published": src.published.isoformat(),
                        "status": ev.status,
                        "plover": ev.plover or "",
                        "trigger": src.trigger,
                        "actors": "; ".join(ev.names(None, src)),
                        "event_date_start": ev.date_start.isoformat(),
                        "event_date_end": ev.date_end.isoformat(),
                        "event_granularity": ev.granularity,
                        "sources": ev.source_list(),
                    }
                )
    return out


@pytest.mark.db
@pytest.mark.parametrize("persons", [(), ("Anna Alpha",), ("Carl Charlie", "Bob Formula")])
def test_export_rows_equal_the_per_event_reference(filled: Any, persons: tuple[str, ...]) -> None:
    got = list(api.export_rows(filled, persons))
    assert got == reference_rows(filled, persons)
    if not persons:
        assert len(got) == 6  # every source of the visible events, the hidden one left out
        first = got[0]  # event 3 (the week) comes first, then 1's sources by publication
        assert first["people"] == "Carl Charlie; Anna Alpha; =Bob Formula"
        assert first["actors"] == "Carl Charlie; +Org; Anna Alpha; =Bob Formula"
        row = next(r for r in got if r["evidence"] == "-starts with minus")
        assert (row["people"], row["actors"]) == ("Anna Alpha", "Anna Alpha; +Org")
        assert row["sources"] == "-Minus title; https://a.test/1"


@pytest.mark.db
@pytest.mark.parametrize("raw", [False, True])
def test_csv_fast_path_equals_the_generic_csv_writer(filled: Any, raw: bool) -> None:
    """Neutralised in SQL (fast path) == neutralised per cell in Python (generic path)."""
    reference = reference_rows(filled)
    fast = render_to_string(api.export_rows(filled), api.EXPORT_COLUMNS, fmt="csv", raw=raw)
    generic = render_to_string(reference, api.EXPORT_COLUMNS, fmt="csv", raw=raw)
    assert fast == generic
    cells = [c for row in csv.reader(io.StringIO(fast, newline="")) for c in row]
    if raw:
        assert "=Bob Formula" in " ".join(cells) and "@sum" in cells
    else:
        assert "@sum" not in cells and "'@sum" in cells and "'\tTab" in cells
        assert all(neutralise(c) == c for c in cells)


@pytest.mark.db
def test_an_event_split_across_fetch_batches_keeps_all_its_sources(filled: Any) -> None:
    flt = queries.EventFilter(statuses=None)
    with filled.session() as session:
        reader = queries.Reader.of(session)
        whole = [r for b in queries.export_batches(reader, flt, size=2000) for r in b]
        one_by_one = [r for b in queries.export_batches(reader, flt, size=1) for r in b]
    assert one_by_one == whole
    assert [r[-1] for r in whole if r[0] == 1] == ["-Minus title; https://a.test/1"] * 2


@pytest.mark.db
def test_timeline_and_filters_on_the_raw_path(filled: Any) -> None:
    name, rows = api.timeline(filled, "a alpha")  # an alias
    assert name == "Anna Alpha"
    assert [r["id"] for r in rows] == [3, 1, 2]  # the negated and the hidden event left out
    assert rows[1]["with"] == "=Bob Formula; +Org"
    _name, rows = api.timeline(filled, "Alpha", ["Carl Charlie"], statuses=None)
    assert [r["id"] for r in rows] == [3, 2]
    listed = api.list_events(filled, date_from=D, date_to=D, types=("meet",), statuses=())
    assert listed == []
    listed = api.list_events(filled, source="minus", statuses=None)
    assert [r["id"] for r in listed] == [1, 2, 5]
    with pytest.raises(api.UnknownPersonError, match="did you mean: Anna Alpha"):
        api.timeline(filled, "Anna Alpah")


def test_cli_choices_are_the_extractors_vocabularies() -> None:
    from tracker.rules.status import EXAMPLES
    from tracker.rules.triggers import EVENT_TYPES as EXTRACTED_TYPES

    assert tuple(queries.EVENT_TYPES) == tuple(EXTRACTED_TYPES)
    assert set(queries.STATUSES) == {status for _s, _w, status in EXAMPLES}
    assert set(queries.DEFAULT_STATUSES) <= set(queries.STATUSES)


def test_read_connection_only_for_a_current_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    assert read_connection(str(path)) is None  # missing: the full path creates it
    db = open_database(str(path))
    conn = read_connection(str(path))
    assert conn is not None
    conn.close()
    conn = read_connection(f"sqlite:///{path}")
    assert conn is not None
    conn.close()
    assert read_connection("postgresql+psycopg://u@h/db") is None
    with db.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert SCHEMA_HEAD != "0001" and read_connection(str(path)) is None
    (tmp_path / "bad.db").write_bytes(b"not a database" * 200)
    assert read_connection(str(tmp_path / "bad.db")) is None


def test_cold_timeline_does_not_import_sqlalchemy(filled: Any, temp_db: str) -> None:
    probe = (
        "import sys; from tracker.cli import cli\n"
        "try:\n    cli(['timeline', 'Anna Alpha'], prog_name='tracker')\n"
        "except SystemExit:\n    pass\n"
        "print('LOADED' if 'sqlalchemy' in sys.modules else 'LIGHT')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    ).stdout
    assert "Timeline for Anna Alpha" in out and out.strip().endswith("LIGHT")


def test_cli_timeline_falls_back_when_the_light_path_cannot_read(filled: Any) -> None:
    """An old schema revision: the full path migrates; the output is the same."""
    runner = CliRunner()
    before = runner.invoke(cli, ["timeline", "Anna Alpha"])
    from tracker.db import downgrade

    downgrade(filled.engine, "0002")
    after = runner.invoke(cli, ["timeline", "Anna Alpha"])
    assert before.exit_code == after.exit_code == 0, after.output
    assert "Timeline for Anna Alpha" in after.output


def test_csv_render_of_plain_dicts_is_unchanged() -> None:
    buf = io.StringIO()
    assert render([{"a": "=1", "b": 2}], ["a", "b"], buf, fmt="csv") == 1
    assert buf.getvalue() == "a,b\r\n'=1,2\r\n"
