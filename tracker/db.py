"""Where the data lives: URL resolution, engines, sessions and migrations in one place."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

# SQLAlchemy is imported inside the functions that need it: a cold `tracker timeline` on a
# current SQLite file reads through plain sqlite3 (read_connection) and never imports it.
if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

ENV_VAR = "TRACKER_DB"
# The newest migration. Checked against Alembic's own head by a test; it lets every command
# skip importing Alembic when the schema is already current (fast start for read commands).
SCHEMA_HEAD = "0004"
APP_NAME = "tracker"


class DatabaseProblem(RuntimeError):
    """The database cannot be used (unreachable, corrupt, from a newer tracker...)."""


def default_db_path() -> Path:
    return Path(click.get_app_dir(APP_NAME)) / "tracker.db"


def resolve_url(db: str | None = None) -> str:
    """--db wins, then TRACKER_DB, then a SQLite file in the user's app directory."""
    value = db or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            make_url(value)
        except ArgumentError as exc:
            raise DatabaseProblem(f"invalid database URL {value!r}: {exc}") from exc
        return value
    path = Path(value).expanduser()
    return f"sqlite:///{path}"


def _sqlite_path(url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


# PostgreSQL advisory lock key that serialises writers (analysis runs outside the lock).
WRITE_LOCK_KEY = 7_262_531


def _on_sqlite_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so writers can ask for IMMEDIATE.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    try:
        cur.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: a crashed or killed process never corrupts or half-writes an article;
        # only a power cut can lose the last commits. Saves an fsync per article.
        cur.execute("PRAGMA synchronous=NORMAL")
    except Exception:  # noqa: BLE001 - read-only media cannot switch journal mode
        pass
    cur.close()


def _on_sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    """Writers take the write lock at BEGIN, so concurrent writers queue instead of failing."""
    write = conn.get_execution_options().get("tracker_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event

    path = _sqlite_path(url)
    if path is not None:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrations_dir() -> Path:
    """migrations/ of a checkout, or the copy shipped in the wheel as tracker/_migrations."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_migrations", here.parent / "migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise DatabaseProblem("tracker's migrations are missing from this installation")


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision(url: str) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy.exc import DatabaseError, OperationalError

    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except (DatabaseError, OperationalError) as exc:
        raise DatabaseProblem(explain(exc, engine)) from exc


def explain(exc: Exception, engine: Engine) -> str:
    """One line for the user, without the SQL statement or its parameters."""
    lines = str(getattr(exc, "orig", exc)).strip().splitlines() or [type(exc).__name__]
    msg = lines[0]
    where = engine.url.render_as_string(hide_password=True)
    if "not a database" in msg or "malformed" in msg:
        return f"{where} is not a valid SQLite database (corrupt or another kind of file)"
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
        return f"cannot write to {where}: the database is read-only or not accessible ({msg})"
    if "full" in msg:
        return f"cannot write to {where}: the database or disk is full ({msg})"
    return f"database error on {where}: {msg}"


def is_transient(exc: Exception) -> bool:
    """Lock contention and serialisation failures: worth retrying the transaction."""
    orig = getattr(exc, "orig", exc)
    msg = str(orig).lower()
    if "locked" in msg or "busy" in msg:
        return True
    return getattr(orig, "sqlstate", None) in {"40001", "40P01"}


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic, refusing databases from a newer tracker."""
    from alembic import command
    from sqlalchemy.exc import DatabaseError, OperationalError

    url = engine.url.render_as_string(hide_password=False)
    check_known_revision(engine)
    cfg = alembic_config(url)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(tracker_write=True)
            with conn.begin():
                lock_for_write(conn)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
    except (DatabaseError, OperationalError) as exc:
        raise DatabaseProblem(explain(exc, engine)) from exc


def lock_for_write(conn) -> None:  # type: ignore[no-untyped-def]
    """Serialise writers: SQLite already holds the lock (BEGIN IMMEDIATE); PostgreSQL takes an
    advisory transaction lock, so concurrent ingests and migrations never race."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy import text

        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def check_known_revision(engine: Engine) -> None:
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    if current is None:
        return
    script = ScriptDirectory.from_config(
        alembic_config(engine.url.render_as_string(hide_password=False))
    )
    try:
        script.get_revision(current)
    except Exception as exc:  # noqa: BLE001 - alembic raises several kinds here
        raise DatabaseProblem(
            f"database schema revision {current} is unknown to this tracker "
            "(created by a newer version?); upgrade tracker instead of this database"
        ) from exc


class Database:
    """An engine plus a session factory, migrated to head on first use."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        from sqlalchemy.orm import sessionmaker

        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.ensure_schema()

    def ensure_schema(self) -> None:
        if self._stored_revision() == SCHEMA_HEAD:
            return
        if current_revision(self.engine) != head_revision(self.url):
            upgrade(self.engine)

    def _stored_revision(self) -> str | None:
        """alembic_version read with plain SQL: no Alembic import on the hot path."""
        from sqlalchemy import text
        from sqlalchemy.exc import DatabaseError, OperationalError

        try:
            with self.engine.connect() as conn:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (DatabaseError, OperationalError):
            return None

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error.

        A write session holds the database's write lock from its first statement, so
        read-then-write checks inside it cannot race with other writers.
        Errors of the driver itself (raw DB-API reads in tracker.queries) are reported the same
        way as SQLAlchemy's."""
        from sqlalchemy.exc import DBAPIError, IntegrityError

        driver_error = self.engine.dialect.loaded_dbapi.Error
        with self._sessions() as session:
            try:
                if write:
                    conn = session.connection(execution_options={"tracker_write": True})
                    lock_for_write(conn)
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                if isinstance(exc, IntegrityError) or is_transient(exc):
                    raise  # the caller may retry
                raise DatabaseProblem(explain(exc, self.engine)) from exc
            except driver_error as exc:
                session.rollback()
                if is_transient(exc):
                    raise
                raise DatabaseProblem(explain(exc, self.engine)) from exc
            except BaseException:
                session.rollback()
                raise

    def table_names(self) -> list[str]:
        from sqlalchemy import inspect

        return inspect(self.engine).get_table_names()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(db: str | None = None, *, migrate: bool = True) -> Database:
    return Database(resolve_url(db), migrate=migrate)


def read_connection(db: str | None = None) -> sqlite3.Connection | None:
    """A plain sqlite3 connection for reading, when `db` is a SQLite file already at
    SCHEMA_HEAD; else None, and the caller opens the full Database (which creates, migrates
    and explains problems). Saves a read command the SQLAlchemy import (~0.25 s)."""
    value = db or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        prefix = "sqlite:///"
        if not value.startswith(prefix) or "?" in value or value == prefix + ":memory:":
            return None
        value = value[len(prefix) :]
    path = Path(value).expanduser()
    if not value or not path.is_file():
        return None
    conn = None
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("BEGIN")  # one snapshot for the whole read
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is not None and row[0] == SCHEMA_HEAD:
            return conn
    except sqlite3.Error:
        pass
    if conn is not None:
        conn.close()
    return None
