"""Analyst corrections stick: event edits are recorded and survive re-adding the article;
people merges and aliases are respected by later ingests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

from .conftest import SEED

pytestmark = pytest.mark.db


@pytest.fixture()
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TRACKER_EDITOR", "analyst-1")
    runner = CliRunner()
    assert runner.invoke(cli, ["add", str(SEED)]).exit_code == 0
    return runner


def invite_id(runner: CliRunner) -> int:
    out = runner.invoke(cli, ["timeline", "Steve Witkoff", "--format", "json"]).stdout
    rows = [r for r in json.loads(out) if r["event_type"] == "INVITE"]
    return int(rows[0]["event_id"])


def test_edit_date_type_status_and_people_is_recorded(runner: CliRunner) -> None:
    eid = invite_id(runner)
    result = runner.invoke(
        cli,
        [
            "event",
            "edit",
            str(eid),
            "--date",
            "2025-03-26",
            "--type",
            "meet",
            "--status",
            "planned",
            "--remove-person",
            "Steve Witkoff",
        ],
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert f"event {eid}: date: 2025-03-24..2025-03-30 (week) -> 2025-03-26 (day)" in result.output
    history = json.loads(
        runner.invoke(cli, ["event", "history", str(eid), "--format", "json"]).stdout
    )
    assert [h["field"] for h in history] == ["date", "event_type", "status", "remove_person"]
    assert {h["editor"] for h in history} == {"analyst-1"}
    assert history[1]["old"] == "INVITE" and history[1]["new"] == "MEET"
    rows = json.loads(runner.invoke(cli, ["events", "--format", "json"]).stdout)
    edited = [r for r in rows if r["event_id"] == eid][0]
    assert (edited["event_date_start"], edited["event_granularity"]) == ("2025-03-26", "day")
    assert edited["event_type"] == "MEET" and edited["status"] == "planned"
    assert "Steve Witkoff" not in edited["people"]
    # Re-adding the article does not undo the correction.
    runner.invoke(cli, ["add", str(SEED)])
    again = json.loads(runner.invoke(cli, ["events", "--format", "json"]).stdout)
    assert [r for r in again if r["event_id"] == eid][0] == edited


def test_hide_and_undo(runner: CliRunner) -> None:
    eid = invite_id(runner)
    assert runner.invoke(cli, ["event", "hide", str(eid)]).exit_code == 0
    out = runner.invoke(cli, ["export", "--format", "csv"]).stdout
    assert str(eid) not in {r["event_id"] for r in csv.DictReader(io.StringIO(out))}
    assert runner.invoke(cli, ["timeline", "Steve Witkoff"]).stderr.strip() == (
        "Steve Witkoff: no events"
    )
    assert runner.invoke(cli, ["event", "hide", str(eid), "--undo"]).exit_code == 0
    assert "INVITE" in runner.invoke(cli, ["timeline", "Steve Witkoff"]).output


def test_bad_edits_are_refused(runner: CliRunner) -> None:
    eid = invite_id(runner)
    bad_date = runner.invoke(cli, ["event", "edit", str(eid), "--date", "next tuesday"])
    assert bad_date.exit_code == 1 and "is not a date" in bad_date.stderr
    assert runner.invoke(cli, ["event", "edit", str(eid)]).exit_code == 2
    assert runner.invoke(cli, ["event", "edit", "99999", "--status", "planned"]).exit_code == 1


def test_people_alias_and_merge_are_respected_later(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["people", "alias", "Kirill Dmitriev", "K. A. Dmitriev"])
    assert result.exit_code == 0
    assert runner.invoke(cli, ["timeline", "k. a. dmitriev"]).output.startswith(
        "Timeline for Kirill Dmitriev"
    )
    later = tmp_path / "later.txt"
    later.write_text(
        "Fund chief visits\n\nRDIF chief Kirill A. Dmitriev met U.S. envoy Steve Witkoff in "
        "Miami on Monday for talks on economic cooperation, the fund said.\n",
        encoding="utf-8",
    )
    assert runner.invoke(cli, ["add", str(later), "--published", "2025-04-10"]).exit_code == 0
    names = {
        p["name"] for p in json.loads(runner.invoke(cli, ["people", "--format", "json"]).stdout)
    }
    if "Kirill A. Dmitriev" in names:
        merged = runner.invoke(cli, ["people", "merge", "Kirill Dmitriev", "Kirill A. Dmitriev"])
        assert merged.exit_code == 0, merged.stderr
        names = {
            p["name"] for p in json.loads(runner.invoke(cli, ["people", "--format", "json"]).stdout)
        }
    assert "Kirill A. Dmitriev" not in names
    people = json.loads(runner.invoke(cli, ["people", "--format", "json"]).stdout)
    dmitriev = [p for p in people if p["name"] == "Kirill Dmitriev"][0]
    assert "Kirill A. Dmitriev" in dmitriev["aliases"] or dmitriev["events"] >= 9
    # A third article naming the merged form goes to the same person.
    third = tmp_path / "third.txt"
    third.write_text(
        "Talks continue\n\nKirill A. Dmitriev met Steve Witkoff again in Washington on "
        "Tuesday, officials said.\n",
        encoding="utf-8",
    )
    assert runner.invoke(cli, ["add", str(third), "--published", "2025-04-16"]).exit_code == 0
    names = {
        p["name"] for p in json.loads(runner.invoke(cli, ["people", "--format", "json"]).stdout)
    }
    assert "Kirill A. Dmitriev" not in names


def test_merge_errors(runner: CliRunner) -> None:
    same = runner.invoke(cli, ["people", "merge", "Kirill Dmitriev", "Dmitriev"])
    assert same.exit_code == 1 and "already the same person" in same.stderr
    assert runner.invoke(cli, ["people", "merge", "Kirill Dmitriev", "Nobody"]).exit_code == 1
