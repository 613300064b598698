"""Ingest throughput: `tracker add` end to end against a do-it-yourself NER + dateparser pipeline.

Usage: python benchmarks/ingest.py [TIMEML_DIR] [--jobs 1 2] [--rounds 3] [--limit N]
       [--no-baseline] [--same-ops-baseline]

TIMEML_DIR defaults to ../shared/data/tempeval3/tbaq (relative to the repo root; 256 TimeML
news documents). Their plain text is dumped with `score_timex.py dump` into a temporary
directory; each document becomes a text file in tracker's article layout (title line, the
publication date from its .dct file as a date line, then the body), so one `add_many` call per
run ingests the whole directory with per-file dates, as `tracker add DIR --jobs N` does.

Timed, per run, in this process, into a fresh SQLite file (schema created before the clock
starts): `tracker.api.add_many(db, files, jobs=N)` consumed to the end: reading and cleaning
each file, spaCy parsing (nlp.pipe; N processes for --jobs N), time tagging, event
extraction, people resolution and one committed transaction per article.
Baseline, same texts, same process: spaCy en_core_web_sm as shipped (tracker.nlp.load_model, a
fresh pipeline) run on each text plus dateparser
`search_dates(text, languages=['en'], settings={'RELATIVE_BASE': dct})`, no database.
--same-ops-baseline adds a second baseline run on tracker's own pipeline (tracker.nlp.load_nlp:
the same networks with NumPy's BLAS for the matrix products, one thread), to show how much of
tracker's lead that change alone gives.
Not timed: model loading and dateparser's first call (reported separately), dumping the corpus.
Throughput is measured over the dumped texts' UTF-8 size.
Targets (issue 6): tracker --jobs 1 >= 1.5x the baseline; --jobs 2 near 2x --jobs 1.
Both single-process runs also report their CPU time (time.process_time). The runs alternate in
rounds (baseline, then tracker), and the median of the paired per-round ratios is the figure:
the speed of a shared machine drifts by 20% between minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker import api  # noqa: E402
from tracker.db import open_database  # noqa: E402
from tracker.nlp import load_model, load_nlp  # noqa: E402

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import DEFAULT_DIR, SCORER, dump_corpus  # noqa: E402


def write_articles(docs: list[tuple[str, str, dt.date]], out: Path) -> list[str]:
    """Tracker's text layout: title, date line, body (the date line sets --published)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for docid, text, dct in docs:
        path = out / f"{docid}.txt"
        date_line = f"{dct:%B} {dct.day}, {dct.year}"
        path.write_text(f"{docid}\n\n{date_line}\n\n{text.strip()}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def run_tracker(paths: list[str], db_path: Path, jobs: int) -> tuple[float, float, int, int, int]:
    """Wall seconds, this process's CPU seconds, articles added, failures, events of one
    add_many run into a fresh DB."""
    db = open_database(str(db_path))
    added = failed = events = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for result in api.add_many(db, paths, jobs=jobs):
        if isinstance(result, api.AddFailure):
            failed += 1
            print(f"  failed: {result.message}", file=sys.stderr)
        elif result.created:
            added += 1
            events += result.events
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    db.dispose()
    return seconds, cpu, added, failed, events


def run_baseline(docs: list[tuple[str, str, dt.date]], nlp: Any) -> tuple[float, float, int, int]:
    """spaCy NER + dateparser search_dates on every text: wall and CPU seconds, entities,
    dates found."""
    from dateparser.search import search_dates

    ents = dates = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for _docid, text, dct in docs:
        doc = nlp(text)
        ents += len(doc.ents)
        base = dt.datetime(dct.year, dct.month, dct.day)
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
        dates += len(found or [])
    return time.perf_counter() - t0, time.process_time() - c0, ents, dates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("timeml_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--same-ops-baseline",
        action="store_true",
        help="also run the baseline on tracker's pipeline (its faster matrix products)",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternating baseline/tracker rounds (median)"
    )
    args = parser.parse_args(argv)

    if not args.timeml_dir.is_dir() or not SCORER.exists():
        print(
            f"error: {args.timeml_dir} or {SCORER} is missing; this benchmark needs ../shared "
            "next to the repository (or give a TimeML directory)",
            file=sys.stderr,
        )
        return 2
    warnings.filterwarnings("ignore")

    with tempfile.TemporaryDirectory(prefix="tracker-ingest-bench-") as tmp_name:
        tmp = Path(tmp_name)
        docs = dump_corpus(args.timeml_dir, tmp / "dump")[: args.limit]
        paths = write_articles(docs, tmp / "articles")
        kb = sum(len(text.encode("utf-8")) for _d, text, _t in docs) / 1024
        n = len(docs)
        print(
            f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
            f"load average {os.getloadavg()[0]:.1f} (other processes skew every figure)"
        )
        print(f"corpus: {n} documents, {kb:.0f} KB of text ({args.timeml_dir})")

        t0 = time.perf_counter()
        load_nlp()
        print(f"model load (en_core_web_sm, once per process): {time.perf_counter() - t0:.2f} s")
        shipped = None if args.no_baseline else load_model()  # the baseline's own pipeline

        if not args.no_baseline:
            from dateparser.search import search_dates

            t0 = time.perf_counter()
            search_dates("on Friday", languages=["en"])
            print(f"dateparser first call (locale load): {time.perf_counter() - t0:.2f} s")
        # A warm-up article, so every run below starts with the same imports done.
        run_tracker(paths[:1], tmp / "warmup.db", 1)

        # Rounds alternate baseline and tracker runs, so a slow phase of a shared machine
        # hits both; each round's ratio is paired, and the median over rounds is reported.
        base_runs: list[float] = []
        same_runs: list[float] = []
        runs: dict[int, list[float]] = {jobs: [] for jobs in args.jobs}
        for rnd in range(1, args.rounds + 1):
            print(f"round {rnd}:")
            if not args.no_baseline:
                base_s, base_cpu, ents, dates = run_baseline(docs, shipped)
                base_runs.append(base_s)
                print(
                    f"  baseline spaCy NER + dateparser: {base_s:6.2f} s  {kb / base_s:7.1f} KB/s"
                    f"  {n / base_s:6.1f} articles/s  ({ents} entities, {dates} dates; "
                    f"CPU {base_cpu:.2f} s)"
                )
                if args.same_ops_baseline:
                    same_s, _cpu, same_ents, _dates = run_baseline(docs, load_nlp())
                    same_runs.append(same_s)
                    print(
                        f"  baseline on tracker's pipeline:  {same_s:6.2f} s  "
                        f"{kb / same_s:7.1f} KB/s  ({same_ents} entities)"
                    )
            for jobs in args.jobs:
                secs, cpu, added, failed, events = run_tracker(
                    paths, tmp / f"jobs{jobs}-{rnd}.db", jobs
                )
                runs[jobs].append(secs)
                cpu_note = f"; CPU {cpu:.2f} s" if jobs == 1 else ""
                print(
                    f"  tracker add --jobs {jobs}:          {secs:6.2f} s  {kb / secs:7.1f} KB/s"
                    f"  {n / secs:6.1f} articles/s  ({added} added, {failed} failed, "
                    f"{events} events{cpu_note})"
                )

        print(f"\nmedians over {args.rounds} round(s):")
        if base_runs:
            base = statistics.median(base_runs)
            print(f"  baseline: {base:.2f} s = {kb / base:.1f} KB/s")
        for jobs, secs_list in runs.items():
            secs = statistics.median(secs_list)
            print(f"  tracker --jobs {jobs}: {secs:.2f} s = {kb / secs:.1f} KB/s")
        if base_runs:
            for jobs, secs_list in runs.items():
                paired = [b / t for b, t in zip(base_runs, secs_list, strict=True)]
                ratio = statistics.median(paired)
                target = ""
                if jobs == 1:
                    target = f" (target >= 1.5x: {'meets' if ratio >= 1.5 else 'MISSES'})"
                rounds = ", ".join(f"{r:.2f}" for r in paired)
                print(
                    f"tracker --jobs {jobs} vs baseline: {ratio:.2f}x{target}  [rounds: {rounds}]"
                )
        if same_runs and 1 in runs:
            paired = [b / t for b, t in zip(same_runs, runs[1], strict=True)]
            print(
                f"tracker --jobs 1 vs the baseline on tracker's pipeline: "
                f"{statistics.median(paired):.2f}x"
            )
        if 1 in runs:
            for jobs, secs_list in runs.items():
                if jobs > 1:
                    gain = statistics.median(
                        one / other for one, other in zip(runs[1], secs_list, strict=True)
                    )
                    print(
                        f"--jobs {jobs} vs --jobs 1: {gain:.2f}x (linear would be {jobs}x; "
                        f"{os.cpu_count()} cores)"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
