"""Ingest memory: does `tracker add DIR` stay flat over 10,000 articles (issue 6)?

Usage: python benchmarks/ingest_memory.py [--articles N] [--jobs N] [--timeml-dir DIR]
       [--interval SECONDS] [--seed N] [--keep]

Generates N article files (default 10,000) in a temporary directory, in tracker's text layout
(title line, blank line, a date line such as "March 3, 2025", blank line, body of ~1-2 KB).
Bodies are runs of consecutive sentences cut at a random place from the texts of TIMEML_DIR
(default ../shared/data/tempeval3/tbaq, dumped with `score_timex.py dump` as
benchmarks/ingest.py does), with one to three invented diplomatic sentences inserted, each
naming people built from syllables, a place, a number and a date. Without TIMEML_DIR the
bodies come only from a small generator of such sentences. So every article is unique (no
duplicate content hash) and, as in a real archive, new names keep appearing: a few thousand
first names and an unbounded supply of surnames and places, each new string a new vocabulary
entry for spaCy and often a new person in the database.

Measured: `python -m tracker --db TMP/bench.db add DIR --jobs N --quiet` runs as a child
process. Every --interval seconds (0.5) this process reads the child's VmRSS from
/proc/PID/status (with --jobs > 1 also the sum over its descendants, spaCy's worker processes);
every ~1 s a separate read-only sqlite3 connection counts the rows of `articles` (WAL mode lets
it read while the child writes). Each RSS sample is placed at an article count interpolated
between the two count readings around it; samples after the last article is stored, or in the
last second before the child exits (the interpreter's teardown), are left out. Printed: RSS
after 10%, 25%, 50%, 75% and 100% of the articles (the last sample before each), the peak
(VmHWM last seen in /proc, and the child's ru_maxrss after it exits), the slope of RSS in MiB
per 1,000 articles over the second half (least squares over the samples with at least N/2
articles stored), the elapsed time and articles/s. RSS moves by tens of MB within a batch of
32 parses, so only the slope over thousands of articles says whether memory grows. Not
measured: the corpus generation, which happens before the child starts. Flat means a slope of
~0; a steady slope of more than a few MB per 1,000 articles is growth worth finding (issue 6).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import DEFAULT_DIR, SCORER, dump_corpus  # noqa: E402

FRACTIONS = (0.10, 0.25, 0.50, 0.75, 1.00)

# ---------------------------------------------------------------------------- the corpus

_SYLLABLES = (
    "ka ri mo sa ne lu ta vi do ran el bar kov ost mir zan dra pel tor gu "
    "an be chi fa ho ja li ma no pa qui ro su te ul ve ya ze ber cas dun fen "
    "gar hal jus kel lin mar nor pol rus sel tam ust vol wen"
).split()
_FIRST = (
    "Anna Ahmed Olena Kirill Marco Sofia Li Wei Amara Jonas Fatima Pedro Ingrid Tomas Leila "
    "Yusuf Maria Dmitri Ayesha Kenji Nadia Omar Elena Samuel Chiara Rafael Hana Viktor Zainab "
    "Lars Mei Andre Priya Hugo Selin Mateo Ines Bogdan Thandiwe Arjun Noor Pavel Rosa Kwame"
).split()
_ROLES = (
    "foreign minister",
    "prime minister",
    "president",
    "special envoy",
    "deputy foreign minister",
    "defence minister",
    "ambassador",
    "trade commissioner",
    "national security adviser",
    "chief negotiator",
)
_VERBS = (
    "met",
    "held talks with",
    "spoke by telephone with",
    "hosted",
    "signed an agreement with",
    "received",
    "will visit",
    "is expected to meet",
)
_TOPICS = (
    "a ceasefire",
    "grain exports",
    "prisoner exchanges",
    "energy prices",
    "the border dispute",
    "sanctions relief",
    "a new trade corridor",
    "fishing rights",
    "the nuclear programme",
    "refugee returns",
)


def _word(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(low, high))).capitalize()


class Invented:
    """Invented people and places: a growing cast, so names recur across articles (people
    resolution has work to do) while new ones keep arriving."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: list[str] = []
        self.places: list[str] = []

    def person(self) -> str:
        rng = self.rng
        if self.people and rng.random() < 0.7:
            return rng.choice(self.people)
        first = rng.choice(_FIRST) if rng.random() < 0.6 else _word(rng, 2, 2)
        name = f"{first} {_word(rng)}"
        self.people.append(name)
        return name

    def place(self) -> str:
        rng = self.rng
        if self.places and rng.random() < 0.85:
            return rng.choice(self.places)
        place = _word(rng, 2, 3) + rng.choice(("", "ia", "stan", "burg", "ova", " City"))
        self.places.append(place)
        return place

    def sentence(self, day: dt.date, serial: int) -> str:
        rng = self.rng
        a, b = self.person(), self.person()
        when = day - dt.timedelta(days=rng.randint(0, 20))
        date = rng.choice(
            (
                f"on {when:%A}",
                f"on {when:%B} {when.day}",
                "last week",
                "next month",
                f"in {when:%B} {when.year}",
                "on Tuesday",
                "two days ago",
            )
        )
        templates = (
            f"{a}, the {rng.choice(_ROLES)} of {self.place()}, {rng.choice(_VERBS)} {b} "
            f"in {self.place()} {date} to discuss {rng.choice(_TOPICS)}.",
            f"{a} {rng.choice(_VERBS)} {b} {date}, the {self.place()} delegation said in "
            f"statement No. {serial}.",
            f"Officials said {a} and {b} would meet in {self.place()} {date}, "
            f"after {serial % 97 + 3} rounds of talks on {rng.choice(_TOPICS)}.",
            f"{date[0].upper() + date[1:]}, {a} told reporters in {self.place()} that "
            f"{rng.choice(_TOPICS)} would top the agenda when {b} arrives.",
            f"The {rng.choice(_ROLES)} {a} cancelled a trip to {self.place()} planned for "
            f"{when:%B} {when.day}, citing talks with {b} (reference {serial}).",
        )
        return rng.choice(templates)


