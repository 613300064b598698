"""The same event in two articles becomes one event with two sources; precision narrows it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

pytestmark = pytest.mark.db

PRECISE = (
    "Envoy meets minister in Rome\n\n"
    "U.S. special envoy Harold Brenner met Italian Foreign Minister Giulia Santoro in Rome on "
    "Wednesday for talks on the grain corridor, the ministry said.\n\n"
    "Santoro told reporters on Thursday that the meeting had been useful.\n"
)
VAGUE = (
    "Grain corridor diplomacy intensifies\n\n"
    "Harold Brenner met Giulia Santoro in Rome last week as Washington pressed its allies on "
    "the grain corridor, according to officials familiar with the talks.\n\n"
    "Analysts said the corridor remained fragile.\n"
)


def add(runner: CliRunner, tmp_path: Path, name: str, text: str, published: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    url = f"https://example.org/{name}"
    result = runner.invoke(cli, ["add", str(path), "--published", published, "--url", url])
    assert result.exit_code == 0, result.output + result.stderr


def meetings(runner: CliRunner) -> list[dict[str, str]]:
    out = runner.invoke(cli, ["timeline", "Harold Brenner", "--type", "MEET", "--format", "csv"])
    return list(csv.DictReader(io.StringIO(out.stdout)))


@pytest.mark.parametrize("precise_first", [True, False])
def test_two_reports_one_event(tmp_path: Path, precise_first: bool) -> None:
    runner = CliRunner()
    # Thursday 2025-06-12 reports Wednesday 06-11; Tuesday 06-17 says "last week".
    steps = [("precise.txt", PRECISE, "2025-06-12"), ("vague.txt", VAGUE, "2025-06-17")]
    for name, text, published in steps if precise_first else reversed(steps):
        add(runner, tmp_path, name, text, published)
    rows = meetings(runner)
    assert len({r["event_id"] for r in rows}) == 1, rows
    assert {r["article_url"] for r in rows} == {
        "https://example.org/precise.txt",
        "https://example.org/vague.txt",
    }
    by_url = {r["article_url"]: r for r in rows}
    # Each source keeps what it said; the event is narrowed to the day.
    assert by_url["https://example.org/vague.txt"]["granularity"] == "week"
    assert by_url["https://example.org/vague.txt"]["date_start"] == "2025-06-09"
    for row in rows:
        assert (row["event_date_start"], row["event_date_end"]) == ("2025-06-11", "2025-06-11")
        assert row["event_granularity"] == "day"
    table = runner.invoke(cli, ["timeline", "Brenner", "--type", "MEET", "--format", "json"])
    data = json.loads(table.stdout)
    assert len({d["event_id"] for d in data}) == 1
    # Re-adding either article changes nothing.
    add(runner, tmp_path, "precise.txt", PRECISE, "2025-06-12")
    assert meetings(runner) == rows


def test_each_source_row_lists_only_the_people_its_article_named(tmp_path: Path) -> None:
    runner = CliRunner()
    precise = PRECISE.replace(
        "Giulia Santoro in Rome", "Giulia Santoro and Deputy Minister Marco Ferri in Rome"
    )
    add(runner, tmp_path, "precise.txt", precise, "2025-06-12")
    add(runner, tmp_path, "vague.txt", VAGUE, "2025-06-17")
    rows = meetings(runner)
    assert len({r["event_id"] for r in rows}) == 1, rows
    by_url = {r["article_url"]: r for r in rows}
    assert "Marco Ferri" in by_url["https://example.org/precise.txt"]["people"]
    assert "Marco Ferri" not in by_url["https://example.org/vague.txt"]["people"]
    out = runner.invoke(cli, ["timeline", "Marco Ferri", "--type", "MEET", "--format", "json"])
    sources = {r["sources"] for r in json.loads(out.stdout)}
    assert sources == {"https://example.org/precise.txt; https://example.org/vague.txt"}
