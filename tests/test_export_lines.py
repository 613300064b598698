"""Stored CSV export lines (migration 0004): the fast export is byte-for-byte the export built
from the tables, after every kind of write, and a stale line is never written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tracker import api
from tracker.cli import cli
from tracker.db import open_database
from tracker.render import render

from .conftest import SEED
from .test_merge import PRECISE, VAGUE, add

pytestmark = pytest.mark.db


class _FromTables:
    """The same export rows without their stored lines: the reference CSV."""

    def __init__(self, rows: object) -> None:
        self.columns = rows.columns  # type: ignore[attr-defined]
        self.batches = rows.batches  # type: ignore[attr-defined]


def _both(db_url: str) -> tuple[str, str]:
    db = open_database(db_url)
    fast, reference = io.StringIO(), io.StringIO()
    rows = api.export_rows(db, statuses=None)
    assert hasattr(rows, "csv_chunks")
    n_fast = render(rows, api.EXPORT_COLUMNS, fast, fmt="csv")
    n_ref = render(_FromTables(rows), api.EXPORT_COLUMNS, reference, fmt="csv")
    assert n_fast == n_ref
    return fast.getvalue(), reference.getvalue()


def _stale(db_url: str) -> int:
    db = open_database(db_url)
    with db.session() as session:
        return session.execute(
            text(
                "SELECT count(*) FROM event_sources s JOIN events e ON e.id = s.event_id "
                "LEFT JOIN export_lines x ON x.source_id = s.id "
                "WHERE x.rev IS NULL OR x.rev <> e.rev"
            )
        ).scalar_one()


def _sql(db_url: str, statement: str) -> None:
    db = open_database(db_url)
    with db.session() as session:
        session.execute(text(statement))


def test_lines_are_stored_and_match_the_tables(tmp_path: Path, temp_db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["add", str(SEED)])
    assert result.exit_code == 0, result.output
    add(runner, tmp_path, "precise.txt", PRECISE, "2025-06-12")
    assert _stale(temp_db) == 0
    fast, reference = _both(temp_db)
    assert fast == reference
    assert "Kirill Dmitriev" in fast and fast.count("\r\n") > 5


def test_a_second_report_refreshes_the_first_reports_lines(tmp_path: Path, temp_db: str) -> None:
    runner = CliRunner()
    add(runner, tmp_path, "precise.txt", PRECISE, "2025-06-12")
    before, _ = _both(temp_db)
    add(runner, tmp_path, "vague.txt", VAGUE, "2025-06-17")  # merges: narrows, adds a source
    assert _stale(temp_db) == 0
    fast, reference = _both(temp_db)
    assert fast == reference != before
    assert "https://example.org/precise.txt; https://example.org/vague.txt" in fast


def test_corrections_and_merges_keep_lines_current(tmp_path: Path, temp_db: str) -> None:
    runner = CliRunner()
    add(runner, tmp_path, "precise.txt", PRECISE, "2025-06-12")
    db = open_database(temp_db)
    event_id = next(iter(api.export_rows(db, statuses=None)))["event_id"]
    api.edit_event(db, int(event_id), date="2025-06-10", event_type="CALL")
    assert _stale(temp_db) == 0
    fast, reference = _both(temp_db)
    assert fast == reference and "CALL" in fast and "2025-06-10" in fast
    api.merge_people(db, "Harold Brenner", "Giulia Santoro")
    assert _stale(temp_db) == 0
    fast, reference = _both(temp_db)
    assert fast == reference and "Giulia Santoro;" not in fast


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE people SET name = 'Harold X. Brenner' WHERE name = 'Harold Brenner'",
        "UPDATE events SET summary = 'rewritten'",
        "UPDATE articles SET title = 'Retitled'",
        "UPDATE event_sources SET sentence = 'Changed.'",
        "DELETE FROM participants WHERE person_id IN "
        "(SELECT id FROM people WHERE name = 'Giulia Santoro')",
    ],
)
def test_any_change_outside_tracker_makes_lines_stale_not_wrong(
    tmp_path: Path, temp_db: str, statement: str
) -> None:
    """Triggers bump the event's revision: a line made before the change is not used."""
    runner = CliRunner()
    add(runner, tmp_path, "precise.txt", PRECISE, "2025-06-12")
    before, _ = _both(temp_db)
    _sql(temp_db, statement)
    assert _stale(temp_db) > 0
    fast, reference = _both(temp_db)
    assert fast == reference != before


def test_raw_export_and_filters_use_the_tables(tmp_path: Path, temp_db: str) -> None:
    runner = CliRunner()
    add(runner, tmp_path, "precise.txt", PRECISE, "2025-06-12")
    add(runner, tmp_path, "vague.txt", VAGUE, "2025-06-17")
    out = runner.invoke(cli, ["export", "--format", "csv", "--person", "Giulia Santoro"])
    assert out.exit_code == 0, out.output
    db = open_database(temp_db)
    reference = io.StringIO()
    rows = api.export_rows(db, ["Giulia Santoro"], statuses=None)
    render(_FromTables(rows), api.EXPORT_COLUMNS, reference, fmt="csv")
    assert out.stdout.replace("\r\n", "\n") == reference.getvalue().replace("\r\n", "\n")
    raw = runner.invoke(cli, ["export", "--format", "csv", "--raw"])
    assert raw.exit_code == 0 and raw.stdout.count("Santoro") >= 2
