"""Bad input never corrupts the store: one-line error, non-zero exit, nothing half-written."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.ingest import DEFAULT_MAX_BYTES

from .conftest import SEED

pytestmark = pytest.mark.db

GOOD = (
    "Ministers meet in Geneva\n\n"
    "Foreign Minister Anna Keller met her counterpart Paolo Rinaldi in Geneva on Monday for "
    "talks on the border dispute, officials said.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def stored(runner: CliRunner) -> str:
    """The seed stored first: every bad input below must leave it exactly as it was."""
    result = runner.invoke(cli, ["add", str(SEED)])
    assert result.exit_code == 0, result.output
    return runner.invoke(cli, ["export", "--format", "json"]).stdout


def assert_refused(result: Result, runner: CliRunner, before: str, fragment: str) -> None:
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert runner.invoke(cli, ["export", "--format", "json"]).stdout == before
    info = runner.invoke(cli, ["info"]).output
    assert "articles: 1" in info


def add(runner: CliRunner, path: Path, *extra: str) -> Result:
    return runner.invoke(cli, ["add", str(path), *extra])


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("empty.txt", b"", "empty article"),
        ("blank.txt", b"   \n\n\t\n  ", "empty article"),
        ("nul.txt", b"Talks began\x00\x00 on Monday", "NUL bytes"),
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        ("img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        ("bad.txt", "Talks “began” on Monday".encode()[:-9] + b"\xe2\x80 x \xc3", "invalid UTF-8"),
        (
            "nobody.html",
            b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
            "no article body",
        ),
    ],
)
def test_bad_files_are_refused(
    runner: CliRunner, stored: str, tmp_path: Path, name: str, data: bytes, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert_refused(add(runner, path, "--published", "2025-04-03"), runner, stored, fragment)


def test_too_large_file_is_refused_and_a_smaller_one_accepted(
    runner: CliRunner, stored: str, tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    assert_refused(add(runner, big, "--published", "2025-04-03"), runner, stored, "--max-bytes")
    small = tmp_path / "small.txt"
    small.write_text(GOOD)
    assert small.stat().st_size < DEFAULT_MAX_BYTES
    assert add(runner, small, "--published", "2025-04-03").exit_code == 0


def test_max_bytes_option_lowers_the_limit(runner: CliRunner, stored: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    result = add(runner, path, "--published", "2025-04-03", "--max-bytes", "100")
    assert_refused(result, runner, stored, "more than --max-bytes 100")


def test_missing_publication_date(runner: CliRunner, stored: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    assert_refused(add(runner, path), runner, stored, "give it with --published")


def test_malformed_published(runner: CliRunner, stored: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    assert_refused(add(runner, path, "--published", "2025-13-45"), runner, stored, "not a date")


def test_publication_before_1900_is_refused(runner: CliRunner, stored: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    result = add(runner, path, "--published", "1850-01-01")
    assert_refused(result, runner, stored, "before 1900")


def test_publication_in_the_future_is_stored_with_a_warning(
    runner: CliRunner, stored: str, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    future = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    result = add(runner, path, "--published", future)
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "in the future" in result.stderr


def test_directory_of_mixed_files(runner: CliRunner, stored: str, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    (folder / "good1.txt").write_text(GOOD)
    (folder / "sub" / "good2.txt").write_text(GOOD.replace("Monday", "Tuesday"))
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "ignored.json").write_text("{}")
    result = runner.invoke(cli, ["add", str(folder), "--published", "2025-04-03"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert "2 added, 0 already present, 2 failed" in result.output + result.stderr
    assert "articles: 3" in runner.invoke(cli, ["info"]).output


def test_path_that_does_not_exist(runner: CliRunner, stored: str, tmp_path: Path) -> None:
    assert_refused(add(runner, tmp_path / "nope.txt"), runner, stored, "no such file")


def test_unreadable_file(
    runner: CliRunner, stored: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate what the kernel would refuse

        def refuse(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", refuse)
    result = add(runner, path, "--published", "2025-04-03")
    path.chmod(0o644)
    assert_refused(result, runner, stored, "permission denied")
