"""Golden file: the seed article's events, exactly (regenerate deliberately, never blindly:
`TRACKER_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`)."""

from __future__ import annotations

import csv
import io
import os

import pytest
from click.testing import CliRunner

from tracker.cli import cli

from .conftest import REPO, SEED

GOLDEN = REPO / "tests" / "golden" / "seed_events.csv"
COLUMNS = [
    "date_start",
    "date_end",
    "granularity",
    "date_text",
    "date_source",
    "event_type",
    "status",
    "people",
]


def test_seed_events_match_the_golden_file() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["add", str(SEED)]).exit_code == 0
    out = runner.invoke(cli, ["export", "--format", "csv"]).stdout
    rows = [[r[c] for c in COLUMNS] for r in csv.DictReader(io.StringIO(out))]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    if os.environ.get("TRACKER_UPDATE_GOLDEN"):
        GOLDEN.write_text(buf.getvalue(), encoding="utf-8")
    assert buf.getvalue() == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (
            "Kirill Dmitriev",
            {
                ("2025-03-24", "2025-03-30", "week", "INVITE"),
                ("2025-04-02", "2025-04-02", "day", "MEET"),
                ("2025-04-03", "2025-04-03", "day", "MEET"),
                ("2025-04-03", "2025-04-03", "day", "STATEMENT"),
            },
        ),
        ("Steve Witkoff", {("2025-03-24", "2025-03-30", "week", "INVITE")}),
    ],
)
def test_seed_timeline_has_the_founding_rows(person: str, expected: set[tuple[str, ...]]) -> None:
    """The brief's timeline, in order; and nobody gets February 2022."""
    runner = CliRunner()
    assert runner.invoke(cli, ["add", str(SEED)]).exit_code == 0
    out = runner.invoke(cli, ["timeline", person, "--format", "csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    got = [(r["date_start"], r["date_end"], r["granularity"], r["event_type"]) for r in rows]
    assert expected <= set(got)
    assert got == sorted(got, key=lambda g: (g[0], g[1]))
    everyone = runner.invoke(cli, ["export", "--format", "csv"]).stdout
    assert "2022" not in {r["date_start"][:4] for r in csv.DictReader(io.StringIO(everyone))}
    assert "Related article" not in everyone