def dump_sentences(timeml_dir: Path, out: Path) -> list[list[str]]:
    """Each document's sentences (a plain split), via score_timex.py dump."""
    docs = []
    for _docid, text, _dct in dump_corpus(timeml_dir, out):
        sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text) if s.strip()]
        sents = [" ".join(s.split()) for s in sents if len(s.split()) >= 4]
        if len(sents) >= 3:
            docs.append(sents)
    return docs


def write_corpus(out: Path, n: int, rng: random.Random, docs: list[list[str]]) -> tuple[int, int]:
    """N unique articles in tracker's text layout; returns (bytes of body text, invented
    names)."""
    out.mkdir(parents=True, exist_ok=True)
    cast = Invented(rng)
    start = dt.date(2018, 1, 1)
    total = 0
    for i in range(n):
        day = start + dt.timedelta(days=rng.randint(0, 7 * 365))
        target = rng.randint(1000, 2000)
        sents: list[str] = []
        size = 0
        if docs:
            doc = rng.choice(docs)
            k = rng.randrange(len(doc))
            while size < target:
                sents.append(doc[k % len(doc)])
                size += len(sents[-1]) + 1
                k += 1
            for _ in range(rng.randint(1, 3)):
                sents.insert(rng.randrange(len(sents) + 1), cast.sentence(day, i))
        else:
            while size < target:
                sents.append(cast.sentence(day, i * 10 + len(sents)))
                size += len(sents[-1]) + 1
        paras, j = [], 0
        while j < len(sents):
            step = rng.randint(2, 4)
            paras.append(" ".join(sents[j : j + step]))
            j += step
        body = "\n\n".join(paras)
        title = f"{cast.person()} in {cast.place()}: talks report {i}"
        date_line = f"{day:%B} {day.day}, {day.year}"
        (out / f"a{i:06d}.txt").write_text(f"{title}\n\n{date_line}\n\n{body}\n", encoding="utf-8")
        total += len(body.encode("utf-8"))
    return total, len(cast.people) + len(cast.places)


# ---------------------------------------------------------------------------- sampling


