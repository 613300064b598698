"""TempEval-3 benchmark: tracker.temporal.tag() against dateparser's search_dates, same run.

Usage: python benchmarks/tempeval.py [TIMEML_DIR] [--no-baseline] [--errors] [--out DIR]

TIMEML_DIR defaults to ../shared/data/tempeval3/tbaq (relative to the repo root).  The
documents are dumped with `score_timex.py dump`, parsed once each with load_nlp(), tagged in
this process, and both prediction files are scored with `score_timex.py score`.

Timed: tag() (tagging + resolution) over every document, with its spaCy Doc already built;
dateparser's search_dates(text, languages=['en'], settings={'RELATIVE_BASE': dct}) plus the
offset search.  Not timed: the spaCy parse, model and locale loading, file I/O, scoring.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.nlp import load_nlp  # noqa: E402
from tracker.temporal import tag  # noqa: E402

DEFAULT_DIR = REPO / ".." / "shared" / "data" / "tempeval3" / "tbaq"


def _scorer(timeml_dir: Path) -> Path:
    """score_timex.py lives in shared/eval, two levels above data/tempeval3/<set>."""
    for base in [timeml_dir, *timeml_dir.parents]:
        cand = base / "eval" / "score_timex.py"
        if cand.exists():
            return cand
    return REPO / ".." / "shared" / "eval" / "score_timex.py"


def _load_docs(dump: Path) -> list[tuple[str, str, date]]:
    docs = []
    for txt in sorted(dump.glob("*.txt")):
        with open(txt, encoding="utf-8", newline="") as f:  # newline="" keeps offsets exact
            text = f.read()
        dct = date.fromisoformat((txt.with_suffix(".dct")).read_text().strip())
        docs.append((txt.stem, text, dct))
    return docs


def _run_tracker(docs: list[tuple[str, str, date]], nlp: object, out: Path) -> tuple[float, float]:
    """Tag every document with its parse; returns (tagging seconds, parse seconds).

    Each document is parsed just before it is tagged and dropped after, as in the pipeline,
    so the timing does not include garbage collection over 256 live spaCy Docs.
    """
    t = t_parse = 0.0
    with open(out, "w", encoding="utf-8") as f:
        for doc_id, text, dct in docs:
            t0 = time.perf_counter()
            doc = nlp(text)  # type: ignore[operator]
            t_parse += time.perf_counter() - t0
            t0 = time.perf_counter()
            timexes = tag(text, dct, doc)
            t += time.perf_counter() - t0
            for x in timexes:
                rec = {
                    "doc": doc_id,
                    "start": x.start,
                    "end": x.end,
                    "type": x.type,
                    "value": x.value,
                }
                f.write(json.dumps(rec) + "\n")
    return t, t_parse


def _dp_value(text: str, dt: datetime) -> tuple[str, str]:
    """Best-effort TimeML value for a dateparser hit (it gives a datetime, no granularity)."""
    if dt.hour or dt.minute:
        return "TIME", dt.strftime("%Y-%m-%dT%H:%M")
    return "DATE", dt.date().isoformat()


def _run_dateparser(docs: list[tuple[str, str, date]], out: Path) -> float:
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    search_dates("warm up on Monday", languages=["en"])  # locale loading is not timed
    t = 0.0
    with open(out, "w", encoding="utf-8") as f:
        for doc_id, text, dct in docs:
            base = datetime(dct.year, dct.month, dct.day)
            t0 = time.perf_counter()
            try:
                hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
            except Exception:  # dateparser raises on some inputs; count as no output
                hits = []
            pos = 0
            recs = []
            for sub, dt in hits:
                i = text.find(sub, pos)
                if i < 0:
                    continue
                pos = i + len(sub)
                typ, val = _dp_value(sub, dt)
                recs.append({"doc": doc_id, "start": i, "end": pos, "type": typ, "value": val})
            t += time.perf_counter() - t0
            for r in recs:
                f.write(json.dumps(r) + "\n")
    return t


def _score(scorer: Path, gold: Path, pred: Path, errors: bool) -> str:
    cmd = [sys.executable, str(scorer), "score", str(gold), str(pred)]
    if errors:
        cmd.append("--errors")
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


def _scaling(docs: list[tuple[str, str, date]], nlp: object) -> list[tuple[int, float]]:
    """Throughput of tag() on synthetic 2/8/32/128 KB documents (concatenated dev texts)."""
    pool = "\n\n".join(t for _, t, _ in docs)
    rows = []
    for kb in (2, 8, 32, 128):
        text = pool[: kb * 1024]
        doc = nlp(text)  # type: ignore[operator]
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            tag(text, date(1998, 6, 1), doc)
            best = min(best, time.perf_counter() - t0)
        rows.append((kb, len(text.encode("utf-8")) / 1024 / best))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("timeml_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 2..128 KB throughput runs")
    ap.add_argument("--errors", action="store_true", help="print tracker's error lists")
    ap.add_argument("--out", help="keep predictions here (default: a temp dir)")
    a = ap.parse_args()
    gold = Path(a.timeml_dir).resolve()
    if not gold.exists():
        sys.exit(f"no TimeML directory at {gold}")
    scorer = _scorer(gold)
    work = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix="tempeval_"))
    work.mkdir(parents=True, exist_ok=True)
    dump = work / "dump"
    subprocess.run([sys.executable, str(scorer), "dump", str(gold), str(dump)], check=True,
                   capture_output=True)  # fmt: skip
    docs = _load_docs(dump)
    kb = sum(len(t.encode("utf-8")) for _, t, _ in docs) / 1024

    t0 = time.perf_counter()
    nlp = load_nlp()
    t_load = time.perf_counter() - t0
    pred = work / "tracker.jsonl"
    t_tr, t_parse = _run_tracker(docs, nlp, pred)
    print(f"== tracker.temporal.tag on {gold} ({len(docs)} docs, {kb:.0f} KB)")
    print(_score(scorer, gold, pred, a.errors))
    print(f"tracker: {t_tr:.2f} s tagging+resolution = {kb / t_tr:.0f} KB/s "
          f"(not timed: model load {t_load:.1f} s, spaCy parse {t_parse:.1f} s)")  # fmt: skip

    if not a.no_baseline:
        dpred = work / "dateparser.jsonl"
        t_dp = _run_dateparser(docs, dpred)
        print("\n== dateparser.search_dates (RELATIVE_BASE = DCT, languages=['en'])")
        print(_score(scorer, gold, dpred, False))
        print(f"dateparser: {t_dp:.2f} s = {kb / t_dp:.1f} KB/s (locale loading not timed)")
        print(f"\nspeed ratio tracker/dateparser: {t_dp / t_tr:.1f}x")

    if not a.no_scaling:
        print("\n== tag() throughput by document size (tagging+resolution; parse not timed)")
        for size, kbs in _scaling(docs, nlp):
            print(f"  {size:4d} KB: {kbs:8.0f} KB/s")
    print(f"\npredictions in {work}")


if __name__ == "__main__":
    main()
