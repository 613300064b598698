"""Concurrent writers (issue 6): 4 `tracker add` processes x 50 articles into one database.

The 200 synthetic articles share a small pool of people and report the same meetings from
different articles, so the writers race to create the same people, aliases and merged events.
The result must equal a sequential ingest of the same files (the reference): exactly 200
articles, the same people (no duplicate by key or by name), the same event sources and the same
merged events, every event with participants and sources; running the four writers again adds
nothing.

Each article carries its own publication date (a header line) and URL (an "Original url:"
footer), the layout tracker reads from text files, because `tracker add` takes one --published
and one --url per command. Every date in the texts is a day, so merging is order-independent
and the concurrent result can be compared exactly with the sequential one.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import random
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker import api
from tracker.db import open_database
from tracker.models import Alias, Article, Event, EventSource, Participant, Person

N_ARTICLES = 200
N_WRITERS = 4

# Distinct surnames, so a full name and its surname always name the same person.
PEOPLE = [
    ("President", "Alice Moreau"),
    ("Prime Minister", "Bruno Tessier"),
    ("Foreign Minister", "Carla Nunes"),
    ("Chancellor", "Dieter Vogel"),
    ("President", "Elena Ruiz"),
    ("Prime Minister", "Frank Holloway"),
    ("Foreign Minister", "Greta Lindqvist"),
    ("Defence Minister", "Hugo Almeida"),
    ("President", "Ingrid Halvorsen"),
    ("Prime Minister", "Jonas Petrauskas"),
    ("Foreign Minister", "Katarina Novak"),
    ("Trade Minister", "Luca Bianchi"),
]
PLACES = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Lisbon", "Warsaw", "Prague"]
TOPICS = ["trade", "energy security", "migration", "the border dispute", "fishing rights"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _day(d: dt.date, rng: random.Random) -> str:
    forms = [f"{d:%B} {d.day}, {d.year}", f"{d.day} {d:%B} {d.year}"]
    return rng.choice(forms)


@dataclass(frozen=True)
class Meeting:
    a: int
    b: int
    place: str
    day: dt.date


def _meetings(rng: random.Random, n: int = 20) -> list[Meeting]:
    out = []
    for _ in range(n):
        a, b = rng.sample(range(len(PEOPLE)), 2)
        day = dt.date(2024, 2, 1) + dt.timedelta(days=rng.randrange(59))
        out.append(Meeting(a, b, rng.choice(PLACES), day))
    return out


def article_text(i: int, rng: random.Random, meetings: list[Meeting]) -> tuple[str, dt.date]:
    """One short news-like article: a shared meeting, a call or visit, a statement."""
    published = dt.date(2024, 5, 1) + dt.timedelta(days=i % 40)
    m = meetings[i % len(meetings)]
    (ta, na), (tb, nb) = PEOPLE[m.a], PEOPLE[m.b]
    c, d = rng.sample([k for k in range(len(PEOPLE)) if k not in (m.a, m.b)], 2)
    (tc, nc), (td, nd) = PEOPLE[c], PEOPLE[d]
    topic = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    # Visits fall in April, shared meetings in February and March, calls near publication:
    # events of one type and day then have the same people or none in common, so merging
    # does not depend on the order the writers happen to store the articles in.
    other_day = dt.date(2024, 4, 1) + dt.timedelta(days=rng.randrange(29))
    first = rng.choice(
        [
            f"{ta} {na} met {tb} {nb} in {m.place} on {_day(m.day, rng)} to discuss {topic}, "
            f"officials said in dispatch {i}.",
            f"{ta} {na} held talks with {tb} {nb} in {m.place} on {_day(m.day, rng)} about "
            f"{topic}, according to dispatch {i}.",
        ]
    )
    second = rng.choice(
        [
            f"{tc} {nc} visited {place} on {_day(other_day, rng)} and held talks with "
            f"{td} {nd} about {topic}.",
            f"{tc} {nc} called {td} {nd} on {rng.choice(WEEKDAYS)} to discuss {topic}.",
        ]
    )
    third = f"{nb.split()[-1]} said the two governments would keep working on {topic}."
    title = f"{na.split()[-1]} and {nb.split()[-1]} discuss {topic} ({i})"
    body = "\n\n".join([first, second, third])
    text = (
        f"{title}\n\n{_day(published, rng)}\n\n{body}\n\n"
        f"Original url:\n\n<https://news.example.test/{published:%Y/%m/%d}/dispatch-{i}>\n"
    )
    return text, published


def write_articles(directory: Path, n: int = N_ARTICLES, seed: int = 6) -> list[Path]:
    """n small synthetic articles (deterministic for a seed) as text files in directory."""
    rng = random.Random(seed)
    meetings = _meetings(rng)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text, _published = article_text(i, rng, meetings)
        path = directory / f"article_{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def tracker_cmd(*args: str) -> list[str]:
    """The installed CLI, run with this interpreter (no PATH lookup)."""
    return [sys.executable, "-m", "tracker", *args]


def subprocess_env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["TRACKER_DB"] = url
    env.pop("COLUMNS", None)
    return env


@dataclass(frozen=True)
class Snapshot:
    """What must be identical however the articles were written."""

    articles: int
    urls: frozenset[str]
    people: Counter[tuple[str, str]]  # (key, kind) -> rows
    names: Counter[tuple[str, str]]  # (name, kind) -> rows
    sources: frozenset[tuple[str, str]]  # (article url, source key)
    events: Counter[tuple[str, str, str, str, str, tuple[str, ...]]]  # people keys only
    aliases: frozenset[tuple[str, str, str]]  # (person key, alias key, kind)
    per_article: dict[str, int]  # url -> event sources


def snapshot(url: str) -> Snapshot:
    db = open_database(url)
    try:
        with db.session() as s:
            urls = s.scalars(select(Article.url)).all()
            people = s.execute(select(Person.id, Person.key, Person.name, Person.kind)).all()
            by_id = {pid: key for pid, key, _n, _k in people}
            persons = {pid for pid, _key, _n, kind in people if kind == "person"}
            sources = s.execute(
                select(Article.url, EventSource.key, EventSource.event_id).join(
                    Article, Article.id == EventSource.article_id
                )
            ).all()
            parts: dict[int, list[str]] = {}
            for event_id, person_id in s.execute(
                select(Participant.event_id, Participant.person_id)
            ):
                # Places and organisations of a merged event come from whichever article
                # reported it first; the people (what merging compares) do not depend on order.
                if person_id in persons:
                    parts.setdefault(event_id, []).append(by_id[person_id])
            events = Counter(
                (
                    e.event_type,
                    e.status,
                    e.date_start.isoformat(),
                    e.date_end.isoformat(),
                    e.granularity,
                    tuple(sorted(parts.get(e.id, []))),
                )
                for e in s.scalars(select(Event))
            )
            aliases = frozenset(
                (by_id[a.person_id], a.key, a.kind) for a in s.scalars(select(Alias))
            )
            alias_rows = s.scalar(select(func.count()).select_from(Alias))
            assert alias_rows == len(aliases), "duplicate alias rows"
        per_article = Counter(u for u, _k, _e in sources)
        return Snapshot(
            articles=len(urls),
            urls=frozenset(u for u in urls if u),
            people=Counter((key, kind) for _i, key, _n, kind in people),
            names=Counter((name, kind) for _i, _k, name, kind in people),
            sources=frozenset((u, k) for u, k, _e in sources),
            events=events,
            aliases=aliases,
            per_article={u: per_article.get(u, 0) for u in urls if u},
        )
    finally:
        db.dispose()


def reference_snapshot(paths: list[Path], db_path: Path) -> Snapshot:
    """The same articles ingested by one writer, in-process: the expected result."""
    db = open_database(str(db_path))
    results = list(api.add_many(db, [str(p) for p in paths], jobs=1))
    db.dispose()
    failures = [r for r in results if isinstance(r, api.AddFailure)]
    assert not failures, failures
    return snapshot(str(db_path))


def load_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Snapshot]:
    """The articles and their reference snapshot, built once per test session."""
    base = tmp_path_factory.getbasetemp() / "synthetic-corpus"
    cached = base / "reference.pickle"
    paths = sorted((base / "articles").glob("*.txt"))
    if cached.exists() and len(paths) == N_ARTICLES:
        return paths, pickle.loads(cached.read_bytes())
    base.mkdir(exist_ok=True)
    paths = write_articles(base / "articles")
    (base / "reference.db").unlink(missing_ok=True)
    want = reference_snapshot(paths, base / "reference.db")
    cached.write_bytes(pickle.dumps(want))
    return paths, want


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Snapshot]:
    return load_corpus(tmp_path_factory)


def check_integrity(url: str) -> None:
    """Every event has participants and sources; nothing points at a missing row."""
    db = open_database(url)
    try:
        with db.session() as s:
            no_sources = s.scalar(
                select(func.count())
                .select_from(Event)
                .where(~Event.id.in_(select(EventSource.event_id)))
            )
            no_people = s.scalar(
                select(func.count())
                .select_from(Event)
                .where(~Event.id.in_(select(Participant.event_id)))
            )
            dangling_sources = s.scalar(
                select(func.count())
                .select_from(EventSource)
                .where(
                    ~EventSource.article_id.in_(select(Article.id))
                    | ~EventSource.event_id.in_(select(Event.id))
                )
            )
            dangling_parts = s.scalar(
                select(func.count())
                .select_from(Participant)
                .where(
                    ~Participant.person_id.in_(select(Person.id))
                    | ~Participant.event_id.in_(select(Event.id))
                )
            )
            dangling_aliases = s.scalar(
                select(func.count())
                .select_from(Alias)
                .where(~Alias.person_id.in_(select(Person.id)))
            )
        assert (no_sources, no_people) == (0, 0), "events without sources / participants"
        assert (dangling_sources, dangling_parts, dangling_aliases) == (0, 0, 0)
    finally:
        db.dispose()


def run_writers(paths: list[Path], url: str, n: int = N_WRITERS) -> list[str]:
    """n concurrent `tracker add --jobs 1` processes, each with its share of the files."""
    shares = [paths[k::n] for k in range(n)]
    procs = [
        subprocess.Popen(
            tracker_cmd("add", "--jobs", "1", "--quiet", *map(str, share)),
            env=subprocess_env(url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for share in shares
    ]
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"writer failed ({proc.returncode}): {err[-2000:]}"
        outputs.append(out + err)
    return outputs


def assert_same(got: Snapshot, want: Snapshot) -> None:
    assert got.articles == N_ARTICLES
    assert got.urls == want.urls
    dup_keys = {k: c for k, c in got.people.items() if c > 1}
    dup_names = {k: c for k, c in got.names.items() if c > 1}
    assert not dup_keys, f"duplicate people by key: {dup_keys}"
    assert not dup_names, f"duplicate people by name: {dup_names}"
    assert got.people == want.people
    assert got.sources == want.sources
    assert got.per_article == want.per_article
    assert got.events == want.events
    assert got.aliases == want.aliases


@pytest.mark.db
def test_four_concurrent_writers_store_each_article_and_person_once(
    temp_db: str, corpus: tuple[list[Path], Snapshot]
) -> None:
    paths, want = corpus
    # The corpus really overlaps: every person appears in articles of every writer.
    assert len(want.people) >= len(PEOPLE)
    assert sum(want.events.values()) < len(want.sources), "no event is merged across articles"
    db = open_database(temp_db)  # migrate once up front, as a team would
    db.dispose()

    outputs = run_writers(paths, temp_db)
    for out in outputs:
        assert f"{N_ARTICLES // N_WRITERS} added, 0 already present, 0 failed" in out
    got = snapshot(temp_db)
    assert_same(got, want)
    check_integrity(temp_db)

    # Running the same writers again stores nothing new.
    outputs = run_writers(paths, temp_db)
    for out in outputs:
        assert f"0 added, {N_ARTICLES // N_WRITERS} already present, 0 failed" in out
    assert snapshot(temp_db) == got


@pytest.mark.db
def test_concurrent_writers_on_an_unmigrated_database(
    temp_db: str, corpus: tuple[list[Path], Snapshot]
) -> None:
    """The first commands of a team all find an empty database and race to migrate it."""
    paths, want = corpus
    few = paths[:8]
    outputs = run_writers(few, temp_db)
    for out in outputs:
        assert "2 added, 0 already present, 0 failed" in out
    got = snapshot(temp_db)
    assert got.articles == len(few)
    assert got.per_article == {u: want.per_article[u] for u in got.urls}
    assert all(c == 1 for c in got.people.values())
    check_integrity(temp_db)
