"""Declarative rules of the temporal tagger: a pattern, the resolver that normalises it, examples.

A rule only *finds* an expression and names the resolver (`norm`) that turns its match groups
into a TimeML value in `tracker.temporal`; the resolver is where tense and anchors come in.
`{MONTH}`, `{DAY}`, `{YEAR}`, `{WD}`, `{NUM}`, `{UNIT}`, `{SEASON}`, `{POD}`, `{ORD}` expand
to vocabulary alternations with a named group (`{MONTH:m2}` names the group `m2`). A group
named `t`, when present, is the span of the timex (the rest is context). Each rule carries
`examples`: (text, publication date, expected value of the timex the rule finds); one test
runs them all.  Patterns are matched case-insensitively; case checks live in the resolvers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.rules.temporal_vocab import (
    AMBIGUOUS_HOLIDAYS,
    HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_PLURALS,
    UNITS,
    WEEKDAYS,
)


def _alt(words: object) -> str:
    """Regex alternation of words, longest first, spaces matching any whitespace."""
    keys = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{_TENS})(?:[\s-](?:{_UNITS_WORDS}))?|"
    rf"(?:{_alt(NUMBERS)})(?:\s+(?:and\s+a\s+half))?|a\s+few|a\s+couple\s+of|few|several|"
    r"some|many|a\s+number\s+of|couple\s+of)"
)
_UNIT_WORDS = _alt(list(UNITS) + list(UNIT_PLURALS))

FRAGMENTS: dict[str, str] = {
    "MONTH": rf"(?:{_alt(MONTHS)})(?!\w)",
    "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d|\w)",
    "YEAR": rf"(?:1[5-9]\d\d|20\d\d)(?![\d%])|nineteen[\s-]+(?:hundred\s+(?:and\s+)?)?"
    rf"(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS_WORDS}))?|ten|eleven|twelve|thirteen|fourteen|"
    rf"fifteen|sixteen|seventeen|eighteen|nineteen)(?!\w)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_UNITS_WORDS}|ten))?(?!\w)",
    "WD": rf"(?:{_alt(WEEKDAYS)})",
    "NUM": _NUM,
    "UNIT": rf"(?:{_UNIT_WORDS})(?!\w)",
    "SEASON": rf"(?:{_alt(SEASONS)})",
    "POD": rf"(?:{_alt(PARTS_OF_DAY)})",
    "ORD": rf"(?:{_alt(ORDINALS)})",
    "HOLIDAY": rf"(?:{_alt([*HOLIDAYS, *MOVABLE_HOLIDAYS, *AMBIGUOUS_HOLIDAYS])})(?!\w)",
}
_PLACEHOLDER = re.compile(r"\{([A-Z]+)(?::(\w+))?\}")

Example = tuple[str, str, str]  # text, published (ISO), expected TimeML value


@dataclass(frozen=True)
class Rule:
    """One pattern and the resolver that normalises what it matches."""

    name: str
    pattern: str
    norm: str
    examples: tuple[Example, ...]
    params: tuple[tuple[str, str], ...] = field(default=())

    def compiled(self) -> re.Pattern[str]:
        """Expand placeholders and compile; a bad pattern fails at import, not at run time."""

        def expand(m: re.Match[str]) -> str:
            return f"(?P<{m.group(2) or m.group(1).lower()}>{FRAGMENTS[m.group(1)]})"

        return re.compile(r"(?<![\w'])" + _PLACEHOLDER.sub(expand, self.pattern), re.I)


_B = r"(?!\w)"  # right word boundary that also works after "Sept."
_PRE_PART = r"(?:(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+)"

RULES: tuple[Rule, ...] = (
    # ---- absolute dates -------------------------------------------------------------------
    Rule(
        "iso_date",
        r"{YEAR}-(?P<mnum>0[1-9]|1[0-2])-(?P<dnum>[0-2]\d|3[01])(?:T(?P<h>[01]\d|2[0-3]):(?P<mi>\d\d))?(?!\d)",
        "ymd",
        (("signed on 2025-04-03 in Rome", "2025-04-05", "2025-04-03"),),
    ),
    Rule(
        "slash_date",
        r"(?P<a>[01]?\d|3[01]|2\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])",
        "slash",
        (
            ("on 04/03/2025 the", "2025-04-05", "2025-04-03"),
            ("on 25/12/2024 the", "2025-04-05", "2024-12-25"),
        ),
    ),
    Rule(
        "weekday_month_day",
        r"{WD},?\s+(?:the\s+)?{MONTH}\s+{DAY}(?:\s*,?\s*{YEAR})?" + _B,
        "md",
        (
            ("on Monday, Oct. 26", "1998-10-28", "1998-10-26"),
            ("Thursday, April 6, 2000", "2000-04-01", "2000-04-06"),
        ),
    ),
    Rule(
        "weekday_day_month",
        r"{WD},?\s+(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{YEAR})?" + _B,
        "md",
        (("on Friday, 15 August 2025", "2025-08-09", "2025-08-15"),),
    ),
    Rule(
        "month_day",
        r"(?:(?P<mrel>last|next|this)\s+)?{MONTH}\s*(?:the\s+)?{DAY}(?:(?:\s*,\s*|\s+){YEAR})?"
        + _B,
        "md",
        (
            ("on April 3, 2025, officials", "2025-04-10", "2025-04-03"),
            ("on Sept. 9 the", "2025-09-28", "2025-09-09"),
            ("met on December 4", "2026-01-15", "2025-12-04"),
            ("will vote on Oct. 20", "2025-09-28", "2025-10-20"),
            # a chronology entry: the historical present is the past
            ("- March 13: Both ministries announce a deal", "2025-10-11", "2025-03-13"),
            ("- Nov. 30: Elections will be held", "2025-10-11", "2025-11-30"),
        ),
    ),
    Rule(
        "day_month",
        r"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{YEAR})?" + _B,
        "md",
        (
            ("on 12 June 2018", "2025-08-18", "2018-06-12"),
            ("met on 25 April", "2025-08-07", "2025-04-25"),
            ("on the 3rd of April", "2025-04-10", "2025-04-03"),
        ),
    ),
    Rule(
        "day_range_month",
        r"{DAY}\s*(?:-|–|to|and)\s*{DAY:d2}\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{YEAR})?" + _B,
        "md_range",
        (("talks on 14-15 February", "2026-01-15", "2026-02-14"),),
    ),
    Rule(
        "month_day_range",
        r"{MONTH}\s+{DAY}\s*(?:-|–|to|and|through)\s*{DAY:d2}(?:\s*,?\s*{YEAR})?" + _B,
        "md_range",
        (
            ("met on May 10 and 11", "2025-07-30", "2025-05-10"),
            ("March 3-5, 2025", "2025-04-01", "2025-03-03"),
        ),
    ),
    Rule(
        "month_year",
        _PRE_PART + r"?{MONTH}\s*,?\s+(?:of\s+)?(?:{YEAR}|(?P<yrel>this|last|next)\s+year"
        r"|(?P<ythat>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+prior)"
        r"\s+year)" + _B,
        "month",
        (
            ("invasion in February 2022", "2025-08-07", "2022-02"),
            ("revived in March 2023, and a return trip in May that year", "2025-10-30", "2023-05"),
            ("elected in 2019; sworn in in January the following year", "2025-10-30", "2020-01"),
            ("in January last year", "2026-01-15", "2025-01"),
            ("in late July 2024", "2025-08-07", "2024-07"),
        ),
    ),
    Rule(
        "month",
        r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?"
        + _PRE_PART
        + r"?{MONTH}(?!\.?\s*\d)",
        "month",
        (
            ("in January the", "2025-08-07", "2025-01"),
            ("in mid-July", "2025-08-07", "2025-07"),
            ("last November", "1989-10-30", "1988-11"),
            ("will visit in June", "2025-07-30", "2026-06"),
            ("in late July", "2025-08-18", "2025-07"),
        ),
    ),
    # ---- years, decades, centuries, seasons, quarters ------------------------------------
    Rule(
        "year",
        r"(?:(?P<fiscal>fiscal|FY)[\s-]*)?" + _PRE_PART + r"?{YEAR}(?!'?s\b|-\d|\.\d|,\d)",
        "year",
        (
            ("elected in 2019 after", "2025-08-09", "2019"),
            ("results for fiscal 1989", "1989-10-26", "1989"),
            ("by late 2024", "2025-08-09", "2024"),
        ),
    ),
    Rule(
        "year_range",
        r"(?P<t>{YEAR}\s?[-–/]\s?(?P<y2>(?:1[5-9]|20)\d\d|\d\d))(?![\d%/-]|\.\d)",
        "year_range",
        (
            ("the budget for 2013-14 was", "2013-10-02", "2013"),
            ("the war of 1950-53", "2025-08-18", "1950"),
            ("output rose in 2019-2021", "2023-01-10", "2019"),
        ),
    ),
    Rule(
        "decade",
        r"(?:the\s+)?" + _PRE_PART + r"?(?:(?P<dec>1[5-9]\d0|20\d0)'?s|'(?P<d2>\d0)s)(?!\w)"
        r"|(?:the\s+)?(?P<dword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?!\w)",
        "decade",
        (
            ("in the 1990s", "2025-08-09", "199"),
            ("the late 1970s", "1998-02-19", "197"),
            ("through the nineties", "1998-03-03", "199"),
        ),
    ),
    Rule(
        "century",
        r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh"
        r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
        r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century(?!\w)",
        "century",
        (("in the 20th century", "1998-02-13", "19"), ("the 11th century", "1998-02-19", "10")),
    ),
    Rule(
        "season",
        r"(?:(?P<rel>this|last|next|this\s+past|past|coming|early|late)\s+)?(?:the\s+)?{SEASON}"
        r"(?:\s+(?:of\s+)?{YEAR})?(?!\w)",
        "season",
        (
            ("last fall", "1989-10-30", "1988-FA"),
            ("this summer", "1998-05-01", "1998-SU"),
            ("the winter of 1994", "1998-05-01", "1994-WI"),
        ),
    ),
    Rule(
        "quarter",
        r"(?:(?P<qrel>this\s+year's|last\s+year's|next\s+year's|the\s+year-(?:ago|earlier)|"
        r"the\s+year\s+earlier|its|the|a|this|last|{YEAR:qyear})\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
        r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?"
        r"(?P<qh>quarter|half)(?!\s+of\s+(?:the|a|its|their)\b)(?:\s+of\s+(?:fiscal\s+)?{YEAR})?(?!\w)"
        r"|(?P<qq>Q[1-4])(?:\s+{YEAR:qy2})?(?!\w)",
        "quarter",
        (
            ("third-quarter earnings", "1989-10-26", "1989-Q3"),
            ("in the second quarter", "2025-07-30", "2025-Q2"),
            ("the third quarter of 1988", "1989-10-26", "1988-Q3"),
            ("in the first half", "2025-07-30", "2025-H1"),
        ),
    ),
    Rule(
        "half_of_year",
        r"(?:the\s+)?(?P<hw>first\s+two|last\s+two|last|latter|final)\s+(?P<hu>half|quarter|quarters)"
        r"\s+of\s+(?:fiscal\s+)?{YEAR}(?!\w)",
        "half",
        (
            ("for the last half of 1989", "1989-10-26", "1989-H2"),
            ("through the first two quarters of 1990", "1989-10-26", "1990-H1"),
            ("in the final quarter of 1988", "1989-10-26", "1988-Q4"),
        ),
    ),
    Rule(
        "year_ended",
        r"(?P<t>the\s+(?:fiscal\s+)?year)\s+end(?:ed|ing)(?!\w)",
        "year_span",
        (("revenue in the year ended March 31", "1989-10-26", "P1Y"),),
    ),
    Rule(
        "year_end",
        r"(?:the\s+end\s+of\s+the\s+(?P<ye>year)|(?P<ye2>year)[\s-]end|(?P<ye3>year)'s\s+end"
        r"|the\s+(?P<full>full)\s+year)(?![\w-])",
        "year_span",
        (
            ("to close the deal by year-end", "1989-10-26", "1989"),
            ("an increase for the full year", "1989-10-26", "1989"),
            ("the change since year-end", "1989-10-26", "1988"),
        ),
    ),
    Rule(
        "year_earlier",
        r"year-(?:earlier|ago)(?!\s+(?:quarter|period|level|figures?)\b)(?!\w)",
        "year_earlier",
        (("compared with a year-earlier loss", "1989-10-26", "1988"),),
    ),
    Rule(
        "quarter_rel",
        r"(?:the\s+|this\s+|that\s+)(?:(?P<qr>latest|current|last|past|previous|prior|next|coming|"
        r"same|recent|comparable|year-ago|year-earlier|most\s+recent)\s+)?(?:(?:fiscal|comparable|"
        r"year-ago|year-earlier)\s+)?quarter(?!\w)(?!\s+of\b)(?P<qago>\s+a\s+year\s+(?:ago|earlier))?"
        r"(?:(?=\s+end(?:ed|ing)\s+(?:on\s+)?{MONTH:qem}\s*{DAY:qed}))?"
        r"|(?P<qp>the\s+(?:latest|year-ago|year-earlier|comparable|same)\s+period)(?!\w)"
        r"|the\s+{YEAR}\s+(?:fiscal\s+)?(?:quarter|period)(?!\w)",
        "quarter_rel",
        (
            ("profit in the quarter rose", "1989-10-26", "1989-Q3"),
            ("the current quarter", "1989-10-26", "1989-Q4"),
            ("the year-ago quarter", "1989-10-26", "1988-Q3"),
            ("sales for the quarter ended Sept. 30 rose", "1989-10-26", "1989-Q3"),
            ("net for the quarter ended July 31 fell", "1989-10-26", "1989-Q2"),
            ("For the quarter a year ago, it earned", "1989-10-26", "1988-Q3"),
        ),
    ),
    # ---- relative to the publication date ------------------------------------------------
    Rule(
        "deictic_day",
        r"(?:(?P<ld>late|early|earlier|later)\s+)?(?:the\s+day\s+(?P<dba>before|after)\s+)?"
        r"(?P<dw>today|yesterday|tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?(?!\w)"
        r"|(?P<tw>tonight|overnight)(?!\w)",
        "deictic",
        (
            ("said yesterday", "1998-08-08", "1998-08-07"),
            ("arrives tomorrow", "1998-08-08", "1998-08-09"),
            ("tonight", "1999-10-24", "1999-10-24TNI"),
        ),
    ),
    Rule(
        "this_pod",
        r"(?:(?P<ld>early|late|earlier|later)\s+)?(?P<pr>this|last|the)\s+(?P<pod>morning|afternoon|"
        r"evening|night)(?!\w)",
        "this_pod",
        (
            ("this morning", "1998-02-06", "1998-02-06TMO"),
            ("last night", "1998-01-20", "1998-01-19TNI"),
        ),
    ),
    Rule(
        "rel_unit",
        r"(?:(?P<ld>early|earlier|late|later|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
        r"the\s+rest\s+of|the\s+start\s+of|end\s+of)\s+)?(?:the\s+)?"
        r"(?P<rel>this|last|next|past|previous|coming|current|following|this\s+past|this\s+coming)\s+"
        r"(?:fiscal\s+)?(?P<unit>week|month|year|decade|century|weekend|fortnight)(?!\w)(?!-)",
        "rel_unit",
        (
            ("met last week", "2025-04-03", "2025-W13"),
            ("earlier this week", "2025-08-03", "2025-W31"),
            ("next month", "2025-04-03", "2025-05"),
            ("late last year", "2026-03-20", "2025"),
            ("this weekend", "2025-08-07", "2025-W32-WE"),
            ("on May 16. The following week, they met", "2025-06-03", "2025-W21"),
            ("visited Manila in February. The previous month, talks", "2025-11-04", "2025-01"),
        ),
    ),
    Rule(
        "week_of",
        r"the\s+week\s+of\s+(?:{MONTH}\s*{DAY}|{DAY:day2}\s+{MONTH:month2})"
        r"(?:\s*,?\s*{YEAR})?" + _B,
        "week_of",
        (
            ("a court hearing the week of March 6", "2000-02-24", "2000-W10"),
            ("talks the week of 14 July, 2025", "2025-06-01", "2025-W29"),
        ),
    ),
    Rule(
        "weekend",
        r"(?:over\s+|during\s+|at\s+)?(?P<t>the\s+weekend)(?!\w)",
        "weekend",
        (("said over the weekend", "2025-08-03", "2025-W31-WE"),),
    ),
    Rule(
        "weekday",
        r"(?:(?P<rel>last|next|this|this\s+coming|this\s+past|coming|past|early|late|earlier|later|"
        r"the\s+day\s+before\s+last|the\s+(?:previous|preceding|following|next))\s+(?:on\s+)?)?"
        r"{WD}(?P<poss>'s)?"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?(?!\w)",
        "weekday",
        (
            ("said Thursday", "2025-08-07", "2025-08-07"),
            ("met on Wednesday", "2025-08-07", "2025-08-06"),
            ("will travel on Monday", "2025-08-07", "2025-08-11"),
            ("last Friday", "1989-10-30", "1989-10-27"),
            ("on Wednesday evening", "2025-08-07", "2025-08-06TEV"),
            ("talks on Monday, Aug. 4. The following Friday, they met", "2025-08-20", "2025-08-08"),
            ("closed on Friday, down from the previous Friday", "2025-08-11", "2025-08-01"),
        ),
    ),
    Rule(
        "weekday_plural",
        r"(?:every\s+|each\s+|on\s+)?{WD}s(?:\s+(?P<pod>morning|afternoon|evening|night)s)?(?!\w)"
        r"|(?:every|each)\s+{WD:wd2}(?:\s+(?P<pod2>morning|afternoon|evening|night))?(?!\w)"
        r"|{WD:wd3}\s+(?P<pod3>morning|afternoon|evening|night)s(?!\w)",
        "weekday_set",
        (
            ("every Monday", "2025-04-03", "XXXX-WXX-1"),
            ("Tuesday nights", "2025-04-03", "XXXX-WXX-2TNI"),
        ),
    ),
    Rule(
        "ago",
        r"(?P<mod>about|around|some|nearly|almost|roughly|approximately|more\s+than|over|less\s+than|"
        r"just|only)?\s*{NUM}[\s-]+(?:or\s+so\s+)?{UNIT}(?:\s+or\s+so)?\s+ago(?!\w)",
        "ago",
        (
            ("two days ago", "2026-01-15", "2026-01-13"),
            ("a year ago", "1998-08-08", "1997"),
            ("six weeks ago", "2000-01-06", "1999-W47"),
            ("two months ago", "2000-01-06", "1999-11"),
        ),
    ),
    Rule(
        "offset",
        r"{NUM}[\s-]+{UNIT}\s+(?P<dir>later|earlier|before|after)(?!\w)",
        "offset",
        (
            ("on May 16. Two days later, talks", "2025-06-03", "P2D"),
            ("on May 16. A few days later, talks", "2025-06-03", "PXD"),
            ("Just over an hour later, he was dead", "2025-06-03", "PT1H"),
            ("a month after Qantas suspended flights", "1998-02-13", "P1M"),
            ("a year earlier", "1998-02-06", "1997"),
            ("on May 16. A few days earlier, talks", "2025-06-03", "PAST_REF"),
        ),
    ),
    Rule(
        "narrative",
        r"(?:(?P<ld>earlier|later|late|early)\s+)?(?:(?:on|of)\s+)?"
        r"(?:(?P<the>the|that)\s+(?:very\s+)?(?:(?P<ndir>same|previous|prior|following|next|"
        r"preceding|subsequent)\s+)?(?P<nunit>day|week|month|year|morning|afternoon|evening|night|"
        r"weekend)(?:\s+(?P<ndir2>before|after))?(?!\w)(?!\s+(?:of|when|that|in)\b)"
        r"|the\s+(?P<nunit2>day|night|week|month|year)\s+(?P<ndir3>before|after)(?!\w))",
        "narrative",
        (
            ("on Thursday. They had met the day before", "2025-10-09", "2025-10-08"),
            ("On 3 October, talks opened. On the same day, X", "2025-10-09", "2025-10-03"),
            ("on May 16. The previous day, they met", "2025-06-03", "2025-05-15"),
            ("that year", "1998-08-08", "1998"),
            ("met Kiir on the weekend", "2025-04-16", "2025-W15-WE"),
        ),
    ),
    # ---- durations, sets, references -----------------------------------------------------
    Rule(
        "duration",
        r"(?P<mod>about|around|some|nearly|almost|roughly|approximately|more\s+than|over|less\s+than|"
        r"under|at\s+least|up\s+to|no\s+more\s+than|at\s+most|just|only|fewer\s+than|a\s+full|"
        r"another|an\s+additional|an?\s+extra)?\s*"
        r"(?:(?P<pre>the\s+(?:past|last|next|first|final|coming|previous|latest|remaining|following|"
        r"ensuing|initial)|the|past|last|next|first|final|coming|previous|those|these)\s+)?"
        r"{NUM}(?:\s+(?:more|additional|straight|consecutive|full|long|trading|business|"
        r"working|calendar|fiscal))?[\s-]+{UNIT}(?:\s+and\s+a\s+half)?(?P<old>-old|\s+old)?"
        r"(?:\s+or\s+so)?(?!\w)(?!-(?:earlier|ago))(?!(?<=quarters)\s+of\s+(?:fiscal\s+)?(?:1[5-9]|20)\d\d\b)",
        "duration",
        (
            ("for three years", "2025-04-03", "P3Y"),
            ("the past 48 hours", "2025-04-03", "PT48H"),
            ("a 90-day truce", "2025-07-30", "P90D"),
            ("the first nine months", "1989-10-26", "P9M"),
            ("several years", "1989-10-26", "PXY"),
            ("2 1/2 years", "1989-10-26", "P2Y6M"),
        ),
    ),
    Rule(
        "bare_duration",
        r"(?:for|over|in|within|took|take|takes|lasted|last)\s+(?:the\s+(?P<pre>past|last|next|"
        r"coming)\s+)?(?P<t>(?:(?:the|past|last|next|coming)\s+)?"
        r"(?P<pu>years|months|weeks|days|hours|minutes|decades|centuries))(?!\w)(?!\s+(?:ago|of)\b)"
        r"|recent\s+(?P<pu2>months|weeks|days)(?!\w)"
        # "Hours later", "minutes before the vote": the gold tags the vague duration only
        r"|(?<!\bthe\s)(?<!\bthose\s)(?<!\bthese\s)(?<!\bof\s)(?<!\bfirst\s)(?<!\blast\s)"
        r"(?<![\w-])(?P<t2>(?P<pu3>years|months|weeks|"
        r"days|hours|minutes))\s+(?:later|earlier|before|after)(?!\w)",
        "bare_duration",
        (
            ("talks lasted for months", "2025-04-03", "PXM"),
            ("in recent weeks", "2025-04-03", "PXW"),
            ("Hours later, the ministry denied it", "2025-04-03", "PTXH"),
            ("his car was seen in the weeks before the shooting", "1999-05-06", "PAST_REF"),
            ("Shot on Oct. 23. In the days after the attack", "1998-11-20", "1998-10"),
        ),
    ),
    Rule(
        "in_the_unit",
        r"(?P<ld>earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)(?!\w)"
        r"(?!\s+(?:before|after|of|that|when|in|to)\b)",
        "in_the_unit",
        (
            ("They will meet later in the week.", "2025-08-05", "2025-W32"),
            ("earlier in the month", "2025-08-05", "2025-08"),
            ("He spoke on Monday. Later in the day, he flew home.", "2025-08-07", "2025-08-04"),
            ("Later in the day, the minister flew home.", "2025-08-07", "2025-08-07"),
        ),
    ),
    Rule(
        "ref",
        r"(?P<ref>now|currently|at\s+present|presently|nowadays|these\s+days|right\s+now|"
        r"at\s+the\s+moment|for\s+now|recently|lately|formerly|in\s+the\s+past|"
        r"the\s+past|more\s+recently|the\s+(?:near\s+|distant\s+|foreseeable\s+)?"
        r"future|(?:the\s+)?near\s+future|in\s+future|(?:the\s+)?(?:coming|next\s+few)\s+"
        r"(?:years|months|weeks|days)|recent\s+(?:years|times)|"
        r"the\s+(?:years|months|weeks|days)\s+ahead|the\s+time\s+being|the\s+present|current|"
        r"the\s+(?:near|short)\s+term|as\s+soon\s+as\s+possible|soon|"
        r"recent)(?!\w)(?!-)",
        "ref",
        (
            ("is now in talks", "2025-04-03", "PRESENT_REF"),
            ("recently met", "2025-04-03", "PAST_REF"),
            ("in the future", "2025-04-03", "FUTURE_REF"),
            ("prosecutors may soon seek an indictment", "2025-04-03", "FUTURE_REF"),
            ("to end the war as soon as possible", "2025-04-03", "FUTURE_REF"),
        ),
    ),
    Rule(
        "set",
        r"(?P<sw>daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly|semiannually|"
        r"biannually)(?!\w)"
        r"|(?:every|each)\s+(?P<other>other\s+)?(?:(?P<sn>\d+|two|three|four|five|six|ten|few)\s+)?"
        r"(?P<su>day|week|month|year|quarter|hour|minute|decade|morning|evening|night|afternoon|"
        r"summer|winter|spring|fall|autumn|weekend)s?(?!\w)"
        r"|(?:once|twice|\w+\s+times|\d+(?:\.\d+)?\s*%|dollars?|cents?|million|billion|per\s+cent|"
        r"percent|\d[\d,.]*\s+[a-z]+s)\s+(?P<t>(?:a|an|per|each)\s+(?P<su2>day|week|month|year|"
        r"quarter|hour|minute))(?!\w)(?!\s+(?:ago|earlier|later|before|after|old)\b)"
        r"|(?P<t2>per\s+(?P<su3>day|week|month|year|quarter|hour))(?!\w)",
        "set",
        (
            ("published weekly", "2025-04-03", "P1W"),
            ("every day", "2025-04-03", "P1D"),
            ("twice a year", "2025-04-03", "P1Y"),
        ),
    ),
    Rule(
        "each_month",
        r"(?:every|each)\s+{MONTH}(?!\w)",
        "month_set",
        (("each July", "2025-04-03", "XXXX-07"),),
    ),
    # ---- clock times and holidays --------------------------------------------------------
    Rule(
        "clock",
        r"(?:(?P<cmod>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))"
        r"\s+)?(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am|pm)"
        r"(?!\w)|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d)|(?P<hhmm>[01]\d|2[0-3])(?P<mm>[0-5]\d)"
        r"(?=\s+(?:GMT|UTC|Z|hours|hrs)\b)|(?P<noon>noon|midnight|midday|mid-?morning|mid-?afternoon|"
        r"mid\s+afternoon)|(?P<h3>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve)\s+(?P<inthe>in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o'clock))"
        r"(?:\s+(?P<tz>(?-i:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|BST|CET|CEST|EET|"
        r"EEST|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT)(?!\w)|local\s+time|(?-i:[A-Z][a-z]+)\s+time"
        r"|\(\d{4}\s+GMT\)))?"
        r"(?:,?\s+(?:on\s+)?(?:(?P<cday>today|yesterday|tomorrow|tonight)|{MONTH}\s*{DAY}|{WD}))?"
        r"(?!\w)",
        "clock",
        (
            ("at 10 a.m.", "2025-04-02", "2025-04-02T10:00"),
            ("at 10:30 GMT", "2025-04-02", "2025-04-02T10:30"),
            ("at 5 p.m. Tuesday", "2025-05-13", "2025-05-13T17:00"),
            ("at 0000 GMT Sunday", "2025-09-28", "2025-09-28T00:00"),
            ("extended until 5 p.m. EST, Nov. 6.", "1989-10-30", "1989-11-06T17:00"),
            ("the hearing will open at 10 a.m. ET on Thursday", "2013-10-02", "2013-10-03T10:00"),
        ),
    ),
    Rule(
        "weekday_clock",
        r"{WD}\s+(?:at\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|"
        r"p\.\s?m\.?)",
        "clock",
        (("Tuesday at 9 a.m.", "1998-08-19", "1998-08-18T09:00"),),
    ),
    Rule(
        "holiday",
        r"(?:(?P<rel>last|next|this)\s+)?{HOLIDAY}(?:\s+(?:of\s+)?{YEAR})?",
        "holiday",
        (
            ("will meet on Christmas Day", "2025-12-20", "2025-12-25"),
            ("last Thanksgiving", "1998-02-13", "1997-11-27"),
        ),
    ),
)


def _compile_all() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    return tuple((r, r.compiled()) for r in RULES)


COMPILED: tuple[tuple[Rule, re.Pattern[str]], ...] = _compile_all()

# Trigger classes: a rule is only run in windows around words of its classes (the speed of
# the tagger comes from here).  Every match of a rule must contain one of its trigger words.
RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "iso_date": ("ISO",),
    "slash_date": ("SLASH",),
    "weekday_month_day": ("WD",),
    "weekday_day_month": ("WD",),
    "month_day": ("MONTH",),
    "day_month": ("MONTH",),
    "day_range_month": ("MONTH",),
    "month_day_range": ("MONTH",),
    "month_year": ("MONTH",),
    "month": ("MONTH",),
    "year": ("YEAR",),
    "year_range": ("YEAR",),
    "decade": ("YEAR", "DECADE"),
    "century": ("CENTURY",),
    "season": ("SEASON",),
    "quarter": ("QUARTER",),
    "half_of_year": ("QUARTER",),
    "year_ended": ("YEARWORD",),
    "year_end": ("YEARWORD",),
    "year_earlier": ("YEARWORD",),
    "quarter_rel": ("QUARTER",),
    "deictic_day": ("DEICTIC",),
    "this_pod": ("POD",),
    "rel_unit": ("UNIT",),
    "weekend": ("WEEKEND",),
    "week_of": ("MONTH",),
    "weekday": ("WD",),
    "weekday_plural": ("WD",),
    "ago": ("AGO",),
    "offset": ("OFFSET",),
    "narrative": ("UNIT", "POD"),
    "duration": ("UNIT",),
    "bare_duration": ("UNIT",),
    "in_the_unit": ("UNIT",),
    "ref": ("REF",),
    "set": ("SET", "UNIT"),
    "each_month": ("MONTH",),
    "clock": ("CLOCK",),
    "weekday_clock": ("WD",),
    "holiday": ("HOLIDAY",),
}
_missing = [r.name for r in RULES if r.name not in RULE_TRIGGERS]
if _missing:  # a rule without triggers would never run
    raise ValueError(f"rules without trigger classes: {_missing}")

# lower-case token -> trigger classes (months and weekdays are added, capitalised only, in code)
TRIGGER_WORDS: dict[str, tuple[str, ...]] = {}


def _add(words: object, cls: str) -> None:
    for w in words:  # type: ignore[attr-defined]
        TRIGGER_WORDS[w] = (*TRIGGER_WORDS.get(w, ()), cls)


_add(list(UNITS) + list(UNIT_PLURALS), "UNIT")
_add(["weekend", "weekends"], "WEEKEND")
_add(["century", "centuries"], "CENTURY")
_add(["year"], "YEARWORD")
_add(["ago"], "AGO")
_add(["later", "earlier", "before", "after"], "OFFSET")
_add(["today", "yesterday", "tomorrow", "tonight", "overnight"], "DEICTIC")
_add(["morning", "afternoon", "evening", "night", "tonight"], "POD")
_add(list(SEASONS), "SEASON")
_add(["quarter", "quarters", "half", "period", "q1", "q2", "q3", "q4"], "QUARTER")
_add(["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
      "nineties"], "DECADE")  # fmt: skip
_add(["nineteen", "thousand"], "YEAR")
_add(["now", "currently", "present", "presently", "nowadays", "days", "moment", "recently", "term",
      "lately", "formerly", "past", "future", "current", "recent", "coming", "ahead", "being",
      "years", "months", "weeks", "times", "soon"], "REF")  # fmt: skip
_add(["daily", "weekly", "monthly", "yearly", "hourly", "nightly", "biweekly", "bimonthly",
      "semiannually", "biannually", "every", "each", "per"], "SET")  # fmt: skip
_add(["noon", "midnight", "midday", "midmorning", "midafternoon", "clock", "gmt", "utc",
      "am", "pm", "mid"], "CLOCK")  # fmt: skip
_add({w.split()[0] for w in [*HOLIDAYS, *MOVABLE_HOLIDAYS, *AMBIGUOUS_HOLIDAYS]}, "HOLIDAY")
