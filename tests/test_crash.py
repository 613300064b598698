"""Crash safety and database faults (issue 7), on SQLite.

* kill -9: a `tracker add` of 200 small articles is killed three times at different points,
  then `PRAGMA integrity_check` and `foreign_key_check` are clean, every stored article is
  complete (it has exactly the event sources a clean ingest gives it, and every event has its
  participants and sources), and running the same command again stores the rest: the final
  database equals a clean sequential ingest of the same files.
* Database not writable: tests run as root, and root ignores file permissions, so the
  database is made unwritable with what root cannot override: a read-only bind mount of its
  directory (read-only media) and the immutable attribute on the file (`chattr +i`, what a
  read-only file is for root). Each needs CAP_SYS_ADMIN / CAP_LINUX_IMMUTABLE and skips
  without it; as a non-root user the file case uses chmod 0444 instead.
* Disk full: `PRAGMA max_page_count` caps the file at its current size in the writer process
  only. tracker has no test hook, so the CLI runs under a tiny wrapper that registers a
  SQLAlchemy pool `connect` listener before calling `tracker.cli.main` (no change to tracker).
  A tmpfs would also work as root, but WAL growth makes its "full" point unpredictable.

Every write fault ends the run with one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.test_concurrency import (
    N_ARTICLES,
    Snapshot,
    assert_same,
    check_integrity,
    load_corpus,
    snapshot,
    subprocess_env,
    tracker_cmd,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Snapshot]:
    return load_corpus(tmp_path_factory)


def article_count(path: Path) -> int:
    """Committed articles, read as another process would (0 before the schema exists)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def sqlite_checks(path: Path) -> None:
    conn = sqlite3.connect(path, timeout=30)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def assert_complete(url: str, want: Snapshot) -> Snapshot:
    """Every stored article is whole: its sources are exactly those of a clean ingest."""
    got = snapshot(url)
    assert got.urls <= want.urls
    assert got.per_article == {u: want.per_article[u] for u in got.urls}
    assert {(u, k) for u, k in want.sources if u in got.urls} == got.sources
    assert all(c == 1 for c in got.people.values()), "duplicate people"
    check_integrity(url)
    return got


