"""CLI behaviour through CliRunner: exact outputs, errors, idempotence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.api import EXPORT_COLUMNS
from tracker.cli import cli
from tracker.db import SCHEMA_HEAD

from .conftest import SEED

pytestmark = pytest.mark.db

REQUIRED_EXPORT_COLUMNS = [
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
]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: str | bytes | None = None):  # noqa: A002
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_export_columns_start_with_the_required_ones() -> None:
    assert EXPORT_COLUMNS[: len(REQUIRED_EXPORT_COLUMNS)] == REQUIRED_EXPORT_COLUMNS


def test_info_on_a_fresh_database(runner: CliRunner, temp_db: str) -> None:
    result = invoke(runner, "info")
    assert result.exit_code == 0
    backend = "postgresql" if "://" in temp_db else "sqlite"
    assert result.output.startswith(f"database: {backend}")
    assert f"revision: {SCHEMA_HEAD}" in result.output
    assert "articles: 0" in result.output


def test_db_current_and_upgrade(runner: CliRunner) -> None:
    assert invoke(runner, "db", "upgrade").exit_code == 0
    result = invoke(runner, "db", "current")
    assert result.output.strip() == f"{SCHEMA_HEAD} (head)"


def test_db_option_wins_over_environment(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    result = invoke(runner, "--db", str(other), "info")
    assert f"sqlite:///{other}" in result.output
    assert other.exists()


def test_missing_file_is_one_line_error(runner: CliRunner) -> None:
    result = invoke(runner, "add", "no/such/file.txt")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no/such/file.txt: no such file"


def test_no_publication_date_names_the_published_option(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nThe minister met his counterpart on Monday for long talks.\n")
    result = invoke(runner, "add", str(article))
    assert result.exit_code == 1
    assert "--published" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "articles: 0" in invoke(runner, "info").output


def test_malformed_published_is_refused(runner: CliRunner) -> None:
    result = invoke(runner, "add", str(SEED), "--published", "yesterday-ish")
    assert result.exit_code == 1
    assert "--published 'yesterday-ish' is not a date" in result.stderr


def test_empty_and_whitespace_files_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n\t \n")
    for name in ("empty.txt", "blank.txt"):
        result = invoke(runner, "add", str(tmp_path / name), "--published", "2025-04-03")
        assert result.exit_code == 1
        assert "empty article" in result.stderr


def test_url_option_needs_one_article(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["add", str(SEED), str(SEED), "--url", "https://x.org/a"])
    assert result.exit_code == 2


def test_timeline_unknown_person(runner: CliRunner) -> None:
    result = invoke(runner, "timeline", "Nobody Known")
    assert result.exit_code == 1
    assert "no person named 'Nobody Known'" in result.stderr


def test_export_of_empty_database_is_header_only(runner: CliRunner) -> None:
    result = invoke(runner, "export", "--format", "csv")
    assert result.exit_code == 0
    assert result.output.splitlines() == [",".join(EXPORT_COLUMNS)]


def test_version(runner: CliRunner) -> None:
    assert invoke(runner, "--version").output.startswith("tracker, version ")


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    for name, _command in cli.commands.items():
        if name == "db":
            continue
        result = invoke(runner, name, "--help")
        assert result.exit_code == 0
        assert "Example" in result.output, name


# ---------------------------------------------------------------- with the seed article


@pytest.fixture()
def seeded(runner: CliRunner) -> CliRunner:
    result = invoke(runner, "add", str(SEED))
    assert result.exit_code == 0, result.output
    return runner


def test_add_prints_a_summary_line(runner: CliRunner) -> None:
    result = invoke(runner, "add", str(SEED))
    assert result.output.startswith(
        "added: Putin Envoy Confirms Visit to U.S. for Talks With White House Officials "
        "(published 2025-04-03, "
    )


def test_re_adding_stores_nothing_new(seeded: CliRunner) -> None:
    before = invoke(seeded, "info").output
    result = invoke(seeded, "add", str(SEED))
    assert result.exit_code == 0
    assert result.output.startswith("already present:")
    assert invoke(seeded, "info").output == before


def test_same_text_from_stdin_is_already_present(seeded: CliRunner) -> None:
    result = invoke(seeded, "add", "-", input=SEED.read_bytes())
    assert result.output.startswith("already present:")


def test_timeline_by_alias_case_insensitive(seeded: CliRunner) -> None:
    full = invoke(seeded, "timeline", "Kirill Dmitriev").output
    assert full.startswith("Timeline for Kirill Dmitriev")
    assert invoke(seeded, "timeline", "dmitriev").output == full


def test_timeline_csv_has_export_columns(seeded: CliRunner) -> None:
    out = invoke(seeded, "timeline", "Kirill Dmitriev", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and list(rows[0]) == EXPORT_COLUMNS


def test_export_to_file_and_json(seeded: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = invoke(seeded, "export", "--format", "csv", "-o", str(target))
    assert result.exit_code == 0
    rows = list(csv.DictReader(target.open(newline="", encoding="utf-8")))
    assert rows and all(
        r["article_url"].startswith("https://www.themoscowtimes.com/") for r in rows
    )
    data = json.loads(invoke(seeded, "export", "--format", "json").stdout)
    assert len(data) == len(rows)


def test_sql_injection_in_names_is_data(seeded: CliRunner) -> None:
    result = invoke(seeded, "timeline", "x' OR 1=1 --")
    assert result.exit_code == 1
    assert "no person named" in result.stderr
    assert invoke(seeded, "timeline", "%").exit_code == 1


def test_show_prints_evidence(seeded: CliRunner) -> None:
    out = invoke(seeded, "show", "1").output
    assert "sentence [" in out and "source: Putin Envoy Confirms" in out
    assert invoke(seeded, "show", "9999").exit_code == 1


def test_people_and_articles_listings(seeded: CliRunner) -> None:
    people = invoke(seeded, "people", "--format", "json").stdout
    names = {p["name"] for p in json.loads(people)}
    assert {"Kirill Dmitriev", "Steve Witkoff"} <= names
    arts = json.loads(invoke(seeded, "articles", "--format", "json").stdout)
    assert arts[0]["published_source"] == "header"


def test_batch_feedback_without_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    """No progress bar when stderr is not a terminal; --quiet leaves errors and the summary."""
    good = tmp_path / "good.txt"
    good.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("")
    result = invoke(runner, "add", str(good), str(bad))
    assert result.exit_code == 1
    assert "adding" not in result.stderr and "%" not in result.stderr
    assert result.stdout.splitlines()[-1] == "1 added, 0 already present, 1 failed"
    quiet = invoke(runner, "add", "--quiet", str(good), str(bad))
    assert quiet.stdout == ""
    assert quiet.stderr.splitlines() == [
        f"error: {bad}: empty article (no text)",
        "0 added, 1 already present, 1 failed",
    ]


def test_export_writes_exactly_the_given_path(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out" / "x.csv"
    target.parent.mkdir()
    assert invoke(runner, "export", "-o", str(target)).exit_code == 0
    assert [p.name for p in target.parent.iterdir()] == ["x.csv"]
