"""Query speed on a large synthetic database: timeline, date range, CSV export, cold start.

Usage: python benchmarks/query.py [--events N] [--db PATH] [--reuse] [--pg ADMIN_URL]
       [--layout ingest|shuffled] [--export-cap SECONDS] [--no-baseline] [--no-sqlite] [--keep]

Builds a database of N events (default 1,000,000) with N/50 people and N/5 articles through
the real schema: `tracker.db.open_database(path)` runs the migrations, then SQLAlchemy Core
`insert()` executemany fills the tables of `tracker.models` (one source per event, two to three
participants per event; 100 "prominent" people have 500 events each, the rest share the
remainder). Rows are laid out as ingest makes them (`--layout ingest`, the default): articles
one after another by publication date, each with five events of the week (80%) or two months
before it, so an event's row sits near the rows of its dates, as when a wire archive is added.
`--layout shuffled` gives every event any date and any article, in any order: the worst case
for the date-ordered export, reported beside the default. Build time is reported. Then, in
this process unless stated:

* timeline: `tracker.api.timeline(db, name)` for 100 different prominent people (500 events
  each): p50 and p95 wall time per call (find the person, query, load participants and sources,
  build the display rows). Targets on SQLite: p50 <= 20 ms, p95 <= 50 ms.
* date range: `tracker.api.list_events(db, date_from, date_to, statuses=None)` for one month.
* CSV export: `tracker.api.export_rows(db, statuses=None)` through `tracker.render.render(...,
  fmt="csv")` into a file (the stored export lines of migration 0004; they are built first,
  with `tracker.api.refresh_export_lines`, as ingest builds them, and the time is reported),
  in a fresh child process so its peak RSS (VmHWM from /proc, else
  `resource.getrusage`) is the export's own: rows/s and peak memory. Targets: >= 100,000
  rows/s, <= 300 MB.
* cold start: `tracker timeline NAME` as a new process (TRACKER_DB set), wall time including
  interpreter start; the first of 5 runs and the median. Target: <= 0.5 s.

Baselines in the same run: timeline and date range without their index (dropped, measured,
re-created), the export as a raw SQL join streamed through csv.writer (what the database
alone costs), and `python -c pass` / `import tracker.cli` for the cold start.
`--pg ADMIN_URL` builds the same data in a new PostgreSQL database and prints the same figures
(the database is dropped afterwards unless --keep).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import insert, text  # noqa: E402

from tracker import api  # noqa: E402
from tracker.db import Database, open_database, resolve_url  # noqa: E402
from tracker.models import (  # noqa: E402
    Alias,
    Article,
    Event,
    EventSource,
    Participant,
    Person,
)

FIRST = (
    "Alice Bruno Carla Dieter Elena Frank Greta Hugo Ingrid Jonas Katarina Luca Maria Nikolai "
    "Olga Pedro Quentin Rosa Stefan Tamara Ulrich Vera Walter Xenia Yuri Zofia Ahmed Beatriz "
    "Chen Dmitri Emeka Fatima Giorgio Hana Ivan Jamal Kenji Leila Mateo Nadia"
).split()
LAST = [f"{a}{b}" for a in ("Mor", "Tess", "Nun", "Vog", "Ru", "Hall", "Lind", "Alm", "Halv",
                            "Petr", "Nov", "Bian", "Kow", "Dub", "Sant", "Ferr", "Okon", "Sato",
                            "Haas", "Berg")
        for b in ("eau", "ier", "es", "el", "iz", "oway", "qvist", "eida", "orsen", "auskas",
                  "ak", "chi", "alski", "ois", "os", "ari", "kwo", "ri", "ner", "mann",
                  "ini", "escu", "ov", "enko", "sson")]  # fmt: skip
TYPES = ["MEET", "VISIT", "CALL", "STATEMENT", "AGREE", "PROPOSE", "DEMAND", "ACCUSE"]
PLACES = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Lisbon", "Warsaw", "Prague", "Cairo"]
START = dt.date(2015, 1, 1)
DAYS = 3652
PROMINENT = 100
PROMINENT_EVENTS = 500
CHUNK = 20_000


def person_names(n: int) -> list[str]:
    names = [f"{f} {last}" for last in LAST for f in FIRST]
    random.Random(1).shuffle(names)
    out = names[:n]
    k = 0
    while len(out) < n:  # beyond 20,000 combinations: numbered names
        out.append(f"{names[k % len(names)]} {len(out)}")
        k += 1
    return out


def chunks(rows: Iterator[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(db: Database, n_events: int, layout: str = "ingest") -> dict[str, Any]:
    """Fill the migrated database in bulk; returns counts and the prominent people's names."""
    rng = random.Random(42)
    n_people = max(PROMINENT * 2, n_events // 50)
    n_articles = max(1, n_events // 5)
    names = person_names(n_people)
    prominent_events = min(PROMINENT_EVENTS, n_events * 2 // (PROMINENT * 4))
    counts: dict[str, int] = {}

    def people() -> Iterator[dict[str, Any]]:
        for i, name in enumerate(names, 1):
            yield {"id": i, "key": name.casefold(), "name": name, "kind": "person"}

    def aliases() -> Iterator[dict[str, Any]]:
        for i, name in enumerate(names, 1):
            surname = name.split()[1]
            yield {"person_id": i, "alias": f"{name[0]}. {surname}",
                   "key": f"{name[0]} {surname}".casefold(), "kind": "name"}  # fmt: skip

    def articles() -> Iterator[dict[str, Any]]:
        for i in range(1, n_articles + 1):
            day = START + dt.timedelta(days=i * DAYS // n_articles)
            yield {
                "id": i,
                "url": f"https://news.example.test/{day:%Y/%m/%d}/story-{i}",
                "content_hash": hashlib.sha256(str(i).encode()).hexdigest(),
                "title": f"Story {i}: talks continue",
                "published": day,
                "published_source": "flag",
                "source_path": None,
                "text": f"Story {i}. " + "Officials met to discuss trade and security. " * 4,
            }

    # Participants: every event has an actor and a counterpart (a third person in 1 of 4).
    # The first `prominent_events` events of each prominent person are assigned up front.
    prom_slots = [(p, k) for p in range(1, PROMINENT + 1) for k in range(prominent_events)]
    prom_for_event: dict[int, int] = {}
    event_ids = rng.sample(range(1, n_events + 1), len(prom_slots))
    for (p, _k), e in zip(prom_slots, event_ids, strict=True):
        prom_for_event[e] = p
    rest = range(PROMINENT + 1, n_people + 1)

    def event_people(e: int) -> list[int]:
        first = prom_for_event.get(e) or rng.choice(rest)
        people_ids = [first]
        while len(people_ids) < (3 if e % 4 == 0 else 2):
            other = rng.choice(rest)
            if other not in people_ids:
                people_ids.append(other)
        return people_ids

    def dated_events() -> Iterator[tuple[int, dt.date, int]]:
        """(event id, day, article): in ingest order, articles one after another by
        publication date, each reporting events of the week or month before it (what adding
        a wire archive produces); shuffled, any day from any article (the worst case for
        reads in date order)."""
        if layout == "shuffled":
            for e in range(1, n_events + 1):
                yield (
                    e,
                    START + dt.timedelta(days=rng.randrange(DAYS)),
                    rng.randrange(1, n_articles + 1),
                )
            return
        for e in range(1, n_events + 1):
            article = min(n_articles, (e - 1) * n_articles // n_events + 1)
            published = START + dt.timedelta(days=article * DAYS // n_articles)
            back = rng.randrange(8) if rng.random() < 0.8 else rng.randrange(8, 60)
            yield e, max(START, published - dt.timedelta(days=back)), article

    def events_and_links() -> Iterator[tuple[dict, dict, list[dict]]]:
        for e, day, article in dated_events():
            span = 0 if e % 5 else 6
            etype = TYPES[e % len(TYPES)]
            pids = event_people(e)
            summary = f"{names[pids[0] - 1]} {etype.lower()} {names[pids[1] - 1]}"
            ev = {
                "id": e, "event_type": etype, "cameo": "040", "plover": "CONSULT",
                "status": "planned" if e % 10 == 0 else "happened",
                "date_start": day, "date_end": day + dt.timedelta(days=span),
                "granularity": "week" if span else "day",
                "date_text": "last week" if span else "on Monday",
                "date_source": "text", "summary": summary,
                "location": PLACES[e % len(PLACES)], "hidden": False,
            }  # fmt: skip
            src = {
                "id": e, "event_id": e, "article_id": article, "key": f"{e:032x}",
                "sentence": f"{summary} in {ev['location']} on Monday, officials said.",
                "sentence_start": 0, "sentence_end": 60, "trigger": etype.lower(),
                "trigger_start": 10, "trigger_end": 15, "date_text": ev["date_text"],
                "date_char_start": 20, "date_char_end": 29, "date_start": day,
                "date_end": ev["date_end"], "granularity": ev["granularity"],
                "date_source": "text", "timex_value": day.isoformat(),
            }  # fmt: skip
            parts = [
                {"event_id": e, "person_id": p, "role": "actor" if k == 0 else "counterpart",
                 "title": None, "position": k}
                for k, p in enumerate(pids)
            ]  # fmt: skip
            yield ev, src, parts

    with db.engine.connect() as conn:
        conn = conn.execution_options(tracker_write=True)
        if conn.dialect.name == "sqlite":  # a bulk load: no fsync per transaction
            conn.connection.driver_connection.execute("PRAGMA synchronous=OFF")
        with conn.begin():
            for table, rows in (
                (Person, people()),
                (Alias, aliases()),
                (Article, articles()),
            ):
                n = 0
                for batch in chunks(rows):
                    conn.execute(insert(table.__table__), batch)
                    n += len(batch)
                counts[table.__tablename__] = n
            evs: list[dict] = []
            srcs: list[dict] = []
            parts: list[dict] = []
            counts.update(events=0, event_sources=0, participants=0)

            def flush() -> None:
                conn.execute(insert(Event.__table__), evs)
                conn.execute(insert(EventSource.__table__), srcs)
                conn.execute(insert(Participant.__table__), parts)
                counts["events"] += len(evs)
                counts["event_sources"] += len(srcs)
                counts["participants"] += len(parts)
                evs.clear()
                srcs.clear()
                parts.clear()

            for ev, src, ps in events_and_links():
                evs.append(ev)
                srcs.append(src)
                parts.extend(ps)
                if len(evs) >= CHUNK:
                    flush()
            if evs:
                flush()
        if conn.dialect.name == "postgresql":
            for table in ("people", "aliases", "articles", "events", "event_sources"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            conn.commit()
    with db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        else:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    counts["prominent_events"] = prominent_events
    return {"counts": counts, "prominent": names[:PROMINENT]}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_calls(fn: Callable[[str], Any], names: list[str]) -> list[float]:
    out = []
    for name in names:
        t0 = time.perf_counter()
        fn(name)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def without_index(db: Database, index: str, ddl: str, fn: Callable[[], Any]) -> Any:
    """Run fn with `index` dropped, then create it again."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP INDEX {index}")
    try:
        return fn()
    finally:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(ddl)


EXPORT_CHILD = """
import itertools, resource, sys, time
from tracker import api
from tracker.db import open_database
from tracker.render import render
db = open_database(sys.argv[1])
cap = float(sys.argv[3])
t0 = time.perf_counter()
rows = api.export_rows(db, statuses=None)
class Capped:  # what `tracker export` renders, stopped batch by batch after the cap
    columns = rows.columns
    def batches(self, neutral=False):
        for batch in rows.batches(neutral):
            yield batch
            if time.perf_counter() - t0 > cap:
                return
    def csv_chunks(self):
        for chunk in rows.csv_chunks():
            yield chunk
            if time.perf_counter() - t0 > cap:
                return
with open(sys.argv[2], "w", encoding="utf-8", newline="") as fh:
    n = render(Capped(), api.EXPORT_COLUMNS, fh, fmt="csv")
"""

RAW_EXPORT_CHILD = """
import csv, resource, sys, time
from sqlalchemy import create_engine
engine = create_engine(sys.argv[1])
sql = '''SELECT e.id, s.date_start, s.date_end, s.granularity, s.date_text, s.date_source,
 e.event_type, e.cameo, e.summary, e.location, s.sentence, a.title, a.url, a.published,
 e.status, e.plover, s.trigger, e.date_start, e.date_end, e.granularity
 FROM events e JOIN event_sources s ON s.event_id = e.id JOIN articles a ON a.id = s.article_id
 ORDER BY e.date_start, e.date_end, e.id'''
t0 = time.perf_counter()
n = 0
with engine.connect() as conn, open(sys.argv[2], "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, lineterminator="\\r\\n")
    for row in conn.execution_options(yield_per=5000).exec_driver_sql(sql):
        w.writerow(row)
        n += 1
"""


# Appended to each child: its rows, seconds since t0 and peak memory, on one line.
CHILD_REPORT = """
secs = time.perf_counter() - t0
try:  # VmHWM: ru_maxrss would include the parent's RSS, kept across exec on Linux
    peak = int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0])
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(n, secs, peak)
"""


def child(code: str, *args: str) -> tuple[int, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", code + CHILD_REPORT, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    n, secs, rss_kb = out.stdout.split()
    return int(n), float(secs), int(rss_kb) / 1024


def cold(cmd: list[str], env: dict[str, str], runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        res = subprocess.run(cmd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if res.returncode != 0:
            raise RuntimeError(res.stderr[-2000:])
    return times[0], statistics.median(times)


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def measure(
    url: str,
    label: str,
    n_events: int,
    reuse: bool,
    baseline: bool,
    export_cap: float,
    layout: str = "ingest",
) -> None:
    print(f"\n=== {label}: {url.split('@')[-1]} ({layout} layout)")
    t0 = time.perf_counter()
    db = open_database(url)
    with db.session() as s:
        have = s.scalar(text("SELECT count(*) FROM events"))
    if reuse and have:
        prominent_events = min(PROMINENT_EVENTS, n_events * 2 // (PROMINENT * 4))
        info = {"counts": {"events": have, "prominent_events": prominent_events},
                "prominent": person_names(PROMINENT)}  # fmt: skip
        print(f"reusing the existing database ({have:,} events)")
    else:
        info = build(db, n_events, layout)
        secs = time.perf_counter() - t0
        c = info["counts"]
        rows = sum(v for k, v in c.items() if k != "prominent_events")
        print(
            f"build: {secs:.1f} s for {rows:,} rows ({rows / secs:,.0f} rows/s): "
            + ", ".join(f"{k} {v:,}" for k, v in c.items())
        )
    # Ingest stores each source's export line as it goes (tracker.store); a bulk build or an
    # upgraded database builds them the same way, through the same function, in batches.
    t1 = time.perf_counter()
    built = api.refresh_export_lines(db)
    if built:
        print(f"export lines built for {built:,} events in {time.perf_counter() - t1:.1f} s")
    if url.startswith("sqlite") or "://" not in url:
        path = Path(url.split("///")[-1])
        if path.exists():
            print(f"database file: {path.stat().st_size / 1e6:,.0f} MB")
    names = info["prominent"]
    per = info["counts"]["prominent_events"]

    # --- timeline
    api.timeline(db, names[0])  # warm the connection pool and the page cache
    times = time_calls(lambda n: api.timeline(db, n), names)
    _person, rows = api.timeline(db, names[1])
    p50, p95 = pct(times, 0.5), pct(times, 0.95)
    print(
        f"timeline ({per} events/person, {len(rows)} shown, 100 people): p50 {p50:.1f} ms, "
        f"p95 {p95:.1f} ms, max {max(times):.1f} ms  "
        f"[targets p50<=20 {verdict(p50 <= 20)}, p95<=50 {verdict(p95 <= 50)}]"
    )
    if baseline:
        slow = without_index(
            db,
            "ix_participants_person_event",
            "CREATE INDEX ix_participants_person_event ON participants (person_id, event_id)",
            lambda: time_calls(lambda n: api.timeline(db, n), names[:3]),
        )
        print(
            f"  baseline without ix_participants_person_event: p50 {pct(slow, 0.5):.1f} ms "
            f"({pct(slow, 0.5) / p50:.0f}x slower)"
        )

    # --- date range
    d_from, d_to = dt.date(2019, 3, 1), dt.date(2019, 3, 31)

    def date_range() -> int:
        return len(api.list_events(db, date_from=d_from, date_to=d_to, statuses=None))

    date_range()
    t0 = time.perf_counter()
    n_range = date_range()
    range_ms = (time.perf_counter() - t0) * 1000
    print(f"date range {d_from}..{d_to} (list_events): {n_range:,} events in {range_ms:.0f} ms "
          f"({n_range / range_ms * 1000:,.0f} events/s)")  # fmt: skip
    if baseline:

        def timed() -> float:
            t = time.perf_counter()
            date_range()
            return (time.perf_counter() - t) * 1000

        slow_ms = without_index(
            db,
            "ix_events_dates",
            "CREATE INDEX ix_events_dates ON events (date_start, date_end)",
            timed,
        )
        print(f"  baseline without ix_events_dates: {slow_ms:.0f} ms ({slow_ms / range_ms:.1f}x)")

    # --- CSV export (child process: its own peak memory)
    with tempfile.TemporaryDirectory(prefix="tracker-query-bench-") as tmp:
        out = Path(tmp) / "export.csv"
        n, secs, rss = child(EXPORT_CHILD, url, str(out), str(export_cap))
        size = out.stat().st_size / 1e6
        capped = f" (stopped at the {export_cap:g} s cap)" if secs >= export_cap else ""
        print(
            f"CSV export{capped}: {n:,} rows in {secs:.1f} s = {n / secs:,.0f} rows/s, "
            f"{size:.0f} MB, "
            f"peak RSS {rss:.0f} MB  [targets >=100,000 rows/s {verdict(n / secs >= 100_000)}, "
            f"<=300 MB {verdict(rss <= 300)}]"
        )
        if baseline:
            n2, secs2, rss2 = child(RAW_EXPORT_CHILD, resolve_url(url), str(out))
            print(
                f"  baseline raw SQL join -> csv.writer: {n2:,} rows in {secs2:.1f} s = "
                f"{n2 / secs2:,.0f} rows/s, peak RSS {rss2:.0f} MB (tracker at "
                f"{(n / secs) / (n2 / secs2):.0%} of it)"
            )
    db.dispose()

    # --- cold start
    env = dict(os.environ, TRACKER_DB=url)
    first, median = cold([sys.executable, "-m", "tracker", "timeline", names[2]], env)
    print(
        f"cold `tracker timeline NAME` process: first {first:.2f} s, median of 5 {median:.2f} s"
        f"  [target <=0.5 s {verdict(median <= 0.5)}]"
    )
    if baseline:
        _f, py = cold([sys.executable, "-c", "pass"], env)
        _f, imp = cold([sys.executable, "-c", "import tracker.cli"], env)
        probe = (
            "import sys, tracker.cli; print(' '.join(m for m in ('spacy', 'dateparser', "
            "'alembic', 'tabulate', 'tracker.temporal') if m in sys.modules) or 'none')"
        )
        heavy = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env
        ).stdout.strip()
        print(
            f"  baseline: python -c pass {py:.2f} s; import tracker.cli {imp:.2f} s "
            f"(so the query itself takes ~{median - imp:.2f} s); heavy modules imported by "
            f"tracker.cli: {heavy}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (default: temporary)")
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it has events")
    parser.add_argument(
        "--layout",
        choices=("ingest", "shuffled"),
        default="ingest",
        help="rows in ingest order (articles by date, events of the weeks before each; the "
        "default) or shuffled (any date in any order: the worst case for date-ordered reads)",
    )
    parser.add_argument("--pg", default=None, metavar="ADMIN_URL", help="also run on PostgreSQL")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument(
        "--export-cap",
        type=float,
        default=float("inf"),
        metavar="SECONDS",
        help="stop the CSV export after this long and report the rate so far",
    )
    args = parser.parse_args(argv)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}; "
        f"scale: {args.events:,} events; load average {os.getloadavg()[0]:.1f}"
    )
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory(prefix="tracker-query-bench-") as tmp:
            path = args.db or Path(tmp) / "bench.db"
            if path.exists() and not args.reuse:
                print(f"error: {path} exists; give --reuse or another --db", file=sys.stderr)
                return 2
            measure(
                str(path),
                "SQLite",
                args.events,
                args.reuse,
                not args.no_baseline,
                args.export_cap,
                args.layout,
            )
    if args.pg:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        name = f"tracker_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        except Exception as exc:  # noqa: BLE001 - report and stop
            print(f"error: PostgreSQL at {args.pg} is not usable: {exc}", file=sys.stderr)
            return 2
        url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
        try:
            measure(
                url,
                "PostgreSQL",
                args.events,
                False,
                not args.no_baseline,
                args.export_cap,
                args.layout,
            )
        finally:
            if not args.keep:
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