def _status(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM of one process in KB ({} once it has exited)."""
    found = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line[:5]] = int(line.split()[1])
    except OSError:
        pass
    return found


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{p}/task/{tid}/children") as fh:
                    kids = [int(k) for k in fh.read().split()]
            except OSError:
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


def _count(db_path: Path) -> int | None:
    if not db_path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # schema not there yet, or a checkpoint in the way
        return None


def _at_count(readings: list[tuple[float, int]], t: float) -> float:
    """Articles stored at time t, interpolated between count readings."""
    if not readings or t <= readings[0][0]:
        return readings[0][1] if readings else 0.0
    for (t0, c0), (t1, c1) in zip(readings, readings[1:], strict=False):
        if t0 <= t <= t1:
            return c0 + (c1 - c0) * (t - t0) / (t1 - t0) if t1 > t0 else c1
    return readings[-1][1]


def _slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of (x, y)."""
    if len(points) < 3:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeml-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--interval", type=float, default=0.5, help="RSS sampling period (s)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (its path)")
    parser.add_argument("--samples", type=Path, help="also write every sample as TSV here")
    args = parser.parse_args(argv)
    if not Path("/proc/self/status").exists():
        print("error: this benchmark reads /proc (Linux only)", file=sys.stderr)
        return 2

    tmp = Path(tempfile.mkdtemp(prefix="tracker-memory-bench-"))
    try:
        rng = random.Random(args.seed)
        docs: list[list[str]] = []
        source = "built-in generator only"
        if args.timeml_dir.is_dir() and SCORER.exists():
            docs = dump_sentences(args.timeml_dir, tmp / "dump")
            source = f"{len(docs)} texts of {args.timeml_dir} + invented sentences"
        articles = tmp / "articles"
        kb, names = write_corpus(articles, args.articles, rng, docs)
        print(
            f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
            f"load average {os.getloadavg()[0]:.1f} (other processes skew every figure)"
        )
        print(
            f"corpus: {args.articles} articles, {kb / 1024:.0f} KB of body text "
            f"({kb / args.articles / 1024:.2f} KB each), {names} invented names/places; {source}"
        )
        db_path = tmp / "bench.db"
        cmd = [sys.executable, "-m", "tracker", "--db", str(db_path), "add", str(articles)]
        cmd += ["--jobs", str(args.jobs), "--quiet"]
        env = {k: v for k, v in os.environ.items() if k != "TRACKER_DB"}
        samples: list[tuple[float, int, int]] = []  # (t, main RSS KB, tree RSS KB)
        readings: list[tuple[float, int]] = []
        hwm = 0
        t0 = time.perf_counter()
        child = subprocess.Popen(
            cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        next_count = 0.0
        while child.poll() is None:
            now = time.perf_counter() - t0
            status = _status(child.pid)
            if status.get("VmRSS"):  # 0 right after the fork
                tree = status["VmRSS"]
                if args.jobs > 1:
                    tree += sum(_status(p).get("VmRSS", 0) for p in _descendants(child.pid))
                samples.append((now, status["VmRSS"], tree))
                hwm = max(hwm, status.get("VmHWM", 0))
            if now >= next_count:
                count = _count(db_path)
                if count is not None:
                    readings.append((time.perf_counter() - t0, count))
                next_count = now + 1.0
            time.sleep(args.interval)
        elapsed = time.perf_counter() - t0
        out, err = child.communicate()
        maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
        final = _count(db_path) or 0
        readings.append((elapsed, final))

        tail = (out.strip().splitlines() + err.strip().splitlines())[-3:]
        print(f"command: {' '.join(cmd[1:])} (exit {child.returncode}; {' | '.join(tail)})")
        if final == 0 or not samples:
            print("error: nothing stored or no samples", file=sys.stderr)
            return 1
        # Samples after the last article was stored, and in the last second before the exit,
        # show the interpreter's teardown (RSS falls as it frees the model): left out.
        t_end = min(next(t for t, c in readings if c >= final), samples[-1][0] - 1.0)
        samples = [s for s in samples if s[0] <= t_end] or samples[:1]
        placed = [(_at_count(readings, t), rss / 1024, tree / 1024) for t, rss, tree in samples]
        if args.samples:
            with open(args.samples, "w") as fh:
                fh.write("seconds\tarticles\trss_mb\ttree_mb\n")
                for (t, _r, _tr), (c, rss, tree) in zip(samples, placed, strict=True):
                    fh.write(f"{t:.1f}\t{c:.0f}\t{rss:.1f}\t{tree:.1f}\n")

        tree_note = " (main process; + workers)" if args.jobs > 1 else ""
        print(f"RSS of the child by articles stored{tree_note}:")
        for frac in FRACTIONS:
            want = frac * final
            before = [p for p in placed if p[0] <= want]  # the last sample before it
            hit = before[-1] if before else placed[0]
            extra = f"  + workers = {hit[2]:7.1f} MiB" if args.jobs > 1 else ""
            print(f"  {frac:4.0%} ({hit[0]:6.0f} articles): {hit[1]:7.1f} MiB{extra}")
        print(
            f"peak: VmHWM {hwm / 1024:.1f} MiB (last read), ru_maxrss {maxrss / 1024:.1f} MiB"
            + (f"; tree peak sampled {max(p[2] for p in placed):.1f} MiB" if args.jobs > 1 else "")
        )
        half = [(c, rss) for c, rss, _tree in placed if c >= final / 2]
        slope = _slope(half)
        if slope is None:
            print("slope: too few samples in the second half")
        else:
            verdict = "flat" if abs(slope * 1000) <= 2 else "GROWS"
            print(
                f"slope over the second half ({len(half)} samples): "
                f"{slope * 1000:+.2f} MiB per 1,000 articles ({verdict})"
            )
            if args.jobs > 1:
                tslope = _slope([(c, tree) for c, _r, tree in placed if c >= final / 2])
                if tslope is not None:
                    print(f"  process tree: {tslope * 1000:+.2f} MiB per 1,000 articles")
        print(
            f"elapsed: {elapsed:.1f} s, {final} articles stored, {final / elapsed:.1f} articles/s"
            f" ({kb / 1024 / elapsed:.1f} KB/s; includes interpreter start and model load)"
        )
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