def kill_when(cmd: list[str], env: dict[str, str], db: Path, at_least: int) -> int:
    """Start cmd, SIGKILL it as soon as the database holds at_least articles."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    try:
        while article_count(db) < at_least:
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"tracker add ended before it was killed: {err[-2000:]}")
            assert time.monotonic() < deadline, "tracker add made no progress"
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return article_count(db)


def test_kill_9_midway_then_rerun_completes_without_duplicates(
    temp_db: str, corpus: tuple[list[Path], Snapshot]
) -> None:
    paths, want = corpus
    db = Path(temp_db)
    directory = paths[0].parent
    cmd = tracker_cmd("add", str(directory), "--jobs", "1", "--quiet")
    env = subprocess_env(temp_db)

    stored = 0
    for step in (1, 23, 41):  # three kills at different points of different batches
        stored = kill_when(cmd, env, db, stored + step)
        assert 0 < stored < N_ARTICLES, "the kill came too late to be midway"
        sqlite_checks(db)
        assert assert_complete(temp_db, want).articles == stored

    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    summary = f"{N_ARTICLES - stored} added, {stored} already present, 0 failed"
    assert summary in done.stdout + done.stderr
    sqlite_checks(db)
    assert_same(snapshot(temp_db), want)
    check_integrity(temp_db)


# ----------------------------------------------------------------------------- not writable


def _seeded(tmp_path: Path, paths: list[Path], n: int = 2) -> Path:
    """A database directory holding an ingested database (n articles), closed cleanly."""
    directory = tmp_path / "dbdir"
    directory.mkdir()
    db = directory / "tracker.db"
    run = subprocess.run(
        tracker_cmd("add", "--quiet", *map(str, paths[:n])),
        env=subprocess_env(str(db)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert article_count(db) == n
    return db


def _error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]


@contextmanager
def read_only_bind(directory: Path) -> Iterator[Path]:
    """directory mounted read-only at a second place (read-only media; root cannot write)."""
    target = directory.parent / "readonly"
    target.mkdir()
    steps = [
        ["mount", "--bind", str(directory), str(target)],
        ["mount", "-o", "remount,bind,ro", str(target)],
    ]
    mounted = False
    try:
        for step in steps:
            res = subprocess.run(step, capture_output=True, text=True)
            if res.returncode != 0:
                pytest.skip(f"cannot make a read-only bind mount here: {res.stderr.strip()}")
            mounted = True
        yield target
    finally:
        if mounted:
            subprocess.run(["umount", str(target)], check=True)


@contextmanager
def unwritable_file(path: Path) -> Iterator[None]:
    """The file cannot be written: chmod 0444 for a user, the immutable attribute for root."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)
        return
    res = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"root cannot make the file unwritable here (chattr +i): {res.stderr}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_database_in_a_read_only_directory_gives_a_one_line_error(
    tmp_path: Path, corpus: tuple[list[Path], Snapshot]
) -> None:
    paths, _want = corpus
    db = _seeded(tmp_path, paths)
    sqlite_checks(db)  # the last read-write connection closes: no -wal/-shm files are left
    assert sorted(p.name for p in db.parent.iterdir()) == ["tracker.db"]
    with read_only_bind(db.parent) as ro:
        run = subprocess.run(
            tracker_cmd("add", str(paths[5])),
            env=subprocess_env(str(ro / db.name)),
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert run.returncode != 0
    lines = _error_lines(run.stderr)
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("Error:") and "tracker.db" in lines[0]
    assert article_count(db) == 2
    sqlite_checks(db)


def test_read_only_database_file_gives_a_one_line_error(
    tmp_path: Path, corpus: tuple[list[Path], Snapshot]
) -> None:
    paths, _want = corpus
    db = _seeded(tmp_path, paths)
    with unwritable_file(db):
        run = subprocess.run(
            tracker_cmd("add", str(paths[5]), str(paths[6])),
            env=subprocess_env(str(db)),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert article_count(db) == 2
    assert run.returncode != 0
    lines = _error_lines(run.stderr)
    assert len(lines) == 1, run.stderr
    assert "read" in lines[0].lower() and "tracker.db" in lines[0]
    sqlite_checks(db)


# ----------------------------------------------------------------------------- disk full

# The CLI with a page cap on every SQLite connection of this process only.
DISK_FULL_WRAPPER = """
import sys
from sqlalchemy import event
from sqlalchemy.pool import Pool

LIMIT = int(sys.argv.pop(1))


@event.listens_for(Pool, "connect")
def _cap(dbapi_conn, _record):
    dbapi_conn.execute(f"PRAGMA max_page_count = {LIMIT}")


from tracker.cli import main

sys.argv[0] = "tracker"
main()
"""


def _big_article(path: Path) -> Path:
    """An article whose text alone needs many more pages than the cap leaves free."""
    sentences = [
        f"Delegation {i} of the trade commission reviewed tariff schedule {i * 7} in detail."
        for i in range(250)
    ]
    body = "\n\n".join(" ".join(sentences[k : k + 5]) for k in range(0, len(sentences), 5))
    path.write_text(
        "Trade commission review\n\nMay 20, 2024\n\n"
        f"{body}\n\nOriginal url:\n\n<https://news.example.test/2024/05/20/big-review>\n",
        encoding="utf-8",
    )
    return path


def _disk_full_run(tmp_path: Path, paths: list[Path]) -> tuple[Path, subprocess.CompletedProcess]:
    db = _seeded(tmp_path, paths)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    big = _big_article(tmp_path / "big.txt")
    run = subprocess.run(
        [sys.executable, "-c", DISK_FULL_WRAPPER, str(pages + 1), "add", str(big)],
        env=subprocess_env(str(db)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    return db, run


def test_disk_full_rolls_back_the_article_and_keeps_earlier_ones(
    tmp_path: Path, corpus: tuple[list[Path], Snapshot]
) -> None:
    paths, want = corpus
    db, run = _disk_full_run(tmp_path, paths)
    assert run.returncode != 0
    assert "full" in run.stderr
    sqlite_checks(db)
    got = assert_complete(str(db), want)
    assert got.articles == 2  # the big one is not there, the two before it are whole
    # With room again, the same command stores it.
    again = subprocess.run(
        tracker_cmd("add", str(tmp_path / "big.txt")),
        env=subprocess_env(str(db)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert article_count(db) == 3


def test_disk_full_error_is_one_line(tmp_path: Path, corpus: tuple[list[Path], Snapshot]) -> None:
    paths, _want = corpus
    _db, run = _disk_full_run(tmp_path, paths)
    assert run.returncode != 0
    lines = _error_lines(run.stderr)
    assert len(lines) == 1, run.stderr
    assert "full" in lines[0]
