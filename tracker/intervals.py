"""Analysts' date intervals (--date, --from, --to): light, so read commands import it alone."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from tracker.errors import TrackerError


def parse_interval(value: str) -> tuple[dt.date, dt.date, str]:
    """An analyst's date: 2025-04-02, 2025-03-24..2025-03-30, 2025-W13, 2025-03, 2025-Q1, 2025."""
    value = value.strip()
    try:
        if ".." in value:
            a, b = (dt.date.fromisoformat(v.strip()) for v in value.split("..", 1))
            if a > b:
                raise TrackerError(f"--date {value!r}: start is after end")
            return a, b, "day" if a == b else "range"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + dt.timedelta(days=6), "week"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            first = (int(m[2]) - 1) * 3 + 1
            last = first + 2
            end = calendar.monthrange(int(m[1]), last)[1]
            return dt.date(int(m[1]), first, 1), dt.date(int(m[1]), last, end), "quarter"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31), "year"
        day = dt.date.fromisoformat(value)
        return day, day, "day"
    except ValueError as exc:
        raise TrackerError(
            f"--date {value!r} is not a date (YYYY-MM-DD, A..B, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY)"
        ) from exc
