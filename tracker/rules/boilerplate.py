"""Lines of a news page that are not the article's own news."""

from __future__ import annotations

import re

# Each pattern drops a whole line; the examples are lines it must drop.
BOILERPLATE_LINES: list[tuple[str, list[str]]] = [
    (
        r"^(related( articles?| stories| coverage)?|read more|read also|see also|more on this)\s*:",
        ["Related article: [U.S. Lifts Sanctions](#)", "Related: Talks stall", "Read more: x"],
    ),
    (
        r"^(?:(?:photo|photograph|picture|image|video|graphic)(?:\s+(?:caption|credit))?"
        r"|caption|credit)\s*:",
        [
            "Photo: Reuters",
            "Photograph: AP",
            "Photo caption: Putin and Witkoff",
            "Image caption: Leaders in Cairo",
            "Image credit: AFP",
            "Caption: x",
        ],
    ),
    (
        r"^(original url|source url|url)\s*:\s*\S*$",
        ["Original url:", "Original url: <https://x.org>"],
    ),
    (r"^<?https?://\S+>?$", ["<https://www.themoscowtimes.com/2025/04/03/a-b-a88592>"]),
    (r"^(share|share this|advertisement|subscribe.*|sign up.*)$", ["Advertisement", "Share"]),
    (
        r"^\(?(additional )?(reporting|writing|editing|compiled|produced) by\b",
        ["(Reporting by Guy Faulconbridge; Editing by Alex Richardson)", "Writing by Jane Doe"],
    ),
    (
        r"^(also read|read also|watch|listen|more|see more|click here)\s*:",
        ["Also read: Talks stall", "WATCH: The summit in 60 seconds"],
    ),
    (r"^©|^(copyright|all rights reserved)\b", ["© 2025 Reuters", "Copyright 2025 The AP"]),
    # a photo caption: a line that ends with the picture agency's credit after its sentence
    (
        r"^.{10,400}(?:\.\s+\(?|\((?:[^()\n]{0,60}/)?)"
        r"(?:AFP|Reuters|AP|EPA(?:-EFE)?|Getty Images|WAM|SPA|Xinhua|IRNA|Anadolu|Kyodo|Yonhap"
        r"|Pool photo|Handout|File photo)\)?\.?(?:\s*\(\w+\))?\s*$",
        [
            "Iranian President Masoud Pezeshkian, centre, arrives in Doha on Monday. AFP",
            "US President Donald Trump shakes hands with Syria's President Ahmed al-Sharaa in the "
            "Oval Office, 10 November 2025 (Syrian Presidency/AFP)",
            "Takaichi (R) and Lee shake hands in Gyeongju, South Korea, on Oct. 30, 2025. "
            "(Pool photo)(Kyodo)",
        ],
    ),
    (r"^(?:[\w.-]+\.(?:ru|com|org|net|gov|int|ua|uk|io))$", ["kremlin.ru"]),
]

# Lines of news that look a little like the above and must stay.
KEPT_LINES: list[str] = [
    "The minister told AFP.",
    "An official said on Monday that the talks would resume, Reuters reported.",
    "Related talks are due next week.",
]

# A heading whose list follows on the next lines ("Related coverage:" then headlines).
RELATED_HEADING_RE = re.compile(
    r"^(related( articles?| stories| coverage| content)?|read more|read also|also read|see also"
    r"|more on this( story)?|more from \w+|recommended)\s*:?\s*$",
    re.IGNORECASE,
)
RELATED_HEADING_EXAMPLES = ["Related coverage:", "Read more", "See also:"]

BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p, _ in BOILERPLATE_LINES), re.IGNORECASE)

# "MOSCOW, Aug 7 (Reuters) -", "WASHINGTON (AP) --", "PUTRAJAYA –": the wire's dateline,
# which dates no event (tracker.events) and is no part of the lead's sentence (tracker.nlp).
DATELINE_RE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\-]+(?:[ \t][A-Z][A-Z.'\-]+)*"  # MOSCOW / NEW YORK
    r"(?:,[ \t]*[A-Z0-9][^()\n,]{0,15})*"  # , Aug 7 / , Poland / , Jan. 5, 2000
    # (Reuters) - ; the agency in brackets may end it alone: "MOSCOW, Aug 20 (PTI) The ..."
    r"(?:[ \t]*\([A-Za-z .\-]{1,30}\)[ \t]*(?:--|[-\u2013\u2014_:])?"
    r"|[ \t]*(?:--|[-\u2013\u2014_]))",
    re.MULTILINE,
)
DATELINE_EXAMPLES = [
    ("MOSCOW, Aug 7 (Reuters) - Russia said", "MOSCOW, Aug 7 (Reuters) -"),
    ("PUTRAJAYA – Prime Minister Lawrence Wong", "PUTRAJAYA –"),
    ("WASHINGTON (AP) -- The president", "WASHINGTON (AP) --"),
]

# Markdown-style links left by scrapers: "[confirmed](#)" -> "confirmed".
LINK_MARKUP_RE = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]*\)")
LINK_MARKUP_EXAMPLES = [("Dmitriev [confirmed](#) Thursday", "Dmitriev confirmed Thursday")]

ORIGINAL_URL_RE = re.compile(r"^\s*Original url:\s*\n*\s*<?(https?://[^\s>]+)>?", re.I | re.M)

# A line of a timeline box that opens with its date ("November 2024 – Milei meets Trump",
# "- 20-21 February: Rubio skips ...", "Oct. 9: Bessent announces"): it starts a sentence even
# after a single line break, so each entry keeps its own date (tracker.nlp.paragraph_doc).
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
TIMELINE_LINE_RE = re.compile(
    r"^[ \t]*(?:[-\u2013\u2014\u2022*\u00b7\u25aa\u25ba][ \t]*)?"
    r"(?:(?:\d{1,2}(?:[ \t]*[-\u2013][ \t]*\d{1,2})?[ \t]+)?" + _MONTH
    + r"(?:[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:[ \t]*[-\u2013][ \t]*\d{1,2})?)?(?:,?[ \t]+\d{4})?"
    r"|" + _WEEKDAY + r"|\d{4})"
    r"[ \t]*(?::|[\u2013\u2014]|-(?=[ \t]))",
    re.MULTILINE,
)
TIMELINE_LINE_EXAMPLES = [
    ("November 2024 \u2013 Milei meets President-elect Trump", True),
    ("- 20-21 February: US Secretary of State Marco Rubio skips", True),
    ("Oct. 9: Bessent announces the swap line", True),
    ("September 23 \u2013 Trump and Milei meet in New York", True),
    ("2019: Trump and Putin meet in Osaka", True),
    ("March was a difficult month for the talks.", False),
    ("May 2025 brought new sanctions.", False),
]

