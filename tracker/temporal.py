"""Temporal tagging and resolution: time expressions -> TimeML TIMEX3 values and date intervals.

Two stages (see STYLE.md, "Tag, then resolve"):

1. *Tag*: every rule of `tracker.rules.temporal_rules` scans the text once; overlapping
   candidates are settled longest-first, and context checks reject false positives
   (modal "may", "March" as a verb, "Sunday Times", numbers that are not years).
2. *Resolve*: in text order, each kept match goes to the resolver its rule names, with the
   publication date, the tense of the governing verb (from the spaCy parse when given, else
   a lexical window) and the narrative anchor (the last date mentioned, for "the day before").

Intervals follow the contract in the diplomatic dev README: weeks run Monday..Sunday,
"early/mid/late July" are days 1-10/11-20/21-end, "late last year" is the last quarter,
a bare weekday in the past is the most recent one on or before publication.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tracker.rules.temporal_rules import COMPILED, RULE_TRIGGERS, TRIGGER_WORDS, Rule
from tracker.rules.temporal_vocab import (
    AMBIGUOUS_HOLIDAYS,
    AMBIGUOUS_MONTHS,
    HOLIDAY_CALENDAR_WORDS,
    HOLIDAYS,
    MONTH_CONTEXT_BEFORE,
    MONTHS,
    NOT_YEAR_NOUNS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    SCHEDULED_NOUNS,
    SEASON_START,
    SEASONS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_SPANS,
    WEEKDAY_NAME_NOUNS,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DateMention", "Timex", "date_mentions", "tag"]


@dataclass(frozen=True)
class Timex:
    """One TimeML TIMEX3 with the calendar interval it denotes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    granularity: str | None = None
    anchor: str = "published"


@dataclass(frozen=True)
class DateMention:
    """A timex with an interval, or several adjacent ones merged into one range."""

    start: int
    end: int
    text: str
    date_start: date
    date_end: date
    granularity: str
    timexes: tuple[Timex, ...]


# --------------------------------------------------------------------------- calendar helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _week_value(d: date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy}-W{iw:02d}"


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _quarter_span(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _easter(y: int) -> date:
    """Anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> date:
    """n-th ISO weekday wd of a month; n = -1 for the last one."""
    if n > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(wd - 1 - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(y, m)
    return last - timedelta(days=(last.weekday() - (wd - 1)) % 7)


def _holiday_date(name: str, y: int) -> date | None:
    name = re.sub(r"\s+", " ", name.lower())
    if name in HOLIDAYS:
        m, d = HOLIDAYS[name]
        return date(y, m, d)
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 4, 4)
    if name == "easter week":  # the week that ends on Easter Sunday
        return _easter(y) - timedelta(days=6)
    if name.startswith("easter"):
        return _easter(y)
    if name == "good friday":
        return _easter(y) - timedelta(days=2)
    if name == "election day":
        return _nth_weekday(y, 11, 1, 1) + timedelta(days=1)
    if name == "labor day":
        return _nth_weekday(y, 9, 1, 1)
    if name == "memorial day":
        return _nth_weekday(y, 5, 1, -1)
    return None


# --------------------------------------------------------------------------- numbers

_WORD_NUM = {**NUMBERS, **{k: v for k, v in ORDINALS.items() if not k[0].isdigit()}}


def _number(s: str) -> float | None:
    """A quantity word or numeral -> number; None for vague quantities ("several")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s.endswith(" 1/2"):
        s, half = s[:-4], 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) + half
    if s in NUMBERS:
        return NUMBERS[s] + half
    parts = re.split(r"[\s-]", s)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def _year_int(s: str | None) -> int:
    """A year in digits or words: "1994", "nineteen ninety-four", "two thousand"."""
    s = re.sub(r"[\s-]+", " ", (s or "").lower().strip())
    if s.isdigit():
        return int(s)
    if s.startswith("two thousand"):
        rest = s[len("two thousand") :].replace("and", "").strip()
        return 2000 + int(_number(rest) or 0) if rest else 2000
    rest = s[len("nineteen") :].replace("hundred", "").replace("and", "").strip()
    return 1900 + int(_number(rest) or 0)


def _fmt_num(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _duration_value(n: float | None, unit: str) -> str:
    """TimeML duration: P3Y, PT48H, P2Y6M, PXD."""
    unit = UNIT_PLURALS.get(unit.lower(), unit.lower())
    letter, mult, is_time = UNITS[unit]
    pre = "PT" if is_time else "P"
    if n is None:
        if mult >= 10:
            return {10: "PXE", 100: "PXC", 1000: "PXL"}[mult]
        return f"{pre}X{letter}"
    n *= mult
    if n != int(n):  # halves go to the next smaller unit
        whole = int(n)
        smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H")}
        if is_time:
            smaller = {"H": (60, "M"), "M": (60, "S")}
        if letter in smaller:
            k, sl = smaller[letter]
            rest = round((n - whole) * k)
            if letter == "D":
                return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
            if is_time:
                return f"PT{whole}{letter}{rest}{sl}" if whole else f"PT{rest}{sl}"
            return f"P{whole}{letter}{rest}{sl}" if whole else f"P{rest}{sl}"
    return f"{pre}{_fmt_num(n)}{letter}"


# --------------------------------------------------------------------------- tense


_FUT_INCL_RE = re.compile(
    r"\b(?:would|'d|(?:was|were)\s+(?:due|expected|scheduled|set|slated|supposed|going|poised)"
    r"\s+to|(?:was|were)\s+to)\b",
    re.I,
)
_FUT_RE = re.compile(
    r"\b(?:will|'ll|shall|won't|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|"
    r"(?:is|are|'s|'re|be)\s+(?:due|expected|scheduled|set|slated|poised|likely)\s+to|"
    r"(?:is|are)\s+to|to\s+be\s+held|next|upcoming|hopes?\s+to|aims?\s+to|scheduled|slated|"
    r"(?<!as\s)(?<!previously\s)planned|(?:expected|due)\s+(?:on|for))\b",
    re.I,
)
_SENT_BREAK = re.compile(r"[.!?][\'\"’”`]*\s|\n")
# Words just before an expression that put it in the future whatever the verb's tense.
_NEAR_FUTURE = re.compile(
    r"(?:effective|as\s+(?:early|soon)\s+as|(?:scheduled|slated|planned|due)\s+(?:for|on)|set\s+for|"
    r"(?:postponed|delayed|adjourned|deferred)\s+(?:until|till|to)|starting|beginning|"
    r"no\s+later\s+than)\s+(?:on\s+|in\s+|the\s+)?$",
    re.I,
)
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:on\s+|in\s+|the\s+)?$", re.I)
_FUTURE_HEADS = frozenset(
    {"due", "expect", "schedule", "set", "slate", "plan", "go", "intend", "hope", "aim",
     "poise", "likely", "prepare", "supposed", "suppose", "want", "seek", "decide", "agree",
     "promise", "vow", "pledge", "threaten", "offer", "invite", "urge", "ask", "propose"}
)  # fmt: skip
# A commitment told in the past perfect still looks ahead: "the two had agreed to meet in
# September" (published in August) is this September, unlike "had been due to meet Friday".
_COMMIT_HEADS = frozenset(
    {"agree", "promise", "vow", "pledge", "decide", "offer", "propose", "invite", "urge", "ask"}
)
_PARTICIPLE_DEPS = frozenset({"advcl", "acl", "xcomp", "conj", "pcomp", "relcl"})
_SCHEDULED = frozenset({"expect", "schedule", "slate", "plan", "due", "propose", "set"})
_PLAN_VERBS = frozenset({"plan", "schedule", "slate", "postpone", "reschedule", "adjourn", "defer"})
_SCHEDULE_VERBS = frozenset(
    {"begin", "start", "open", "close", "meet", "leave", "arrive", "resume", "end", "expire",
     "hold", "visit", "travel", "return", "vote", "head", "take", "convene", "depart", "fly"}
)  # fmt: skip


def _lexical_tense(text: str, start: int, end: int) -> str:
    """Tense from words near the expression, when no parse is given: news defaults to past."""
    lo = max(0, start - 90)
    left = text[lo:start]
    br = list(_SENT_BREAK.finditer(left))
    if br:
        left = left[br[-1].end() :]
    right = text[end : end + 50]
    m = _SENT_BREAK.search(right)
    if m:
        right = right[: m.start()]
    window = left + " " + right
    if _FUT_INCL_RE.search(window):
        return "future_incl"
    if _FUT_RE.search(window):
        return "future"
    return "past"


