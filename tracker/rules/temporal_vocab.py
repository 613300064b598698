"""Vocabularies for the temporal tagger: words -> numbers, as data.

Each table is a plain mapping from a lower-case surface form to its normalised meaning, so a
new spelling is one line.  `temporal_rules.py` turns the key sets into regex alternations.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "jan.": 1,
    "february": 2, "feb": 2, "feb.": 2, "febr.": 2,
    "march": 3, "mar.": 3,
    "april": 4, "apr": 4, "apr.": 4,
    "may": 5,
    "june": 6, "jun.": 6,
    "july": 7, "jul.": 7,
    "august": 8, "aug": 8, "aug.": 8,
    "september": 9, "sept": 9, "sept.": 9, "sep.": 9,
    "october": 10, "oct": 10, "oct.": 10,
    "november": 11, "nov": 11, "nov.": 11,
    "december": 12, "dec": 12, "dec.": 12,
}  # fmt: skip

# Month words that are also common English words: a bare use needs a date context.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march", "mar.", "jan", "sept", "dec"})

WEEKDAYS: dict[str, int] = {  # ISO: Monday = 1
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
    "friday": 5, "saturday": 6, "sunday": 7,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12,
    "a half": 0, "half a": 0,
}  # fmt: skip

# Vague quantities give an X in the TimeML value ("several years" -> PXY).
VAGUE_NUMBERS: frozenset[str] = frozenset(
    {"few", "a few", "several", "some", "many", "a number of", "the"}
)

# How many units a vague quantity spans in an offset ("a few days later": 2-4 days after the
# anchor); quantities missing here ("many") give no interval.
VAGUE_SPANS: dict[str, tuple[int, int]] = {
    "few": (2, 4), "a few": (2, 4), "several": (3, 7), "some": (2, 6), "a number of": (3, 7),
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11,
    "twelfth": 12, "12th": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "last": 4,
}  # fmt: skip

# unit word -> (TimeML duration letter, multiplier, is a time-of-day unit)
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "weekend": ("D", 2, False), "fortnight": ("W", 2, False),
    "month": ("M", 1, False), "quarter": ("Q", 1, False), "year": ("Y", 1, False),
    "decade": ("Y", 10, False), "century": ("Y", 100, False), "millennium": ("Y", 1000, False),
}  # fmt: skip
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "weekends": "weekend", "months": "month", "quarters": "quarter",
    "years": "year", "decades": "decade", "centuries": "century", "millennia": "millennium",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
# first month of each season (winter starts in December of the named year)
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI",
}  # fmt: skip

# fixed-date holidays: name -> (month, day); movable ones are computed in temporal.py
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
    "fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "bastille day": (7, 14), "boxing day": (12, 26), "may day": (5, 1),
    "veterans day": (11, 11), "armistice day": (11, 11),
}  # fmt: skip
# National days whose date depends on the country ("Independence Day" is July 4 in the US,
# Aug. 15 in India): tagged with an underspecified value, never a guessed date.
AMBIGUOUS_HOLIDAYS: frozenset[str] = frozenset(
    {"independence day", "national day", "victory day", "republic day", "liberation day",
     "unification day", "constitution day", "unity day", "revolution day", "martyrs' day",
     "national unity day", "statehood day", "sovereignty day"}
)  # fmt: skip
# A calendar or church before a holiday name moves its date ("Orthodox Christmas", "Lunar
# New Year"): the name is then ambiguous too.
HOLIDAY_CALENDAR_WORDS: frozenset[str] = frozenset(
    {"orthodox", "lunar", "chinese", "persian", "iranian", "jewish", "islamic", "hijri",
     "vietnamese", "tibetan", "thai", "tamil", "sinhala", "khmer", "coptic", "julian",
     "ethiopian", "armenian", "russian", "serbian", "bengali", "nepali"}
)  # fmt: skip
MOVABLE_HOLIDAYS: frozenset[str] = frozenset(
    {"thanksgiving", "thanksgiving day", "easter", "easter sunday", "election day",
     "labor day", "memorial day", "good friday", "easter week"}
)  # fmt: skip

# Reference words -> TimeML PaPrFu values.
PRESENT_WORDS: tuple[str, ...] = (
    "now", "currently", "at present", "presently", "nowadays", "these days", "right now",
    "at the moment", "at this time", "for now", "the present", "this time",
)  # fmt: skip
PAST_WORDS: tuple[str, ...] = (
    "recently", "lately", "previously", "formerly", "in the past", "the past", "more recently",
    "until recently", "earlier", "once",
)  # fmt: skip
FUTURE_WORDS: tuple[str, ...] = (
    "the future", "the near future", "the coming years", "the coming months", "coming months",
    "coming years", "the years ahead", "the months ahead", "in future",
)  # fmt: skip

# Nouns after a weekday that make it a name, not a date ("Sunday Times", "Bloody Sunday" aside).
WEEKDAY_NAME_NOUNS: frozenset[str] = frozenset(
    {"times", "telegraph", "mirror", "express", "post", "herald", "independent", "star",
     "tribune", "mail", "people", "sport", "business", "review", "club", "school", "mosque",
     "prayers", "prayer", "service", "night live", "show", "magazine", "edition"}
)  # fmt: skip

# Counted nouns after a four-digit number that show it is a quantity, not a year.
NOT_YEAR_NOUNS: frozenset[str] = frozenset(
    {"people", "persons", "troops", "soldiers", "workers", "members", "shares", "units",
     "dollars", "barrels", "tons", "tonnes", "miles", "kilometers", "kilometres", "km", "feet",
     "meters", "metres", "acres", "jobs", "cars", "homes", "houses", "employees", "students",
     "votes", "points", "children", "refugees", "civilians", "prisoners", "police", "officers",
     "delegates", "copies", "rounds", "pages", "hours", "minutes", "seconds", "days",
     "weeks", "months", "years", "calories", "deaths", "cases", "patients", "men", "women"}
)  # fmt: skip

# Words before a capitalised ambiguous month ("in May", "since March") that make it a date.
MONTH_CONTEXT_BEFORE: frozenset[str] = frozenset(
    {"in", "of", "since", "until", "till", "by", "last", "next", "this", "early", "mid",
     "late", "during", "before", "after", "through", "from", "to", "on", "between", "and",
     "end", "beginning", "middle", "start", "each", "every", "throughout", "for", "or",
     "that", "past", "coming", "around", "as", "mid-"}
)  # fmt: skip

# Nouns of events that are scheduled ahead: "will gather for Friday's summit" lies ahead, while
# "would get around Wednesday's ruling" was reported (a possessive weekday is past by default).
SCHEDULED_NOUNS: frozenset[str] = frozenset(
    {"summit", "meeting", "meetings", "talks", "vote", "election", "session", "deadline",
     "visit", "conference", "hearing", "ceremony", "debate", "trip", "launch", "opening",
     "referendum", "round", "rally", "parade", "inauguration", "signing", "negotiations",
     "game", "match", "final", "gathering", "event", "celebration", "march", "protest"}
)  # fmt: skip
