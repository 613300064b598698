"""Words that make an event planned, negated or hypothetical rather than happened.

Annotators skip negated ("did not attend") and modal ("may visit", "could meet") events
and keep planned ones ("will travel", "is due to meet"); these tables decide which.
"""

from __future__ import annotations

# auxiliaries on the predicate itself
PLANNED_AUX: frozenset[str] = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX: frozenset[str] = frozenset({"may", "might", "could", "can", "should", "must"})

# the predicate is the complement of one of these ("is due to meet", "plans to travel")
PLANNED_HEADS: frozenset[str] = frozenset(
    {
        "due",
        "expect",
        "expected",
        "set",
        "schedule",
        "scheduled",
        "plan",
        "intend",
        "prepare",
        "going",
        "slate",
        "slated",
        "poised",
        "be",
    }
)
HYPOTHETICAL_HEADS: frozenset[str] = frozenset(
    {
        "want",
        "like",
        "hope",
        "seek",
        "aim",
        "try",
        "wish",
        "propose",
        "suggest",
        "offer",
        "consider",
        "ready",
        "willing",
        "able",
        "urge",
        "ask",
        "call",
        "invite",
        "encourage",
        "demand",
        "push",
        "threaten",
        "possible",
        "open",
    }
)
NEGATING_HEADS: frozenset[str] = frozenset({"decline", "fail", "refuse"})
# verbs whose subject event did not take place as planned: "a planned visit ... was
# postponed", "the summit was called off"
CANCELLING_VERBS: frozenset[str] = frozenset(
    {"postpone", "cancel", "scrap", "shelve", "delay", "defer", "abandon", "call", "scrub"}
)

# subordinators that make a clause conditional
HYPOTHETICAL_MARKS: frozenset[str] = frozenset({"if", "unless", "whether"})

# modifiers of event nouns
HYPOTHETICAL_MODIFIERS: frozenset[str] = frozenset(
    {"possible", "potential", "proposed", "hypothetical", "eventual", "would-be"}
)
PLANNED_MODIFIERS: frozenset[str] = frozenset(
    {"planned", "upcoming", "scheduled", "slated", "expected", "forthcoming", "next"}
)

# Examples that tests run: (sentence, trigger word, expected status).
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("Kaja Kallas will travel to Kyiv on Monday.", "travel", "planned"),
    ("JD Vance was due to meet David Lammy on Saturday.", "meet", "planned"),
    ("Netanyahu did not attend the summit on Monday.", "attend", "negated"),
    ("Trump has not commented publicly on Monday's talks.", "commented", "negated"),
    ("Peskov declined to comment on the talks on Friday.", "comment", "negated"),
    ("Trump has said he may visit Gaza on Friday.", "visit", "hypothetical"),
    ("The two leaders could meet later this year.", "meet", "hypothetical"),
    ("Lula met Trump in New York last month.", "met", "happened"),
    ("Sudani invited the king to visit Baghdad in May.", "visit", "hypothetical"),
    # heads are matched by their inflected form too (the lemmatizer makes "hoped" "hop")
    ("Trump said he hoped to speak to Putin this week.", "speak", "hypothetical"),
    ("A planned visit by Prabowo to Canberra earlier this year was postponed.", "visit",
     "negated"),
    # the past perfect of a plan tells of a plan that fell through
    ("Dar called off a trip on which he had been due to meet Muttaqi on Monday.", "meet",
     "negated"),
)