def _verb_tense(v: object, depth: int = 0) -> str | None:
    """Tense of one spaCy verb token: past, future, future_incl or present."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]  # type: ignore[attr-defined]
    lowers = {a.lower_ for a in auxes}
    if "have" in lowers and lowers & {"may", "might", "must", "should", "could", "would", "'d"}:
        return "past"  # "may have been responsible for a drop on Wednesday"
    if lowers & {"will", "'ll", "shall", "wo"}:
        return "future"
    if lowers & {"would", "'d"}:
        return "future_incl"
    if lowers & {"may", "might", "should", "must"}:
        return "future"
    if lowers & {"could", "can"}:
        return None
    if v.lemma_ in _PLAN_VERBS:  # type: ignore[attr-defined]
        return "future_incl"
    tag = v.tag_  # type: ignore[attr-defined]
    head = v.head  # type: ignore[attr-defined]
    if (
        tag == "VB"
        and not auxes
        and v.dep_ == "conj"  # type: ignore[attr-defined]
        and head.pos_ in ("VERB", "AUX")
        and depth < 3
    ):
        return _verb_tense(head, depth + 1)  # "is scheduled to arrive ... and hold a summit"
    if "to" in lowers and head is not v and depth < 3:
        if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
            cop = head.head if head.head.lemma_ == "be" else head
            if head.lemma_.lower() not in _COMMIT_HEADS and any(
                c.lower_ == "had" for c in (*head.children, *cop.children)
            ):
                return "past"  # "had been due to expire Friday": the plan is over
            ht = _verb_tense(head, depth + 1) if head.pos_ in ("VERB", "AUX", "ADJ") else None
            if ht is None:  # "due" as ADJ: the tense is on its copula, child or head
                cops = [c for c in head.children if c.dep_ in ("cop", "aux")]
                if head.head is not head and head.head.lemma_ == "be":
                    cops.append(head.head)
                ht = "past" if any(c.tag_ == "VBD" for c in cops) else "present"
            return "future_incl" if ht == "past" else "future"
        if head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head, depth + 1)
        if tag == "VB":  # "an agreement to acquire ... in January"
            return "future_incl"
    if "to" in lowers and tag == "VB" and (head.i == v.i or v.dep_ in ("acl", "relcl")):
        return "future"  # headline infinitive: "Trump, Putin to meet Friday in Alaska"
    if tag == "VBG" and not auxes and depth < 3:
        # A participle or gerund clause ("addressing the assembly on Wednesday, he said";
        # "after meeting him on Monday, she flew") takes the tense of the verb it depends on.
        gov = head.head if head.pos_ == "ADP" else head
        dep = v.dep_  # type: ignore[attr-defined]
        if gov is not v and gov.pos_ in ("VERB", "AUX") and dep in _PARTICIPLE_DEPS:
            gt = _verb_tense(gov, depth + 1)
            if gt is not None:
                return gt
    if tag == "VBG":
        if any(a.tag_ == "VBD" for a in auxes) or "been" in lowers:
            return "past"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"
    if tag == "VBD":
        return "past"
    if tag == "VBN":
        if lowers & {"is", "are", "'s", "'re", "am", "be"}:
            return "future" if v.lemma_ in _FUTURE_HEADS else "present"  # type: ignore[attr-defined]
        return "past"
    if tag in ("VBZ", "VBP"):
        if v.lemma_ in _SCHEDULE_VERBS:  # type: ignore[attr-defined]
            return "future"
        return "present"
    return None


def _governor(doc: Doc, start: int, end: int) -> object | None:
    """The verb that governs the expression at start..end, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and not (span.start <= tok.i < span.end):
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_ not in _SCHEDULED:
                return tok  # "the injunction issued Thursday"; not "a summit set for May"
            if not (tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBN", "VBG")):
                return tok
        if tok.head is tok:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


_SPEECH_LEMMAS = frozenset(
    {"say", "tell", "announce", "state", "add", "write", "warn", "declare", "confirm", "insist"}
)


def _spacy_tense(doc: Doc, start: int, end: int) -> str | None:
    tok = _governor(doc, start, end)
    if tok is None:
        return None
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # type: ignore[attr-defined]
        return "past"  # a reduced passive relative: "shares issued July 1"
    head = tok.head  # type: ignore[attr-defined]
    if tok.dep_ == "ccomp" and head.lemma_ in _SPEECH_LEMMAS and head.i < tok.i:  # type: ignore[attr-defined]
        # "Vucic said on Monday he would stay away": the parser may hang the date on the
        # reported clause, but a date between the speech verb and the clause's own words
        # is the speech's
        first = doc.char_span(start, end, alignment_mode="expand")
        subjects = [c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]  # type: ignore[attr-defined]
        if first is not None and subjects and head.i < first.start < min(subjects):
            return _verb_tense(head)
    return _verb_tense(tok)


def _past_perfect(doc: Doc, start: int, end: int) -> bool:
    """The governing verb is in the past perfect ("until Thursday, they had not called")."""
    tok = _governor(doc, start, end)
    children = tok.children if tok is not None else ()  # type: ignore[attr-defined]
    return any(c.lower_ == "had" for c in children)


# --------------------------------------------------------------------------- resolution context


@dataclass
class _Res:
    """What a resolver returns before offsets are attached."""

    type: str
    value: str
    mod: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    granularity: str | None = None
    anchor: str = "published"


@dataclass
class _Ctx:
    text: str
    dct: date
    doc: Doc | None
    last_day: date | None = None
    last_day_end: date | None = None  # last day of a short range ("March 3-5"), else last_day
    last_week: date | None = None  # start of the last date of day or week precision
    # the same anchors, counting only dates on or before publication: a past-tense "the next
    # day" never counts from a deadline or a plan that lies ahead ("... to 1 August")
    past_day: date | None = None
    past_day_end: date | None = None
    past_week: date | None = None
    last: _Res | None = None
    last_end: int = -1
    last_quarter: tuple[int, int] | None = None
    period_year: bool = False  # the report last spoke of a period longer than a quarter
    tense_cache: dict[tuple[int, int], str] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str:
        key = (start, end)
        if key not in self.tense_cache:
            if _NEAR_FUTURE.search(self.text, max(0, start - 30), start) or (
                _UNTIL.search(self.text, max(0, start - 12), start)
                and not (self.doc is not None and _past_perfect(self.doc, start, end))
            ):
                self.tense_cache[key] = "future_incl"
                return "future_incl"
            t = _spacy_tense(self.doc, start, end) if self.doc is not None else None
            if t is None:
                t = _lexical_tense(self.text, start, end)
            elif t in ("present", "past"):  # an explicit future cue nearby wins over present
                lt = _lexical_tense(self.text, start, end)
                if t == "present" and lt != "past":
                    t = lt
            self.tense_cache[key] = t
        return self.tense_cache[key]


Groups = dict[str, str | None]
Resolver = Callable[[Groups, "_Ctx", int, int], "_Res | None"]

_MOD_PART = {"early": "START", "mid": "MID", "late": "END"}


def _part_mod(part: str | None) -> str | None:
    if not part:
        return None
    p = part.lower()
    if p in _MOD_PART:
        return _MOD_PART[p]
    if "beginning" in p or "start" in p:
        return "START"
    if "middle" in p:
        return "MID"
    if "end" in p:
        return "END"
    return None


def _day(d: date, anchor: str, typ: str = "DATE", suffix: str = "") -> _Res:
    return _Res(typ, d.isoformat() + suffix, None, d, d, "day", anchor)


def _month_res(y: int, m: int, anchor: str, mod: str | None = None) -> _Res:
    if mod == "START":
        return _Res("DATE", f"{y}-{m:02d}", mod, date(y, m, 1), date(y, m, 10), "range", anchor)
    if mod == "MID":
        return _Res("DATE", f"{y}-{m:02d}", mod, date(y, m, 11), date(y, m, 20), "range", anchor)
    if mod == "END":
        return _Res("DATE", f"{y}-{m:02d}", mod, date(y, m, 21), _month_end(y, m), "range", anchor)
    return _Res("DATE", f"{y}-{m:02d}", mod, date(y, m, 1), _month_end(y, m), "month", anchor)


def _year_res(y: int, anchor: str, mod: str | None = None) -> _Res:
    if mod == "START":
        return _Res("DATE", str(y), mod, date(y, 1, 1), date(y, 3, 31), "quarter", anchor)
    if mod == "END":
        return _Res("DATE", str(y), mod, date(y, 10, 1), date(y, 12, 31), "quarter", anchor)
    if mod == "MID":
        return _Res("DATE", str(y), mod, date(y, 4, 1), date(y, 9, 30), "range", anchor)
    return _Res("DATE", str(y), mod, date(y, 1, 1), date(y, 12, 31), "year", anchor)


def _week_res(d: date, anchor: str, mod: str | None = None) -> _Res:
    mon = _monday(d)
    return _Res("DATE", _week_value(d), mod, mon, mon + timedelta(days=6), "week", anchor)


def _quarter_res(y: int, q: int, anchor: str) -> _Res:
    s, e = _quarter_span(y, q)
    return _Res("DATE", f"{y}-Q{q}", None, s, e, "quarter", anchor)


def _weekend_res(sat: date, anchor: str) -> _Res:
    return _Res(
        "DATE", _week_value(sat) + "-WE", None, sat, sat + timedelta(days=1), "range", anchor
    )


def _month_num(word: str) -> int:
    return MONTHS[re.sub(r"\s+", "", word.lower())]


def _pick_year_for_md(ctx: _Ctx, m: int, d: int, tense: str, wd: int | None) -> date | None:
    """Year for a month-day without year: past -> on/before publication, future -> after."""
    dct = ctx.dct
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cands.append(date(y, m, d))
        except ValueError:
            continue
    if not cands:
        return None
    if wd is not None:
        fit = [c for c in cands if c.isoweekday() == wd]
        if fit:
            return min(fit, key=lambda c: abs((c - dct).days))

    def cost(c: date) -> int:
        diff = (c - dct).days
        if tense == "past":
            return abs(diff) + (250 if diff > 0 else 0)
        if tense in ("future", "future_incl"):
            return abs(diff) + (250 if diff < 0 else 0)
        return abs(diff)

    return min(cands, key=cost)


# --------------------------------------------------------------------------- resolvers


def _r_ymd(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    try:
        d = date(int(g["year"] or 0), int(g["mnum"] or 0), int(g["dnum"] or 0))
    except ValueError:
        return None
    if g.get("h"):
        return _day(d, "absolute", "TIME", f"T{g['h']}:{g['mi']}")
    return _day(d, "absolute")


def _r_slash(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    a, b, y = int(g["a"] or 0), int(g["b"] or 0), int(g["y"] or 0)
    if y < 100:
        y += 1900 if y > (ctx.dct.year % 100) + 5 else 2000
    m, d = (b, a) if a > 12 else (a, b)
    try:
        return _day(date(y, m, d), "absolute")
    except ValueError:
        return None


# A chronology entry opens its line with its date: "- May 16: Aliyev and Pashinyan speak ...",
# "July 10 - talks in Abu Dhabi", "• Oct. 2 – The two leaders meet again".
_HEADING_BEFORE = re.compile(r"[ \t]*(?:[-–—•*·▪►]\s*)?")
_HEADING_AFTER = re.compile(r"[ \t]*(?::|[–—]|-(?=\s))")


def chronology_heading(text: str, s: int, e: int) -> bool:
    """The date at text[s:e] heads a chronology entry: it alone opens its line (after a bullet)
    and a colon or dash follows. Entries tell the past in the present tense, and the date
    dates every undated event of the entry (tracker.events)."""
    line_start = text.rfind("\n", 0, s) + 1
    return bool(_HEADING_BEFORE.fullmatch(text, line_start, s) and _HEADING_AFTER.match(text, e))


_ENTRY_FUTURE = re.compile(
    r"\b(?:will|shall|to\s+be|(?:is|are)\s+(?:due|expected|scheduled|set|slated)|plans?\s+to)\b",
    re.I,
)


def _heading_tense(ctx: _Ctx, s: int, e: int) -> str:
    """A heading's tense: the historical present of a chronology is the past; an entry still
    ahead says so ("- Nov. 30: Elections will be held")."""
    line_end = ctx.text.find("\n", e)
    entry = ctx.text[e : len(ctx.text) if line_end < 0 else line_end]
    return "future" if _ENTRY_FUTURE.search(entry) else "past"


def _r_md(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    m = _month_num(g["month"] or "")
    d = int(re.match(r"\d+", g["day"] or "0").group(0))  # type: ignore[union-attr]
    wd = WEEKDAYS[(g.get("wd") or "").lower()] if g.get("wd") else None
    if g.get("year"):
        try:
            return _day(date(_year_int(g["year"]), m, d), "absolute")
        except ValueError:
            return None
    mrel = (g.get("mrel") or "").lower()
    tense = {"last": "past", "next": "future"}.get(mrel) or (
        _heading_tense(ctx, s, e) if chronology_heading(ctx.text, s, e) else ctx.tense(s, e)
    )
    dd = _pick_year_for_md(ctx, m, d, tense, wd)
    return _day(dd, "published") if dd else None


def _r_md_range(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    first = _r_md(g, ctx, s, e)
    if first is None or first.date_start is None:
        return None
    d2 = int(re.match(r"\d+", g["d2"] or "0").group(0))  # type: ignore[union-attr]
    try:
        last = first.date_start.replace(day=d2)
    except ValueError:
        return None
    if last <= first.date_start:
        return None
    return _Res("DATE", first.value, None, first.date_start, last, "range", first.anchor)


_PLANNED_ADJ = frozenset(
    {"slated", "planned", "scheduled", "proposed", "upcoming", "forthcoming", "expected",
     "intended", "prospective", "projected", "anticipated", "impending", "coming"}
)  # fmt: skip
_PLANNED_LEX = re.compile(
    rf"\b(?:{'|'.join(sorted(_PLANNED_ADJ))})\s+[a-z]+(?:\s+(?:by|of|to|with|between|in|for)"
    r"(?:\s+[A-Za-z'-]+\.?){1,4})*\s+(?:in|for)\s+$",
)


def _planned_frame(ctx: _Ctx, s: int, e: int) -> bool:
    """The month dates a noun marked as planned ("the slated visit by Albright to Moscow in
    September", "the planned summit in September"): the plan lies ahead, whatever the verb."""
    if ctx.doc is None:
        return bool(_PLANNED_LEX.search(ctx.text, max(0, s - 80), s))
    span = ctx.doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "for"):
        return False
    head = prep.head
    if head.pos_ in ("VERB", "AUX"):
        # "discussed the planned summit in September": the object phrase just before it
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        head = next((o for o in objs if o.right_edge.i == prep.i - 1), None)
        if head is None:
            return False
    seen = 0
    while head is not None and seen < 4:
        if head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "amod" and c.lower_ in _PLANNED_ADJ for c in head.children
        ):
            return True
        # climb "the visit by Albright to Moscow": pobj -> prep -> noun
        if head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head
        else:
            return False
        seen += 1
    return False


def _r_month(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    m = _month_num(g["month"] or "")
    mod = _part_mod(g.get("part"))
    dct = ctx.dct
    if g.get("year"):
        return _month_res(_year_int(g["year"]), m, "absolute", mod)
    ythat = re.sub(r"\s+", " ", (g.get("ythat") or "").lower())
    if ythat:  # "in May that year", "January the following year": the narrative's year
        last = ctx.last.date_start if ctx.last is not None else None
        base = last.year if last is not None else dct.year
        shift = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}
        anchor = "narrative" if last is not None else "published"
        return _month_res(base + shift.get(ythat, 0), m, anchor, mod)
    yrel = (g.get("yrel") or "").lower()
    if yrel:
        y = dct.year + {"this": 0, "last": -1, "next": 1}[yrel]
        return _month_res(y, m, "published", mod)
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if rel in ("last", "past", "this past"):
        y = dct.year if m < dct.month else dct.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = dct.year if m > dct.month else dct.year + 1
    elif rel == "this":
        y = dct.year
    else:
        if chronology_heading(ctx.text, s, e):
            tense = _heading_tense(ctx, s, e)
        elif _noun_modifier(ctx, s, e):
            tense = "present"
        else:
            tense = ctx.tense(s, e)
        if tense == "past" and _planned_frame(ctx, s, e):
            tense = "future_incl"  # "the slated visit ... in September" (was discussed)
        if tense in ("future", "future_incl"):
            y = dct.year if m >= dct.month else dct.year + 1
        elif tense == "present":
            # "when the case is heard in May", "a June agreement": the nearest one
            y = min(
                (dct.year - 1, dct.year, dct.year + 1),
                key=lambda yy: abs((yy - dct.year) * 12 + m - dct.month),
            )
        else:
            y = dct.year if m <= dct.month else dct.year - 1
    return _month_res(y, m, "published", mod)


def _r_year(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    return _year_res(_year_int(g["year"]), "absolute", _part_mod(g.get("part")))


def _r_year_range(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    """ "2013-14", "1950-53", "2019-2021": the first year's value, the whole span as interval."""
    y1 = _year_int(g["year"])
    y2s = g.get("y2") or ""
    y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
    if len(y2s) == 2 and y2 <= y1:
        y2 += 100
    if not y1 < y2 <= y1 + (10 if len(y2s) == 2 else 50):
        return None
    return _Res("DATE", str(y1), None, date(y1, 1, 1), date(y2, 12, 31), "range", "absolute")


def _r_decade(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
    if g.get("dec"):
        start = int(g["dec"] or 0)
    elif g.get("d2"):
        dd = int(g["d2"] or 0)
        start = 2000 + dd if 2000 + dd <= ctx.dct.year else 1900 + dd
    else:
        start = 1900 + 10 * words[(g.get("dword") or "").lower()]
    mod = _part_mod(g.get("part"))
    ds, de = date(start, 1, 1), date(start + 9, 12, 31)
    if mod == "START":
        de = date(start + 3, 12, 31)
    elif mod == "END":
        ds = date(start + 6, 1, 1)
    elif mod == "MID":
        ds, de = date(start + 3, 1, 1), date(start + 6, 12, 31)
    return _Res("DATE", str(start // 10), mod, ds, de, "range", "absolute")


def _r_century(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    o = (g.get("ord") or "").lower()
    n = int(o[:-2]) if o[:1].isdigit() else ORDINALS.get(o, 0)
    if not 1 <= n <= 30:
        return None
    return _Res("DATE", f"{n - 1:02d}", None, date(max(1, (n - 1) * 100), 1, 1),
                date((n - 1) * 100 + 99, 12, 31), "range", "absolute")  # fmt: skip


def _season_span(y: int, code: str) -> tuple[date, date]:
    sm = SEASON_START[code]
    ey, em = _add_months(y, sm, 2)
    return date(y, sm, 1), _month_end(ey, em)


def _r_season(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    code = SEASONS[(g.get("season") or "").lower()]
    dct = ctx.dct
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if g.get("year"):
        y, anchor = _year_int(g["year"]), "absolute"
    else:
        anchor = "published"
        spans = {
            yy: _season_span(yy, code)
            for yy in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)
        }
        if rel == "last":  # "last spring" in October is the previous year's (TimeML usage)
            y = dct.year - 1
        elif rel in ("past", "this past"):
            y = max(yy for yy, (_, se) in spans.items() if se < dct)
        elif rel in ("next", "coming"):
            y = min(yy for yy, (ss, _) in spans.items() if ss > dct)
        elif rel == "this" or ctx.tense(s, e) == "present":
            y = dct.year if code != "WI" or dct.month == 12 else dct.year - 1
        elif ctx.tense(s, e).startswith("future"):
            y = min(yy for yy, (_, se) in spans.items() if se >= dct)
        else:
            y = max(yy for yy, (ss, _) in spans.items() if ss <= dct)
    ds, de = _season_span(y, code)
    mod = _part_mod(rel if rel in ("early", "late") else None)
    return _Res("DATE", f"{y}-{code}", mod, ds, de, "range", anchor)


_QWORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _last_quarter(ctx: _Ctx) -> tuple[int, int] | None:
    """The quarter under discussion (financial reports compare it with "a year earlier").

    None once the report has moved on to a longer period ("the first nine months", "last
    year"): "a year earlier" then compares whole years.
    """
    return None if ctx.period_year else ctx.last_quarter


def _r_quarter(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    dct = ctx.dct
    if g.get("qq"):
        q = int((g["qq"] or "Q1")[1])
        y = int(g.get("qy2") or dct.year)
        half = False
    else:
        q = _QWORD[(g.get("q") or "").lower()]
        half = (g.get("qh") or "").lower() == "half"
        if half and q > 2:
            return None
        qrel = re.sub(r"\s+", " ", (g.get("qrel") or "").lower())
        if g.get("year"):
            y = _year_int(g["year"])
        elif g.get("qyear"):
            y = _year_int(g["qyear"])
        elif qrel.startswith("this year"):
            y = dct.year
        elif qrel.startswith("next year"):
            y = dct.year + 1
        elif qrel.startswith("last year") or "year" in qrel:
            lq = _last_quarter(ctx)
            y = (lq[0] if lq else dct.year) - 1
        else:
            cur = _quarter(dct) if not half else (1 if dct.month <= 6 else 2)
            tense = ctx.tense(s, e)
            y = dct.year
            if q > cur and tense == "past":
                y -= 1
    if half:
        ds = date(y, 1 if q == 1 else 7, 1)
        de = date(y, 6, 30) if q == 1 else date(y, 12, 31)
        return _Res("DATE", f"{y}-H{q}", None, ds, de, "range", "published")
    r = _quarter_res(y, q, "published")
    return r


def _r_quarter_rel(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    dct = ctx.dct
    qr = re.sub(r"\s+", " ", (g.get("qr") or g.get("qp") or "").lower())
    whole = ctx.text[s:e].lower()
    cy, cq = dct.year, _quarter(dct)
    py, pq = (cy, cq - 1) if cq > 1 else (cy - 1, 4)
    lq = ctx.last_quarter
    if g.get("qem") and g.get("qed"):  # "the quarter ended Sept. 30": the three months before
        if lq:  # the quarter the report named ("its fiscal first quarter ended Sept. 30")
            return _quarter_res(lq[0], lq[1], "narrative")
        end = _r_md({"month": g["qem"], "day": g["qed"]}, ctx, s, e)
        if end is not None and end.date_start is not None:
            mid = end.date_start - timedelta(days=45)  # dated by its end: a new anchor
            return _quarter_res(mid.year, _quarter(mid), end.anchor)
    if g.get("qago"):  # "the quarter a year ago"
        by, bq = lq if lq else (py, pq)
        return _quarter_res(by - 1, bq, "narrative")
    if g.get("year"):  # "the 1988 quarter": the quarter under discussion, in that year
        if ctx.period_year and "period" in whole:
            return _year_res(_year_int(g["year"]), "absolute")
        return _quarter_res(_year_int(g["year"]), lq[1] if lq else pq, "narrative")
    if "year-ago" in whole or "year-earlier" in whole or "comparable" in qr:
        by, bq = lq if lq else (py, pq)
        return _quarter_res(by - 1, bq, "narrative")
    if qr in ("current",) or whole.startswith("this"):
        return _quarter_res(cy, cq, "published")
    if qr in ("next", "coming"):
        ny, nq = (cy, cq + 1) if cq < 4 else (cy + 1, 1)
        return _quarter_res(ny, nq, "published")
    if qr in ("same", "") or whole.startswith("that"):
        if lq:
            return _quarter_res(lq[0], lq[1], "narrative")
    return _quarter_res(py, pq, "published")


def _r_deictic(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    dct = ctx.dct
    if g.get("tw"):
        return _Res("TIME", dct.isoformat() + "TNI", None, dct, dct, "day", "published")
    off = {"today": 0, "yesterday": -1, "tomorrow": 1}[(g.get("dw") or "").lower()]
    if g.get("dba"):
        off += -1 if (g["dba"] or "").lower() == "before" else 1
    d = dct + timedelta(days=off)
    pod = (g.get("pod") or "").lower()
    if pod:
        return _day(d, "published", "TIME", "T" + PARTS_OF_DAY[pod])
    return _day(d, "published")


def _r_this_pod(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    pr = (g.get("pr") or "").lower()
    pod = PARTS_OF_DAY[(g.get("pod") or "").lower()]
    if pr == "this":
        return _day(ctx.dct, "published", "TIME", "T" + pod)
    if pr == "last":
        if pod != "NI" and pod != "EV":
            return None
        return _day(ctx.dct - timedelta(days=1), "published", "TIME", "T" + pod)
    if ctx.last_day is not None:  # "the morning" of the day just mentioned
        return _day(ctx.last_day, "narrative", "TIME", "T" + pod)
    return None


def _shift(base: date, unit: str, k: int) -> date:
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return base + timedelta(days=k)
    if unit in ("week", "weekend"):
        return base + timedelta(weeks=k)
    if unit == "fortnight":
        return base + timedelta(weeks=2 * k)
    if unit == "month":
        y, m = _add_months(base.year, base.month, k)
        return date(y, m, min(base.day, calendar.monthrange(y, m)[1]))
    if unit == "quarter":
        return _shift(base, "month", 3 * k)
    mult = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit, 1)
    y = base.year + k * mult
    if y < 1 or y > 9999:
        return base
    return base.replace(year=y, day=min(base.day, 28)) if base.month == 2 else base.replace(year=y)


def _unit_res(d: date, unit: str, anchor: str, mod: str | None = None) -> _Res:
    """The calendar unit containing d, as a TimeML value and interval."""
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return _day(d, anchor)
    if unit in ("week", "fortnight"):
        return _week_res(d, anchor, mod)
    if unit == "weekend":
        return _weekend_res(_monday(d) + timedelta(days=5), anchor)
    if unit == "month":
        return _month_res(d.year, d.month, anchor, mod)
    if unit == "quarter":
        return _quarter_res(d.year, _quarter(d), anchor)
    if unit == "decade":
        start = d.year // 10 * 10
        return _Res("DATE", str(d.year // 10), mod, date(start, 1, 1), date(start + 9, 12, 31),
                    "range", anchor)  # fmt: skip
    if unit == "century":
        start = d.year // 100 * 100
        return _Res("DATE", str(d.year // 100), mod, date(max(start, 1), 1, 1),
                    date(start + 99, 12, 31), "range", anchor)  # fmt: skip
    return _year_res(d.year, anchor, mod)


_REL_OFF = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "this past": -1,
            "next": 1, "coming": 1, "this coming": 1, "following": 1}  # fmt: skip


def _r_rel_unit(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    unit = (g.get("unit") or "").lower()
    ld = re.sub(r"\s+", " ", (g.get("ld") or "").lower())
    k = _REL_OFF[rel]
    base, anchor = ctx.dct, "published"
    last = ctx.last
    if (
        rel == "previous"
        and unit == "month"
        and last is not None
        and last.date_start is not None
        and last.date_end is not None
        and last.granularity in ("day", "week", "month", "range")
        and not last.date_start <= ctx.dct <= last.date_end
    ):
        # "visited in February ... The previous month, ...": January, the month before the
        # narrative's, not before publication
        base, anchor = last.date_start, "narrative"
    if rel == "following":
        fine = ctx.last_week if unit in ("week", "weekend", "fortnight") else None
        if fine is not None:
            base, anchor = fine, "narrative"
        elif unit not in ("week", "weekend", "fortnight") and ctx.last is not None:
            if ctx.last.date_start is not None:
                base, anchor = ctx.last.date_start, "narrative"
    if unit == "weekend":
        sat = _monday(base) + timedelta(days=5)
        if rel in ("last", "past", "previous", "this past"):
            sat = sat - timedelta(days=7) if sat >= base else sat
            if sat > base - timedelta(days=1) or (base - sat).days > 7:
                sat = base - timedelta(days=(base.weekday() - 5) % 7 or 7)
        elif rel in ("next", "coming", "this coming", "following") and sat <= base:
            sat += timedelta(days=7)
        return _weekend_res(sat, anchor)
    if unit in ("decade", "century") and rel in ("past", "last") and not ld:
        if re.search(r"\b(?:over|for|throughout|during)\s+$", ctx.text[max(0, s - 12) : s], re.I):
            return _Res("DURATION", _duration_value(1, unit))  # "over the past decade": P10Y
    d = _shift(base, unit, k)
    mod = None
    if ld in ("early", "the beginning of", "the start of"):
        mod = "START"
    elif ld in ("late", "the end of", "end of"):
        mod = "END"
    elif ld == "the middle of":
        mod = "MID"
    if unit == "month" and ld in ("early", "late"):
        return _month_res(d.year, d.month, anchor, mod)
    if unit == "year" and mod:
        return _year_res(d.year, anchor, mod)
    r = _unit_res(d, unit, anchor)
    if mod:
        r.mod = mod
    return r


def _r_week_of(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    """ "the week of March 6": the (Monday..Sunday) week that holds the date."""
    g = {**g, "month": g.get("month") or g.get("month2"), "day": g.get("day") or g.get("day2")}
    r = _r_md(g, ctx, s, e)
    if r is None or r.date_start is None:
        return None
    return _week_res(r.date_start, r.anchor)


def _r_weekend(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    dct = ctx.dct
    if ctx.tense(s, e).startswith("future"):
        sat = dct + timedelta(days=(5 - dct.weekday()) % 7 or 7)
    else:
        sat = dct - timedelta(days=(dct.weekday() - 5) % 7)
    return _weekend_res(sat, "published")


def _weekday_date(ctx: _Ctx, wd: int, rel: str, s: int, e: int) -> date:
    dct = ctx.dct
    back = (dct.isoweekday() - wd) % 7  # days back to the most recent such day (0 = today)
    fwd = (wd - dct.isoweekday()) % 7
    if rel in ("last", "past", "this past"):
        return dct - timedelta(days=back or 7)
    if rel == "the day before last":
        return dct - timedelta(days=(back or 7) + 1)
    if rel in ("next", "coming", "this coming"):
        return dct + timedelta(days=fwd or 7)
    tense = ctx.tense(s, e)
    if tense == "future" and rel == "later":
        tense = "future_incl"
    if tense == "future":
        return dct + timedelta(days=fwd or 7)
    if tense == "future_incl":
        return dct + timedelta(days=fwd)
    if rel == "this" and tense == "present":
        return dct + timedelta(days=fwd)
    return dct - timedelta(days=back)


_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|run-up\s+to|preparations?\s+for)\s+$", re.I)
_POSS_NOUN = re.compile(r"['\u2019]s\s+(?:(\w+)\s+)?(\w+)")


def _possessive_ahead(ctx: _Ctx, s: int, e: int) -> bool:
    """Whether the event of "Friday's summit" lies ahead of publication."""
    if _AHEAD_OF.search(ctx.text, max(0, s - 30), s):
        return True
    m = _POSS_NOUN.match(ctx.text, e)
    if m is None:
        return False
    w1, w2 = (m.group(1) or m.group(2)).lower(), m.group(2).lower()
    if w1 in _PLANNED_ADJ:
        return True
    scheduled = w1 in SCHEDULED_NOUNS or w2 in SCHEDULED_NOUNS  # "Friday's (peace) talks"
    return scheduled and ctx.tense(s, e).startswith("future")


def _r_weekday(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    wd = WEEKDAYS[(g.get("wd") or "").lower()]
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if g.get("poss") and not rel:
        # "Monday's call" was reported; "ahead of Friday's vote", "Friday's planned summit" and
        # "will gather for Friday's summit" (a scheduled event, a future verb) lie ahead
        dct = ctx.dct
        if _possessive_ahead(ctx, s, e):
            d = dct + timedelta(days=(wd - dct.isoweekday()) % 7)
        else:
            d = dct - timedelta(days=(dct.isoweekday() - wd) % 7)
    else:
        d = _weekday_date(ctx, wd, rel, s, e)
    anchor = "published"
    if rel.startswith("the ") and rel != "the day before last":
        # "the previous Friday", "the following Monday": counted from the narrative's day
        base = _day_anchor(ctx, s, e)[0]
        if base is not None:
            anchor = "narrative"
        base = base or ctx.dct
        if rel in ("the previous", "the preceding"):
            d = base - timedelta(days=(base.isoweekday() - wd) % 7 or 7)
        else:
            d = base + timedelta(days=(wd - base.isoweekday()) % 7 or 7)
    pod = (g.get("pod") or "").lower()
    return _day(d, anchor, "DATE", "T" + PARTS_OF_DAY[pod] if pod in ("night", "evening") else "")


def _r_weekday_set(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    wd = WEEKDAYS[(g.get("wd") or g.get("wd2") or g.get("wd3") or "").lower()]
    pod = (g.get("pod") or g.get("pod2") or g.get("pod3") or "").lower()
    return _Res("SET", f"XXXX-WXX-{wd}" + ("T" + PARTS_OF_DAY[pod] if pod else ""))


_APPROX = {"about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX",
           "approximately": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
           "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
           "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
           "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE"}  # fmt: skip


def _mod_word(w: str | None) -> str | None:
    return _APPROX.get(re.sub(r"\s+", " ", (w or "").lower()))


def _unit_of(g: Groups) -> str:
    u = (g.get("unit") or "").lower()
    return UNIT_PLURALS.get(u, u)


def _r_ago(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    n = _number(g.get("num") or "")
    unit = _unit_of(g)
    if n is None or n != int(n):  # "several weeks ago": PAST_REF, 3-7 weeks before publication
        v = _vague_span(ctx.dct, unit, g.get("num") or "", -1, "published")
        if v is None or (n is not None and n != int(n)):
            return _Res("DATE", "PAST_REF", _mod_word(g.get("mod")))
        return _Res("DATE", "PAST_REF", _mod_word(g.get("mod")), v.date_start, v.date_end,
                    v.granularity, v.anchor)  # fmt: skip
    k = int(n)
    if unit in ("hour", "minute", "second"):
        return _Res("DATE", "PAST_REF", _mod_word(g.get("mod")))
    if unit == "year" and k == 1:
        lq = _last_quarter(ctx)
        if lq:
            return _quarter_res(lq[0] - 1, lq[1], "narrative")
    if unit == "quarter":
        d = _shift(ctx.dct, "month", -3 * k)
        return _quarter_res(d.year, _quarter(d), "published")
    d = _shift(ctx.dct, unit, -k)
    r = _unit_res(d, unit, "published")
    r.mod = _mod_word(g.get("mod"))
    return r


_GRAN_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
_UNIT_GRAN = {"day": "day", "night": "day", "week": "week", "month": "month", "quarter": "quarter",
              "year": "year", "decade": "year", "century": "year", "weekend": "week"}  # fmt: skip


_CLAUSE_AFTER = re.compile(r"\s+(?:before|after)\s+[A-Za-z]")


def _vague_span(base: date, unit: str, qty: str, sign: int, anchor: str) -> _Res | None:
    """The interval of a vague offset ("a few days later": 2-4 days after the anchor)."""
    lo_hi = VAGUE_SPANS.get(re.sub(r"\s+", " ", qty.lower().strip()))
    if lo_hi is None or unit not in ("day", "night", "week", "month", "year"):
        return None
    a, b = sorted((_shift(base, unit, sign * lo_hi[0]), _shift(base, unit, sign * lo_hi[1])))
    if unit == "week":
        a, b = _monday(a), _monday(b) + timedelta(days=6)
    elif unit == "month":
        a, b = a.replace(day=1), _month_end(b.year, b.month)
    elif unit == "year":
        a, b = date(a.year, 1, 1), date(b.year, 12, 31)
    return _Res("DATE", "", None, a, b, "range", anchor)


def _r_offset(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    """ "Three days later" (TimeML: the duration "Three days", "later" is a signal) and "a year
    earlier" (a date). The interval is the offset from the narrative anchor; an offset from
    a named event ("a month after Qantas suspended ...") gets none."""
    dirw = (g.get("dir") or "").lower()
    n = _number(g.get("num") or "")
    unit = _unit_of(g)
    r = _offset_date(g, ctx, s, e)
    if dirw in ("before", "after") and _CLAUSE_AFTER.match(ctx.text, e):
        r = None  # anchored on an event the tagger does not date
    if dirw == "earlier" and unit not in ("hour", "minute", "second"):
        if n is None or n != int(n):  # "a few days earlier"
            if r is None:
                return _Res("DATE", "PAST_REF")
            return _Res("DATE", "PAST_REF", None, r.date_start, r.date_end, r.granularity, r.anchor)
        return r
    value = f"P{int(n)}Q" if unit == "quarter" and n == int(n or 0) else _duration_value(n, unit)
    if r is None:
        return _Res("DURATION", value)
    return _Res("DURATION", value, None, r.date_start, r.date_end, r.granularity, r.anchor)


def _offset_date(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    """The date an offset points at, from the narrative anchor (None: no usable date)."""
    n = _number(g.get("num") or "")
    unit = _unit_of(g)
    sign = 1 if (g.get("dir") or "").lower() in ("later", "after") else -1
    if unit in ("hour", "minute", "second"):
        return None
    day, day_end, week = _day_anchor(ctx, s, e)
    if sign > 0 and day_end is not None:
        day = day_end  # "March 3-5 ... two days later": from the range's last day
    if n is None or n != int(n):
        fine = day if day is not None else week
        if fine is None and ctx.last is not None and unit not in ("day", "night", "week"):
            fine = ctx.last.date_start
        r = _vague_span(fine or ctx.dct, unit, g.get("num") or "", sign,
                        "narrative" if fine else "published")  # fmt: skip
        if r is not None and r.date_start is not None and r.date_end is not None:
            if r.date_start <= ctx.dct < r.date_end:  # a past narrative ends by publication
                r.date_end = ctx.dct
            if sign < 0 and r.date_end > ctx.dct:
                return None
        return r
    k = int(n) * sign
    if unit == "year" and int(n) == 1:
        lq = _last_quarter(ctx)
        if lq:
            return _quarter_res(lq[0] + k, lq[1], "narrative")
        base = ctx.last.date_start if ctx.last is not None and ctx.last.date_start else ctx.dct
        if (
            ctx.last is not None
            and ctx.last.granularity == "month"
            and not ctx.last.mod
            and 0 <= s - ctx.last_end < 60
        ):  # "rose in June from a year earlier": June of the year before
            return _month_res(base.year + k, base.month, "narrative")
        return _year_res(base.year + k, "narrative" if ctx.last is not None else "published")
    anchor_res = ctx.last
    if unit in ("day", "night", "week"):  # day/week offsets anchor on a date that precise
        fine = day if day is not None else week
        base, gran = fine or ctx.dct, "day"
        if fine is None:
            anchor_res = None
    elif anchor_res is not None and anchor_res.date_start is not None:
        base, gran = anchor_res.date_start, anchor_res.granularity or "day"
    else:
        base, gran = ctx.dct, "day"
    if gran not in _GRAN_RANK:
        gran = "year"
    ug = _UNIT_GRAN.get(unit, "year")
    d = _shift(base, unit, k)
    anchor = "narrative" if base != ctx.dct or anchor_res is not None else "published"
    use = gran if _GRAN_RANK[gran] <= _GRAN_RANK[ug] else ug
    if unit == "week" and use == "day":
        use = "day"
    if use == "quarter":
        return _quarter_res(d.year, _quarter(d), anchor)
    return _unit_res(d, use, anchor)


_NDIR = {"same": 0, "previous": -1, "prior": -1, "preceding": -1, "before": -1,
         "following": 1, "next": 1, "subsequent": 1, "after": 1}  # fmt: skip


_APPOSITION = re.compile(r"\s*(?:,|\(|--|—|–)\s*")
# "the week"/"the year" alone is a date only where nothing follows that makes it an offset,
# a span or a name ("the week following the vote", "the year two thousand", "the year-end")
_BARE_NOT_AFTER = re.compile(
    r"(?:-|\s+(?:\d|one\b|two\b|nineteen\b|following\b|before\b|after\b|ahead\b|earlier\b|"
    r"later\b|ago\b|ended\b|ending\b|to\b|long\b|old\b|or\b))",
    re.I,
)


def _bare_unit(ctx: _Ctx, unit: str, s: int, e: int) -> _Res | None:
    """ "For the week, the index fell 3.8%" (TimeBank: a week left unspecified, `1989-WXX`, so
    no interval); "a high for the year", "nine months of the year": the current year;
    "met on the weekend": the weekend of the story, as "over the weekend"."""
    if unit == "weekend" and not _BARE_NOT_AFTER.match(ctx.text, e):
        return _r_weekend({}, ctx, s, e)
    if unit not in ("week", "year") or _BARE_NOT_AFTER.match(ctx.text, e):
        return None
    prev = _prev_word(ctx.text, s if ctx.text[s] in "tT" else s + 3)
    if unit == "week":
        if prev in ("a", "per", "each", "every", "all", "whole", "entire"):
            return None
        return _Res("DATE", f"{ctx.dct.year}-WXX")
    if prev not in ("for", "of", "during", "throughout", "through"):
        return None
    return _year_res(ctx.dct.year, "published")


def _r_narrative(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    unit = (g.get("nunit") or g.get("nunit2") or "").lower()
    dirw = (g.get("ndir") or g.get("ndir2") or g.get("ndir3") or "").lower()
    the = (g.get("the") or "").lower()
    if the == "the" and not dirw:
        return _bare_unit(ctx, unit, s, e)
    k = _NDIR.get(dirw, 0)
    if (
        k
        and unit == "day"
        and (g.get("ndir2") or g.get("ndir3"))
        and ctx.last is not None
        and ctx.last.granularity == "day"
        and _APPOSITION.fullmatch(ctx.text, ctx.last_end, s)
    ):  # "on Oct. 12, the day before the plunge": a description of the date just given
        assert ctx.last.date_start is not None
        return _day(ctx.last.date_start, "narrative")
    before = ctx.text[max(0, s - 12) : s].lower()
    if (
        k == 1
        and unit in ("week", "month", "year")
        and re.search(r"\b(?:over|for|during|within)\s*$", before)
    ):
        letter = {"week": "W", "month": "M", "year": "Y"}[unit]
        return _Res("DURATION", f"P1{letter}")
    day_unit = unit in ("day", "morning", "afternoon", "evening", "night")
    if day_unit or unit in ("week", "weekend"):
        day, day_end, week = _day_anchor(ctx, s, e)
        base = (day_end if k > 0 else day) if day_unit else week
    else:
        base = ctx.last.date_start if ctx.last is not None else None
    anchor = "narrative"
    if base is None:
        base, anchor = ctx.dct, "published"
    d = _shift(base, unit, k)
    if day_unit:
        return _day(d, anchor)
    if unit == "week" and ctx.last is not None and ctx.last.granularity == "quarter":
        return None
    return _unit_res(d, unit, anchor)


def _r_duration(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    numw = (g.get("num") or "").lower().strip()
    unit = _unit_of(g)
    if unit == "second" and numw in ("a", "an", "one"):
        return None
    if unit == "quarter" and numw in ("a", "an", "one", "three"):
        return None
    if unit == "weekend" or (g.get("old") and unit in ("year", "month", "week", "day")):
        return None  # "a 6-year-old boy" is an age, not a duration
    n = _number(numw)
    if n is not None and 1500 <= n <= 2099 and numw.isdigit():
        return None  # "the 1988 quarter" is a year
    if n is None and not re.fullmatch(
        r"(?:a\s+)?(?:few|couple\s+of)|several|some|many|a\s+number\s+of", numw
    ):
        return None
    whole = ctx.text[s:e].lower()
    if "and a half" in whole and n is not None and n == int(n):
        n += 0.5
    if unit == "quarter" and n is not None and n == int(n):
        value = f"P{int(n)}Q"
    else:
        value = _duration_value(n, unit)
    return _Res("DURATION", value, _mod_word(g.get("mod")))


_EVENT_SIGNAL = re.compile(
    r"\s+(?:before|after|leading\s+up\s+to|preceding|following)\s+(?:the\s+|a\s+|his\s+|her\s+|"
    r"their\s+|its\s+)?[a-z]",
    re.I,
)


def _r_bare_duration(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    unit = (g.get("pu") or g.get("pu3") or "").lower()
    if unit in ("days", "weeks", "months") and _EVENT_SIGNAL.match(ctx.text, e):
        # "in the weeks before the shooting": a time around an event (TimeML: a DATE in the
        # month of the narrative's last date), no interval since the event is not dated here
        last = ctx.last.date_start if ctx.last is not None else None
        if last is None:
            return _Res("DATE", "PAST_REF")
        return _Res("DATE", f"{last.year}-{last.month:02d}" if unit != "months" else str(last.year))
    if ctx.text[s:e].lower().startswith("recent"):
        return _Res("DURATION", _duration_value(None, g.get("pu2") or "years"))
    return _Res("DURATION", _duration_value(None, g.get("pu") or g.get("pu3") or "years"))


def _r_in_the_unit(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    """The current unit for "later in the week", "earlier in the month" ("earlier this week");
    "later in the day" is the day the narrative is on."""
    unit = (g.get("unit") or "").lower()
    if unit == "day":
        day = _day_anchor(ctx, s, e)[0]
        if day is not None:
            return _day(day, "narrative")
    return _unit_res(ctx.dct, unit, "published")


_PRESENT = re.compile(r"now|currently|at present|presently|nowadays|these days|right now|"
                      r"at the moment|for now|the time being|the present|current")  # fmt: skip
_FUTURE = re.compile(r".*(?:future|coming|next few|ahead|term|soon|possible)")


def _r_ref(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    w = re.sub(r"\s+", " ", (g.get("ref") or "").lower())
    if w == "soon" and ctx.doc is not None and ctx.tense(s, e) == "past":
        return None  # "he was soon released": a sequence, not a reference to the future
    if _PRESENT.fullmatch(w):
        return _Res("DATE", "PRESENT_REF")
    if _FUTURE.match(w):
        return _Res("DATE", "FUTURE_REF")
    return _Res("DATE", "PAST_REF")


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
              "biweekly": "P2W", "bimonthly": "P2M", "semiannually": "P6M",
              "biannually": "P6M"}  # fmt: skip


def _r_set(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    if g.get("sw"):
        return _Res("SET", _SET_WORDS[(g["sw"] or "").lower()])
    su = (g.get("su") or g.get("su2") or g.get("su3") or "").lower()
    if su in PARTS_OF_DAY:
        return _Res("SET", "XXXX-XX-XXT" + PARTS_OF_DAY[su])
    if su in SEASONS:
        return _Res("SET", "XXXX-" + SEASONS[su])
    if su == "weekend":
        return _Res("SET", "XXXX-WXX-WE")
    n = 2 if g.get("other") else (_number(g.get("sn") or "1") or 1)
    if su == "quarter":
        return _Res("SET", f"P{int(n)}Q")
    return _Res("SET", _duration_value(n, su))


def _r_month_set(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    return _Res("SET", f"XXXX-{_month_num(g['month'] or ''):02d}")


_HOUR_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}  # fmt: skip


def _r_clock(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    suffix: str
    if g.get("noon"):
        w = re.sub(r"[\s-]+", "", (g["noon"] or "").lower())
        suffix = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00",
                  "midmorning": "TMO", "midafternoon": "TAF"}[w]  # fmt: skip
    else:
        if g.get("h"):
            h, mi = int(g["h"] or 0), int(g.get("mi") or 0)
            ampm = (g.get("ampm") or "").lower()
            if h > 12 or h == 0:
                return None
            if ampm.startswith("p") and h < 12:
                h += 12
            elif ampm.startswith("a") and h == 12:
                h = 0
        elif g.get("h2"):
            h, mi = int(g["h2"] or 0), int(g["mi2"] or 0)
            before = ctx.text[max(0, s - 12) : s].lower()
            if not g.get("tz") and not re.search(
                r"\b(?:at|around|about|by|until|before|after)\s*$", before
            ):
                return None
        elif g.get("hhmm"):
            h, mi = int(g["hhmm"] or 0), int(g["mm"] or 0)
        else:
            hw = (g.get("h3") or "").lower()
            h = int(hw) if hw.isdigit() else _HOUR_WORDS.get(hw, -1)
            if not 1 <= h <= 12:
                return None
            inthe = (g.get("inthe") or "").lower()
            if ("afternoon" in inthe or "evening" in inthe or "night" in inthe) and h < 12:
                h += 12
            mi = 0
        suffix = f"T{h:02d}:{mi:02d}"
    if g.get("month") and g.get("day"):
        md = _r_md(g, ctx, s, e)
        if md is None or md.date_start is None:
            return None
        d, anchor = md.date_start, md.anchor
    elif g.get("wd"):
        d = _weekday_date(ctx, WEEKDAYS[(g["wd"] or "").lower()], "", s, e)
        anchor = "published"
    elif g.get("cday"):
        off = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[(g["cday"] or "").lower()]
        d, anchor = ctx.dct + timedelta(days=off), "published"
    elif ctx.last_day is not None and 0 <= s - ctx.last_end < 160:
        d, anchor = ctx.last_day, "narrative"
    else:
        d, anchor = ctx.dct, "published"
    return _day(d, anchor, "TIME", suffix)


def _r_holiday(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    name = re.sub(r"\s+", " ", (g.get("holiday") or "").lower())
    if name in AMBIGUOUS_HOLIDAYS or _prev_word(ctx.text, s).lower() in HOLIDAY_CALENDAR_WORDS:
        # the date depends on the country or calendar: underspecified, no interval
        return _Res("DATE", "XXXX-XX-XX", None, None, None, None, "none")
    if g.get("year"):
        d = _holiday_date(name, _year_int(g["year"]))
        anchor = "absolute"
    else:
        dct = ctx.dct
        cands = [
            x for x in (_holiday_date(name, y) for y in range(dct.year - 1, dct.year + 2)) if x
        ]
        rel = (g.get("rel") or "").lower()
        tense = ctx.tense(s, e)
        if rel == "last" or (not rel and not tense.startswith("future")):
            past = (
                [c for c in cands if c <= dct] if rel != "last" else [c for c in cands if c < dct]
            )
            d = max(past) if past else None
        else:
            fut = [c for c in cands if c >= dct]
            d = min(fut) if fut else None
        if rel == "this":
            d = _holiday_date(name, dct.year)
        anchor = "published"
    if d is None:
        return None
    if name == "easter week":
        return _week_res(d, anchor)
    return _day(d, anchor)


def _r_year_earlier(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    lq = _last_quarter(ctx)
    if lq:
        return _quarter_res(lq[0] - 1, lq[1], "narrative")
    return _year_res(ctx.dct.year - 1, "published")


def _r_half(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    """Halves and quarters of a year: "the last half of 1989", "the final quarter of 1988"."""
    y = _year_int(g.get("year"))
    hw = re.sub(r"\s+", " ", (g.get("hw") or "").lower())
    hu = (g.get("hu") or "").lower()
    first = hw.startswith("first")
    if hu == "quarter":
        return None if first else _quarter_res(y, 4, "absolute")
    if hu == "quarters" and hw not in ("first two", "last two"):
        return None
    ds, de = (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))
    return _Res("DATE", f"{y}-H{1 if first else 2}", None, ds, de, "range", "absolute")


def _r_year_span(g: Groups, ctx: _Ctx, s: int, e: int) -> _Res | None:
    """A fiscal year: "the year ended March 31" (a duration), "by year-end", "the full year"."""
    if g.get("full"):
        return _year_res(ctx.dct.year, "published")
    if not (g.get("ye") or g.get("ye2") or g.get("ye3")):
        return _Res("DURATION", "P1Y")
    past = _prev_word(ctx.text, s) == "since"
    return _year_res(ctx.dct.year - (1 if past else 0), "published", "END")


RESOLVERS: dict[str, Resolver] = {
    "half": _r_half, "year_span": _r_year_span,
    "year_earlier": _r_year_earlier,
    "ymd": _r_ymd, "slash": _r_slash, "md": _r_md, "md_range": _r_md_range, "month": _r_month,
    "year": _r_year, "year_range": _r_year_range, "decade": _r_decade, "century": _r_century,
    "season": _r_season,
    "quarter": _r_quarter, "quarter_rel": _r_quarter_rel, "deictic": _r_deictic,
    "this_pod": _r_this_pod, "rel_unit": _r_rel_unit, "weekend": _r_weekend,
    "weekday": _r_weekday, "weekday_set": _r_weekday_set, "ago": _r_ago, "offset": _r_offset,
    "narrative": _r_narrative, "duration": _r_duration, "bare_duration": _r_bare_duration,
    "ref": _r_ref, "set": _r_set, "month_set": _r_month_set, "clock": _r_clock,
    "holiday": _r_holiday,
    "in_the_unit": _r_in_the_unit, "week_of": _r_week_of,
}  # fmt: skip


# --------------------------------------------------------------------------- tagging (validation)

_SEASON_BEFORE = frozenset(
    {"in", "this", "last", "next", "during", "the", "by", "until", "since", "into", "over",
     "through", "throughout"}
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'-]*)\W*$")
_WORD_AFTER = re.compile(r"^\W{0,2}([A-Za-z][\w'-]*)")
_NOT_YEAR_BEFORE = frozenset(
    {"no.", "no", "number", "resolution", "flight", "route", "article", "section", "chapter",
     "model", "room", "page", "pages", "boeing", "airbus", "highway", "interstate", "code",
     "item", "bill", "h.r.", "s.", "rule", "paragraph", "at", "about", "nearly", "some",
     "than", "over", "of", "the", "to"}
)  # fmt: skip


def _prev_word(text: str, s: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, s - 25) : s])
    return m.group(1).lower() if m else ""


def _next_word(text: str, e: int) -> str:
    m = _WORD_AFTER.match(text[e : e + 25])
    return m.group(1) if m else ""


_GERUND_AFTER = re.compile(r"\s+(?:before|after)\s+[a-z]+ing\b")


def _event_anchored(text: str, e: int, g: dict[str, str | None]) -> bool:
    """ "the day before returning home": an offset from an unstated event date, left untagged.

    A clause ("the day before the summit opened") stays tagged with the narrative guess:
    the event extractor re-anchors it on the event the clause names.
    """
    if g.get("ndir2") or g.get("ndir3"):  # the match ends with before/after
        return bool(re.match(r"\s+[a-z]+ing\b", text[e : e + 30]))
    return bool(_GERUND_AFTER.match(text[e : e + 40]))  # "the day" + "before returning"


def _valid(rule: Rule, m: re.Match[str], text: str, s: int, e: int) -> bool:
    """Context checks that keep false positives out; rejecting here lets a shorter match win."""
    g = m.groupdict()
    month = g.get("month")
    if month:
        if not month[0].isupper():
            return False
        mw = re.sub(r"\s+", "", month.lower())
        bare = rule.norm == "month" and not (
            g.get("rel") or g.get("part") or g.get("year") or g.get("yrel")
        )
        if bare:
            prev = _prev_word(text, s)
            nxt = _next_word(text, e)
            # "a June agreement", "the March accession": a month modifying a noun
            modifier = prev in ("a", "the") and bool(re.match(r" [a-z]{3,}\b", text[e : e + 12]))
            if mw in AMBIGUOUS_MONTHS and prev not in MONTH_CONTEXT_BEFORE and not modifier:
                return False
            if mw == "march" and nxt.lower() in ("on", "to", "through", "against", "in"):
                if prev not in ("in", "of", "since", "until", "by", "early", "late", "mid"):
                    return False
            if (
                nxt[:1].isupper()
                and re.match(r"[ \t]+[A-Z]", text[e : e + 3])  # not "in January. The"
                and nxt.lower() not in MONTHS
                and not nxt.isupper()
            ):
                return False  # "June Carter", "August Wilson"
            if (
                len(mw) <= 4
                and not mw.endswith(".")
                and prev not in MONTH_CONTEXT_BEFORE
                and not modifier
            ):
                return False
    wd = g.get("wd")
    if wd and rule.norm in ("weekday", "md", "clock"):
        if not wd[0].isupper():
            return False
        if rule.norm == "weekday":
            nxt = _next_word(text, e)
            if nxt.lower() in WEEKDAY_NAME_NOUNS and nxt[:1].isupper():
                return False
            if text[e : e + 1] == "-":  # "Sunday-school"
                return False
    if rule.norm == "year":
        yw = (g.get("year") or "").lower()
        if yw.startswith("two") and _prev_word(text, s) not in (
            "year",
            "in",
            "since",
            "by",
            "until",
        ):
            return False  # "two thousand people"
        prev_char = text[s - 1 : s]
        if (prev_char and prev_char in "$£€#") or (
            prev_char in (".", "-", "–") and text[s - 2 : s - 1].isdigit()
        ):  # "$1500", "1.2000", "1500-2000 dollars"
            return False
        nxt = _next_word(text, e).lower()
        if nxt in NOT_YEAR_NOUNS and text[e : e + 1] == " ":
            return False
        if not g.get("fiscal") and not g.get("part"):
            prev = _prev_word(text, s)
            if prev in _NOT_YEAR_BEFORE and prev not in ("of", "the", "to", "at"):
                return False
            after = text[e : e + 2]
            if re.match(r"\s?[-–]\s?\d", after) or after.startswith(":"):
                return False
    if rule.norm in ("season", "holiday"):
        word = g.get("season") or g.get("holiday") or ""
        if rule.norm == "holiday" and not word[:1].isupper():
            return False
        if rule.norm == "season" and not (g.get("rel") or g.get("year")):
            prev = _prev_word(text, s)
            if prev not in _SEASON_BEFORE:
                return False
    if rule.norm == "quarter_rel" and text[s:e].lower() in ("the quarter",):
        nxt = _next_word(text, e).lower()
        if nxt in ("of", "point", "percent", "century", "mile", "inch"):
            return False
    if rule.name == "year_end" and not g.get("full"):
        m2 = _NOUN_AFTER.match(text, e)
        if m2 and m2.group(1) not in _NOT_NOUN and text[e : e + 1] == " ":
            return False  # "year-end results": a modifier, not annotated as a date
    if rule.norm == "year_range":
        prev_char = text[s - 1 : s]
        if prev_char and (prev_char in "$£€#-–/" or prev_char.isdigit()):
            return False
        if _next_word(text, e).lower() in NOT_YEAR_NOUNS and text[e : e + 1] == " ":
            return False  # "1500-2000 troops"
    if rule.norm == "this_pod" and (g.get("pr") or "").lower() == "the":
        if _next_word(text, e).lower() == "of":
            return False  # "the night of Oct. 23": the date carries the timex
    if rule.norm == "narrative" and _event_anchored(text, e, g):
        return False
    if rule.norm == "ref":
        w = re.sub(r"\s+", " ", text[s:e].lower())
        if w == "now" and text[e : e + 1] == "-":
            return False
        if w == "soon" and (
            _prev_word(text, s) in ("as", "how", "so", "too")
            or _next_word(text, e).lower() in ("after", "afterwards", "thereafter", "before")
        ):
            return False  # "as soon as Tuesday", "soon after the vote": a relation, not a time
        if w == "recent" and _prev_word(text, s) == "the":
            return False  # "the recent bomb attacks": TimeBank mostly leaves it unannotated
    return True


_TOKEN = re.compile(r"[A-Za-z0-9]+")
_MONTH_TOKENS = frozenset(k.rstrip(".") for k in MONTHS)
_WD_TOKENS = frozenset(WEEKDAYS) | {w + "s" for w in WEEKDAYS}
_YEAR_TOKEN = re.compile(r"(?:1[5-9]\d\d|20\d\d|\d0)s?")
_CLOCK_AFTER = re.compile(r":\d|\s?[ap]\.?\s?m\b|\s+(?:GMT|UTC|hours|in\s+the|o'clock)", re.I)
_TRIGGER_ALL: dict[str, tuple[str, ...]] = dict(TRIGGER_WORDS)
for _w in _MONTH_TOKENS:
    _TRIGGER_ALL[_w] = (*_TRIGGER_ALL.get(_w, ()), "MONTH")
for _w in _WD_TOKENS:
    _TRIGGER_ALL[_w] = (*_TRIGGER_ALL.get(_w, ()), "WD")
_WINDOW = 64  # characters scanned on each side of a trigger word


def _triggers(text: str) -> dict[str, list[int]]:
    """Positions of trigger words by class, in one tokenising pass over the lower-cased text."""
    pos: dict[str, list[int]] = {}
    words = _TRIGGER_ALL
    for m in _TOKEN.finditer(text.lower()):
        low = m.group(0)
        classes = words.get(low)
        c0 = low[0]
        if classes is None and not c0.isdigit():
            continue
        s = m.start()
        if classes:
            for c in classes:
                if c == "MONTH" or c == "WD":
                    if not text[s].isupper():
                        continue
                pos.setdefault(c, []).append(s)
        if c0.isdigit():
            e = m.end()
            if _YEAR_TOKEN.fullmatch(low):
                pos.setdefault("YEAR", []).append(s)
            nxt = text[e : e + 1]
            if nxt == "/":
                pos.setdefault("SLASH", []).append(s)
            elif nxt == "-" and len(low) == 4:
                pos.setdefault("ISO", []).append(s)
            if _CLOCK_AFTER.match(text, e):
                pos.setdefault("CLOCK", []).append(s)
    return pos


def _windows(starts: list[int], n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in sorted(starts):
        ws, we = max(0, p - _WINDOW), min(n, p + _WINDOW)
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], we)
        else:
            out.append((ws, we))
    return out


def _candidates(text: str) -> list[tuple[int, int, int, int, re.Match[str]]]:
    out: list[tuple[int, int, int, int, re.Match[str]]] = []
    trig = _triggers(text)
    n = len(text)
    win_cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for idx, (rule, pat) in enumerate(COMPILED):
        classes = RULE_TRIGGERS[rule.name]
        wins = win_cache.get(classes)
        if wins is None:
            wins = _windows([p for c in classes for p in trig.get(c, ())], n)
            win_cache[classes] = wins
        for ws, we in wins:
            for m in pat.finditer(text, ws, we):
                _add_candidate(out, m, pat, text, idx)
    return out


def _add_candidate(
    out: list[tuple[int, int, int, int, re.Match[str]]],
    m: re.Match[str],
    pat: re.Pattern[str],
    text: str,
    idx: int,
) -> None:
    """Record one regex match as a candidate (the span of group t when the rule has one)."""
    if m.end() == m.start():
        return
    if "t" in pat.groupindex and m.group("t") is not None:
        s, e = m.span("t")
    elif "t2" in pat.groupindex and m.group("t2") is not None:
        s, e = m.span("t2")
    else:
        s, e = m.span()
    while s < e and text[s].isspace():  # optional groups can leave edge whitespace
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((m.end() - m.start(), idx, s, e, m))


def _select(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Longest match first (rule order breaks ties), no overlaps, context checks applied."""
    cands = _candidates(text)
    cands.sort(key=lambda c: (c[2] - c[3], -c[0], c[1], c[2]))
    taken = bytearray(len(text) + 1)
    chosen = []
    for _ln, idx, s, e, m in cands:
        if taken.find(1, s, e) != -1:
            continue
        rule = COMPILED[idx][0]
        if not _valid(rule, m, text, s, e):
            continue
        taken[s:e] = b"\x01" * (e - s)
        s, e = _trim(text, s, e, rule)
        chosen.append((s, e, rule, m))
    chosen.sort(key=lambda c: c[0])
    return chosen


# TimeML span conventions (as annotated in TimeBank/AQUAINT): prepositions and focus words
# stay outside the timex ("over the past year", "in the past", "only six months", "for now",
# "earlier Friday"), and so do the possessive ending and the determiner of an adjectival
# expression ("a third-quarter loss", "the 30-day period", "its fourth quarter").
_TRIM_LEAD = re.compile(
    r"(?:over(?!\s+an?\b)|in(?=\s+the\s+past\b)|only|just|for(?=\s+now\b)|right(?=\s+now\b)"
    r"|about(?!\s+\S+\s+\S+\s+ago\b))\s+",
    re.I,
)
_TRIM_LEAD_WD = re.compile(r"(?i:earlier|later|late)\s+(?=[A-Z][a-z]+day\b)")
_TRIM_DET = re.compile(
    r"(?:a|an|its|their|his|her)\s+(?=\S+\s+quarter|\S+-quarter|fiscal\b)"
    r"|the\s+(?=[\w.]+-(?:quarter|half|year|month|week|day|hour|minute)s?\b)"
    r"|the\s+(?=(?:years|months|weeks|days|hours|decades)$)",
    re.I,
)


_OFFSET_SIGNAL = re.compile(r"\s+(?:later|after|before)$", re.I)


def _trim(text: str, s: int, e: int, rule: Rule) -> tuple[int, int]:
    """Apply the TimeML span conventions to a chosen match."""
    if text[e - 2 : e] in ("'s", "\u2019s") and e - s > 2:
        e -= 2
    if rule.norm == "narrative" and text[s : s + 3].lower() == "of ":
        s += 3  # "nine months of the year": the preposition is a signal
    if rule.norm == "offset":  # "Three days later": "later" is a TimeML signal
        m = _OFFSET_SIGNAL.search(text, s, e)
        if m:
            e = m.start()
    if rule.norm in ("duration", "bare_duration", "ref", "clock", "weekday", "quarter",
                     "quarter_rel"):  # fmt: skip
        for rx in (_TRIM_LEAD, _TRIM_LEAD_WD, _TRIM_DET):
            m = rx.match(text, s, e)
            if m and m.end() < e:
                s = m.end()
    return s, e


_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod"})
_DET_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that)|'s)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")
_NOT_NOUN = frozenset(
    {"and", "or", "to", "in", "on", "at", "by", "for", "of", "when", "that", "as", "after",
     "before", "but", "with", "from", "until", "was", "is", "were", "will", "had", "has"}
)  # fmt: skip


def _noun_modifier(ctx: _Ctx, s: int, e: int) -> bool:
    """A date used as a noun modifier ("the 2022 election") is background, not an anchor."""
    if ctx.doc is not None:
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        return (
            root.dep_ in _MODIFIER_DEPS
            and root.head.i >= span.end
            and root.head.pos_ in ("NOUN", "PROPN")
        )
    if not _DET_BEFORE.search(ctx.text, max(0, s - 8), s):
        return False
    m = _NOUN_AFTER.match(ctx.text, e)
    return bool(m and m.group(1) not in _NOT_NOUN)


_LONG_PERIOD = re.compile(r"P(?:6|9|12)M|P1Y")
# A date that bounds a period or a deadline ("not met since Feb. 28", "until May 30", "by June
# 30", "the deadline of June 30") is not when the narrated events happen: never an anchor.
_BOUNDARY_BEFORE = re.compile(
    r"\b(?:since|until|till|untill|by|through|no\s+later\s+than|ahead\s+of|deadline\s+(?:of|for))"
    r"\s+(?:on\s+|the\s+)?(?:(?:early|mid|late)[\s-]+)?$",
    re.I,
)


def _det_noun_frame(ctx: _Ctx, s: int, e: int) -> bool:
    """A date between a determiner and a common noun ("the June 30, 2025 deadline") modifies
    the noun even where the parse makes the noun an apposition."""
    if ctx.doc is None or not _DET_BEFORE.search(ctx.text, max(0, s - 8), s):
        return False
    span = ctx.doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.end >= len(ctx.doc):
        return False
    nxt = ctx.doc[span.end]
    return nxt.pos_ == "NOUN" and nxt.idx == e + 1 and nxt.lower_ not in _NOT_NOUN


def _remember(ctx: _Ctx, r: _Res, s: int, e: int) -> None:
    """Make a resolved date the narrative anchor, by precision; noun modifiers are skipped."""
    assert r.date_start is not None
    if r.granularity == "quarter" and r.value[5:6] == "Q":
        ctx.last_quarter = (r.date_start.year, _quarter(r.date_start))
    if (
        _noun_modifier(ctx, s, e)
        or _det_noun_frame(ctx, s, e)
        or _BOUNDARY_BEFORE.search(ctx.text, max(0, s - 30), s)
    ):
        return
    ctx.last = r
    ctx.last_end = e
    ds, de = r.date_start, r.date_end or r.date_start
    short = r.granularity == "range" and (de - ds).days < 7
    past = de <= ctx.dct
    if r.granularity == "day" or short:  # a short range counts forward from its last day
        ctx.last_day, ctx.last_day_end = ds, de
        if past:
            ctx.past_day, ctx.past_day_end = ds, de
    if r.granularity in ("day", "week") or short:
        ctx.last_week = ds
        if past:
            ctx.past_week = ds


def _day_anchor(ctx: _Ctx, s: int, e: int) -> tuple[date | None, date | None, date | None]:
    """(day, last day, week) that the anchored expression at s..e counts from.

    A past-tense expression ("Trump signed the order later that day") skips dates that lie
    after publication (the deadline or plan a reported clause just named) when the narrative
    has an earlier one.
    """
    day, end, week = ctx.last_day, ctx.last_day_end, ctx.last_week
    ahead = (day is not None and day > ctx.dct) or (week is not None and week > ctx.dct)
    if (
        ahead
        and (ctx.past_day or ctx.past_week)
        and ctx.tense(s, e) == "past"
        and _lexical_tense(ctx.text, s, e) == "past"  # not "is scheduled to ... the same day"
    ):
        return ctx.past_day, ctx.past_day_end, ctx.past_week
    return day, end, week


def _tag_with_rules(text: str, published: date, doc: Doc | None = None) -> list[tuple[Timex, str]]:
    """tag() plus the name of the rule that found each timex (for rule tests and debugging)."""
    ctx = _Ctx(text=text, dct=published, doc=doc)
    out: list[tuple[Timex, str]] = []
    for s, e, rule, m in _select(text):
        groups = m.groupdict()
        try:
            r = RESOLVERS[rule.norm](groups, ctx, s, e)
        except (ValueError, KeyError, OverflowError):
            r = None
        if r is None:
            continue
        tx = Timex(s, e, text[s:e], r.type, r.value, r.mod, r.date_start, r.date_end,
                   r.granularity if r.date_start else None,
                   r.anchor if r.date_start else "none")  # fmt: skip
        out.append((tx, rule.name))
        if (r.type == "DURATION" and _LONG_PERIOD.fullmatch(r.value)) or (
            r.granularity == "year"
            and r.date_start is not None
            and r.date_start.year < published.year
            and rule.norm != "ago"
        ):
            ctx.period_year = True
        elif r.granularity == "quarter":
            ctx.period_year = False
        if (
            r.date_start is not None
            and r.type in ("DATE", "TIME")
            and r.anchor != "narrative"
            and rule.norm != "ago"
        ):
            _remember(ctx, r, s, e)
    return out


def tag(text: str, published: date, doc: Doc | None = None) -> list[Timex]:
    """All time expressions in text, sorted by start, non-overlapping, resolved.

    `doc` is a spaCy parse of exactly `text` (same offsets), read for the tense of the verb
    that governs each expression; without it a lexical window decides (news default: past).
    """
    return [t for t, _ in _tag_with_rules(text, published, doc)]


# --------------------------------------------------------------------------- date mentions

_JOIN = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and|&)\s*", re.I)
_LEAD = re.compile(r"(?:between|from)\s+(?:on\s+)?$", re.I)
_DAY_RANGE = re.compile(r"\d\s*(?:-|–|and|to|through)\s*\d", re.I)
_SIGNAL_AFTER = re.compile(r"\s+(?:later|after|before|earlier)\b", re.I)


def date_mentions(text: str, timexes: list[Timex]) -> list[DateMention]:
    """Timexes that denote a calendar interval, adjacent ones ("Monday and Tuesday") merged."""
    dated = [t for t in timexes if t.date_start is not None and t.date_end is not None]
    out: list[DateMention] = []
    i = 0
    while i < len(dated):
        group = [dated[i]]
        ds, de = dated[i].date_start, dated[i].date_end
        assert ds is not None and de is not None
        j = i + 1
        while j < len(dated):
            prev, nxt = group[-1], dated[j]
            gap = text[prev.end : nxt.start]
            if not _JOIN.fullmatch(gap) or nxt.date_start is None or nxt.date_end is None:
                break
            n_start, n_end = nxt.date_start, nxt.date_end
            if n_start < ds and nxt.granularity == "day" and prev.granularity == "day":
                shift = ((ds - n_start).days // 7 + 1) * 7
                n_start, n_end = n_start + timedelta(days=shift), n_end + timedelta(days=shift)
            limit = 6 if nxt.granularity == "day" else 400
            if n_start < ds or (n_start - de).days > limit:
                break
            group.append(nxt)
            de = max(de, n_end)
            j += 1
        start, end = group[0].start, group[-1].end
        sig = _SIGNAL_AFTER.match(text, end) if group[-1].type == "DURATION" else None
        if sig:  # "A few days later": the signal belongs to the date the event gets
            end = sig.end()
        gran = "range" if len(group) > 1 else group[0].granularity or "day"
        if len(group) > 1 or (gran == "range" and _DAY_RANGE.search(group[0].text)):
            lead = _LEAD.search(text, max(0, start - 14), start)  # "between March 3 and 5"
            if lead:
                start = lead.start()
        out.append(DateMention(start, end, text[start:end], ds, de, gran, tuple(group)))
        i = j
    return out
