"""The benchmarks' shared corpus: TempEval-3 texts dumped by ../shared's scorer."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_DIR = SHARED / "data" / "tempeval3" / "tbaq"
SCORER = SHARED / "eval" / "score_timex.py"


def dump_corpus(timeml_dir: Path, out: Path) -> list[tuple[str, str, dt.date]]:
    """(docid, text, dct) of every document, via score_timex.py dump."""
    subprocess.run(
        [sys.executable, str(SCORER), "dump", str(timeml_dir), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    docs = []
    for txt in sorted(out.glob("*.txt")):
        with open(txt, encoding="utf-8", newline="") as fh:
            text = fh.read()
        dct = dt.date.fromisoformat(txt.with_suffix(".dct").read_text().strip()[:10])
        docs.append((txt.stem, text, dct))
    return docs
