"""A longer fuzz session over ingest -> tagging -> events, with the strategies of tests/test_fuzz.

Usage: python benchmarks/fuzz.py [SECONDS] [--chunk N] [--max-size CHARS]

Runs Hypothesis (no example database, so every chunk draws fresh inputs) over random Unicode,
tracker-layout articles built from adversarial fragments (digit runs, impossible dates, mixed
scripts, bidi and zero-width characters) and deeply nested HTML, until the time budget
(default 60 s) is spent. Every input goes through `tracker.ingest.parse_article`, then
`tracker.temporal.tag` and `tracker.events.extract_events` on one spaCy parse, with the
invariants of tests/test_fuzz.py (offsets point at their text, intervals have start <= end
and a known granularity). Reports how many inputs were tried, the time per input, and every
failure with its shrunk example; exits 1 if there was any.
Needs the test extras (hypothesis, pytest): pip install -e '.[test]'.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
import warnings
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

try:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - a clear message instead of a traceback
    sys.exit("benchmarks/fuzz.py needs Hypothesis: pip install -e '.[test]'")

from tests.test_fuzz import (  # noqa: E402
    PUBLISHED,
    adversarial_text,
    article_raw,
    check_pipeline,
    ingest,
    nested_html,
)
from tracker.nlp import load_nlp  # noqa: E402


def inputs(max_size: int) -> Any:
    return st.one_of(
        st.text(max_size=max_size),
        article_raw(),
        st.builds(
            nested_html,
            st.integers(1, 3000),
            adversarial_text(),
            st.sampled_from(["div", "p", "span", "b", "table", "li"]),
        ),
        st.builds(
            lambda unit, n: unit * n, st.sampled_from(["9", "31/02 ", "Ω "]), st.integers(1, 5000)
        ),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seconds", nargs="?", type=float, default=60.0)
    parser.add_argument("--chunk", type=int, default=50, help="examples per Hypothesis run")
    parser.add_argument("--max-size", type=int, default=5000, help="longest random text")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")

    t0 = time.perf_counter()
    nlp = load_nlp()
    print(f"model load: {time.perf_counter() - t0:.2f} s; budget {args.seconds:g} s")
    tried = 0
    refused = 0
    chars = 0
    failures: list[str] = []
    start = time.perf_counter()
    deadline = start + args.seconds

    @settings(
        max_examples=args.chunk,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(raw=inputs(args.max_size), published=PUBLISHED)
    def one(raw: str, published: Any) -> None:
        nonlocal tried, refused, chars
        if time.perf_counter() > deadline:
            return  # the rest of this chunk is skipped cheaply
        tried += 1
        chars += len(raw)
        check_pipeline(nlp, raw, published)
        article = ingest(raw)
        if article is None:
            refused += 1
            return
        check_pipeline(nlp, article.text, published)

    while time.perf_counter() < deadline:
        try:
            one()
        except Exception as exc:  # noqa: BLE001 - a finding: record it and go on
            text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            notes = "\n".join(getattr(exc, "__notes__", []))
            failures.append(f"{text}\n{notes}")
            print(f"FAILURE #{len(failures)}:\n{text}\n{notes}\n", file=sys.stderr)
    spent = time.perf_counter() - start
    print(
        f"tried {tried:,} inputs ({chars / 1e6:.1f} M characters) in {spent:.0f} s: "
        f"{tried / spent:.1f} inputs/s, {refused:,} refused by ingest with IngestError, "
        f"{len(failures)} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
