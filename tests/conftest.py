"""Shared fixtures: every test gets its own database; nothing touches the user's.

Tests marked `db` run once per backend: SQLite always, PostgreSQL when a server is reachable
through TRACKER_TEST_PG_URL (an admin URL such as postgresql+psycopg://postgres@127.0.0.1/postgres).
Without it they skip with the reason; with TRACKER_REQUIRE_PG=1 (set by CI) a missing server fails.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# CI replays the same examples on every run (a red CI lands nothing, so it must not depend on
# luck); local runs keep drawing new ones, which is how parser bugs are found.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = REPO / "seeds" / "000_c152ed9c5e12e94c.txt"
PG_ENV = "TRACKER_TEST_PG_URL"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "db: runs against every database backend")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        backends = (
            ["sqlite", "postgresql"] if metafunc.definition.get_closest_marker("db") else ["sqlite"]
        )
        metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture()
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def _pg_admin_url() -> str:
    url = os.environ.get(PG_ENV)
    reason = f"PostgreSQL not available: set {PG_ENV} to an admin URL to run this test on it"
    if not url:
        if os.environ.get("TRACKER_REQUIRE_PG"):
            pytest.fail(reason)
        pytest.skip(reason)
    return url


def _create_pg_database(admin_url: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("TRACKER_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL at {admin_url} is not usable: {exc}")
        pytest.skip(f"PostgreSQL at {admin_url} is not usable: {exc}")
    finally:
        engine.dispose()
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    return name, url


def _drop_pg_database(admin_url: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(autouse=True)
def temp_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str) -> Iterator[str]:
    """TRACKER_DB for this test: a fresh SQLite file, or a fresh PostgreSQL database."""
    if backend == "postgresql":
        admin = _pg_admin_url()
        name, url = _create_pg_database(admin)
        monkeypatch.setenv("TRACKER_DB", url)
        yield url
        _drop_pg_database(admin, name)
        return
    path = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DB", str(path))
    yield str(path)


@pytest.fixture()
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once for the whole run (tests that parse text share it)."""
    from tracker.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shipped_nlp() -> Any:
    """en_core_web_sm exactly as spaCy runs it (tracker's pipeline must annotate the same)."""
    from tracker.nlp import load_model

    return load_model()
