"""Rendering: CSV is RFC 4180 and safe to open; tables fit the terminal."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from tracker.render import neutralise, render, render_to_string


def test_formula_cells_are_neutralised_unless_raw() -> None:
    rows = [{"a": "=HYPERLINK(1)", "b": "+1", "c": "-2", "d": "@x", "e": "\tz", "f": "ok"}]
    out = render_to_string(rows, list("abcdef"), fmt="csv")
    assert out.splitlines()[1] == "'=HYPERLINK(1),'+1,'-2,'@x,'\tz,ok"
    raw = render_to_string(rows, list("abcdef"), fmt="csv", raw=True)
    assert raw.splitlines()[1].startswith("=HYPERLINK(1),+1")


def test_csv_uses_crlf_and_quotes() -> None:
    out = render_to_string([{"a": 'say "hi", then', "b": 1}], ["a", "b"], fmt="csv")
    assert out == 'a,b\r\n"say ""hi"", then",1\r\n'


def test_table_fits_width_and_keeps_dates_whole() -> None:
    date = "2025-03-24..2025-03-30 (week)"
    rows = [{"date": date, "a": "x" * 300, "b": "y" * 300}]
    buf = io.StringIO()
    render(rows, ["date", "a", "b"], buf, width=120)
    lines = buf.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 120
    assert date in lines[2]


@given(st.lists(st.dictionaries(st.sampled_from(["a", "b"]), st.text()), max_size=5))
def test_json_and_csv_round_trip_any_text(rows: list[dict[str, str]]) -> None:
    data = json.loads(render_to_string(rows, ["a", "b"], fmt="json"))
    assert [d["a"] for d in data] == [r.get("a") for r in rows]
    parsed = list(
        csv.reader(io.StringIO(render_to_string(rows, ["a", "b"], fmt="csv", raw=True), newline=""))
    )
    assert len(parsed) == len(rows) + 1


def test_neutralise_leaves_numbers_alone() -> None:
    assert neutralise(-3) == -3
