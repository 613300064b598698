"""One output path for every listing: table, csv, json, jsonl, to stdout or a file."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("table", "csv", "json", "jsonl")
# Spreadsheet programs run cells that start with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)
CSV_LINE_END = "\r\n"  # RFC 4180


def csv_text(rows: Iterable[Iterable[Any]]) -> str:
    """Rows as CSV text, exactly as `render(..., fmt="csv")` writes them (the cached export
    lines of tracker.queries are made with this)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=CSV_LINE_END).writerows(rows)
    return buffer.getvalue()


def neutralise(value: Any) -> Any:
    """Prefix a formula-like string with ' so a spreadsheet shows it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _truncate(value: Any, width: int) -> Any:
    if isinstance(value, str):
        value = " ".join(value.split())
        if len(value) > width:
            return value[: max(1, width - 1)] + "…"
    return value


KEEP_WHOLE = 32  # dates with granularity ("2025-03-24..2025-03-30 (week)") are never cut


def _fit_table(rows: list[dict[str, Any]], columns: list[str], width: int) -> list[list[Any]]:
    """Shrink the widest long text columns until the table fits the terminal."""
    widths = {c: max([len(c)] + [len(str(r.get(c, ""))) for r in rows]) for c in columns}
    budget = width - 2 * (len(columns) - 1)
    while sum(widths.values()) > budget:
        widest = max(widths, key=lambda c: widths[c])
        if widths[widest] <= KEEP_WHOLE:
            break
        widths[widest] = max(KEEP_WHOLE, widths[widest] - max(1, widths[widest] // 8))
    return [[_truncate(r.get(c, ""), widths[c]) for c in columns] for r in rows]


def terminal_width(out: TextIO) -> int:
    """The terminal's width; 160 (or $COLUMNS) when writing to a pipe or file."""
    isatty = getattr(out, "isatty", lambda: False)
    if isatty():
        return shutil.get_terminal_size((120, 24)).columns
    return shutil.get_terminal_size((160, 24)).columns if "COLUMNS" in os.environ else 160


def render(
    rows: Iterable[dict[str, Any]],
    columns: list[str],
    out: TextIO,
    fmt: str = "table",
    tablefmt: str | None = None,
    headers: bool = True,
    raw: bool = False,
    width: int | None = None,
) -> int:
    """Write rows in the chosen format; returns how many rows were written."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator=CSV_LINE_END)
        if headers:
            writer.writerow(columns)
        same_columns = list(getattr(rows, "columns", ())) == list(columns)
        line_chunks = getattr(rows, "csv_chunks", None)
        if line_chunks is not None and same_columns and not raw:
            # Export rows with their stored CSV lines (tracker.queries.export_line_chunks).
            for text, n in line_chunks():
                out.write(text)
                count += n
            return count
        batches = getattr(rows, "batches", None)
        if batches is not None and same_columns:
            # Export rows (tracker.queries.ExportRows): tuples in column order, formula cells
            # already neutralised by the query; csv.writer takes whole batches.
            for batch in batches(neutral=not raw):
                writer.writerows(batch)
                count += len(batch)
            return count
        for row in rows:
            cells = [row.get(c, "") for c in columns]
            if not raw:
                cells = [
                    "'" + c if c.__class__ is str and c[:1] in _FORMULA_FIRST else c for c in cells
                ]
            writer.writerow(cells)
            count += 1
        return count
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "json":
        items = [{c: row.get(c) for c in columns} for row in rows]
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return len(items)
    materialised = list(rows)
    if not materialised:
        return 0
    if tablefmt is None:
        body = _fit_table(materialised, columns, width or terminal_width(out))
        out.write(simple_table(body, columns if headers else None))
    else:
        from tabulate import tabulate

        body = [[r.get(c, "") for c in columns] for r in materialised]
        out.write(tabulate(body, headers=columns if headers else (), tablefmt=tablefmt))
        out.write("\n")
    return len(materialised)


def simple_table(body: list[list[Any]], headers: list[str] | None) -> str:
    """tabulate's "simple" layout for the default table, without tabulate's per-cell type
    inference (the cost that matters when a cold `tracker timeline` prints 500 rows)."""
    cells = [["" if c is None else str(c) for c in row] for row in body]
    ncols = len(headers) if headers else len(cells[0])
    numeric = [
        all(row[i].lstrip("-").isdigit() for row in cells if row[i]) and any(r[i] for r in cells)
        for i in range(ncols)
    ]
    widths = [
        max([len(headers[i]) if headers else 0] + [len(row[i]) for row in cells])
        for i in range(ncols)
    ]

    def line(values: list[str]) -> str:
        parts = [
            v.rjust(widths[i]) if numeric[i] else v.ljust(widths[i]) for i, v in enumerate(values)
        ]
        return "  ".join(parts).rstrip()

    lines = []
    if headers:
        lines.append(line(list(headers)))
        lines.append("  ".join("-" * w for w in widths))
    lines.extend(line(row) for row in cells)
    return "\n".join(lines) + "\n"


def render_to_string(rows: Iterable[dict[str, Any]], columns: list[str], **kwargs: Any) -> str:
    buf = io.StringIO()
    render(rows, columns, buf, **kwargs)
    return buf.getvalue()
