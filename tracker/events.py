"""Event extraction: dated diplomatic events with their people, type, status and evidence.

A time expression belongs to the predicate it modifies in the dependency parse, not to
everything in its sentence: in "Reuters reported on Thursday that Dmitriev had met
officials the day before" the report is Thursday and the meeting the day before. Each
dated predicate becomes one event; its participants are the named people in its own
arguments (subject first), never bystanders elsewhere in the sentence. Triggers and their
codes are data in tracker.rules.triggers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker.people import ArticlePeople, find_people, person_key
from tracker.rules.boilerplate import DATELINE_RE
from tracker.rules.status import (
    CANCELLING_VERBS,
    HYPOTHETICAL_AUX,
    HYPOTHETICAL_HEADS,
    HYPOTHETICAL_MARKS,
    HYPOTHETICAL_MODIFIERS,
    NEGATING_HEADS,
    PLANNED_AUX,
    PLANNED_HEADS,
    PLANNED_MODIFIERS,
)
from tracker.rules.titles import GROUP_NOUNS, ROLE_NOUNS
from tracker.rules.triggers import (
    BACKGROUND_NOUNS,
    CONTENT_PROMOTES,
    CONTENT_TYPES,
    MEANS_TYPES,
    MEASURE_NOUNS,
    NON_EVENT_VERBS,
    QUESTIONED_MARKS,
    QUESTIONED_VERBS,
    REFUSAL_VERBS,
    REFUSED_THINGS,
    SCENE_WORDS,
    SPLIT_VERB_PREFIXES,
    TRIGGERS,
    TYPE_CODES,
    Trigger,
)
from tracker.temporal import DateMention, Timex, chronology_heading, date_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ExtractedEvent", "ParticipantMention", "extract_events", "match_trigger"]


@dataclass(frozen=True)
class ParticipantMention:
    """A named participant of one event, as written in this article."""

    name: str
    kind: str  # person | org | place
    role: str  # actor | counterpart | mentioned
    title: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ExtractedEvent:
    """One dated (or publication-dated) event with its evidence in the article text."""

    event_type: str
    cameo: str | None
    plover: str | None
    status: str  # happened | planned | negated | hypothetical
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    date_start: dt.date
    date_end: dt.date
    granularity: str
    date_text: str | None
    date_char_start: int | None
    date_char_end: int | None
    date_source: str  # text | published
    timex_value: str | None
    summary: str
    location: str | None
    participants: tuple[ParticipantMention, ...]


# ----------------------------------------------------------------------------- triggers
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "acl"}
_SPEECH_DEPS = {"ccomp", "xcomp", "conj", "advcl", "parataxis"}


def _near_lemmas(tok: Token) -> set[str]:
    """Lemmas of children and grandchildren (particles, prepositions, objects)."""
    out: set[str] = set()
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ in ("ADP", "SCONJ", "PART") and nxt.ent_type_ != "DATE":
        out.add(nxt.lower_)  # "called for X to ...", parsed as a clause marker
    if any(
        c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.lemma_ in ROLE_NOUNS)
        for c in tok.children
    ):
        out.add("@person")
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            out.add("~" + c.lemma_.lower())  # the passive's object: "the letter was handed"
        if c.dep_ in ("nsubj", "nsubjpass", "punct", "cc", "aux", "auxpass"):
            continue  # the infinitive "to" of "expected to call on X" is no particle
        if c.dep_ in _CLAUSE_DEPS:
            continue
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
            continue  # "called ... on Saturday" is not "called on"
        if c.dep_ == "prep" and c.lower_ == "on" and any(_personal(g) for g in c.children):
            out.add("@person-on")  # "called on President Xi": a courtesy call
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        for g in c.children:
            if g.dep_ in _CLAUSE_DEPS:
                continue
            out.add(g.lemma_.lower())
            out.add(g.lower_)
            for gg in g.children:
                if gg.dep_ == "pobj" or gg.dep_ == "compound":
                    out.add(gg.lemma_.lower())
    return out


def _personal(tok: Token) -> bool:
    """A named or titled person as an object: "President Xi Jinping", "his counterpart"."""
    return tok.dep_ == "pobj" and (
        (tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", ""))
        or tok.lemma_ in ROLE_NOUNS
        or any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children)
    )


_BY_LEMMA: dict[tuple[str, str], list[Trigger]] = {}
for _rule in TRIGGERS:
    for _lemma in _rule.lemmas:
        _BY_LEMMA.setdefault((_lemma, _rule.pos), []).append(_rule)


def match_trigger(tok: Token) -> Trigger | None:
    """The first trigger rule that fires on this token, if any."""
    if tok.pos_ in ("VERB", "AUX"):
        if tok.dep_ in ("amod", "compound"):
            return None  # "the accused doctor killer", "a signed letter"
        pos = "VERB"
    elif tok.pos_ in ("NOUN", "PROPN"):
        pos = "NOUN"
    else:
        return None
    lemma = tok.lemma_.lower()
    rules = _BY_LEMMA.get((lemma, pos)) or _BY_LEMMA.get((tok.lower_, pos))
    if not rules:
        return None
    near: set[str] | None = None
    for rule in rules:
        if rule.needs or rule.avoid:
            if near is None:
                near = _near_lemmas(tok)
            if rule.needs and not near.intersection(rule.needs):
                continue
            if rule.avoid and near.intersection(rule.avoid):
                continue
        return rule
    return None


# ----------------------------------------------------------------------------- attachment
def _is_verbal(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ in ("ROOT", "conj", "ccomp"))


_NON_EVENT_PREPS = {"for", "until", "till", "by", "through", "since", "within", "throughout"}
_LIGHT_HEADS = {
    "be",
    "begin",
    "start",
    "continue",
    "plan",
    "expect",
    "want",
    "hope",
    "intend",
    "try",
    "seek",
    "aim",
    "prepare",
    "go",
    "set",
    "schedule",
    "due",
}


# verbs that move something to a new date: "to <date>" is where it moved, not when
_RESCHEDULE_VERBS = frozenset("push postpone delay defer move extend bring put shift".split())


def _reschedules(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _RESCHEDULE_VERBS


# adjectives that work like prepositions ("a deal worth $5bn at Chequers on Thursday"):
# a date the parser hangs under them still dates the clause's verb
_PREPOSITION_LIKE_ADJ = frozenset({"worth"})


def _has_date_child(tok: Token, inside: range) -> bool:
    return any(
        c.ent_type_ == "DATE"
        and c.i not in inside
        and c.dep_ in ("compound", "nummod", "amod", "poss")
        for c in tok.children
    )


def _attach(span: Span) -> Token | None:
    """The predicate a date expression modifies, or None for background dates, deadlines
    and durations ("the invasion in February 2022", "until Friday", "for 2026")."""
    pred = _attach_raw(span)
    return _unsplit(pred) if pred is not None else None


def _unsplit(tok: Token) -> Token:
    """The verb of a split hyphenated verb when the parser made its prefix the head
    ("Jaishankar co - chaired": "co" as the root, "chaired" its conjunct)."""
    doc = tok.doc
    i = tok.i
    if i + 2 < len(doc) and tok.lower_ in SPLIT_VERB_PREFIXES and not tok.whitespace_:
        verb = doc[i + 2]
        if doc[i + 1].text in ("-", "\u2010", "\u2011") and verb.pos_ == "VERB":
            return verb
    return tok


def _questioned_clause(verb: Token) -> bool:
    """A subjectless "when asked" / "if pressed" clause modifying a remark."""
    return (
        verb.dep_ in ("advcl", "relcl")  # "Trump, when asked ..., said": parsed as relcl
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() in QUESTIONED_VERBS
        and any(
            c.dep_ in ("advmod", "mark") and c.lower_ in QUESTIONED_MARKS for c in verb.children
        )
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _attach_raw(span: Span) -> Token | None:
    root = span.root
    inside = range(span.start, span.end)
    if _date_is_argument(root, inside):
        return None
    h = root
    nouns = 0
    first = True
    for _ in range(12):
        if h.head.i == h.i:
            return _light_to_xcomp(h) if _is_verbal(h) else None
        prev, h = h, h.head
        if h.i in inside:
            continue
        if first and h.pos_ in ("ADP", "SCONJ") and h.lower_ in _NON_EVENT_PREPS:
            return None
        if first and h.lower_ in ("to", "into") and _reschedules(h.head):
            return None  # "pushing back the deadline to 1 August": the new date, no event
        if first and (h.pos_ == "NUM" or h.ent_type_ in _FIGURE_ENTS):
            return None  # "$5.3 million a year earlier", "an estimated $470 million this year"
        first = False
        if h.pos_ == "AUX" and not _is_verbal(h) and _for_meeting(h) is not None:
            return h  # "Wang Yi, who was in New Delhi on Monday for talks with Doval, said"
        if h.pos_ in ("ADP", "SCONJ") and h.lower_ in ("since", "until", "till", "before", "after"):
            if h.dep_ == "mark" and prev.dep_ == "npadvmod" and _is_offset(span):
                continue  # "two days before the summit opened": on to the clause
            if prev.tag_ == "VBG" and prev.dep_ == "pcomp" and match_trigger(prev) is not None:
                return prev  # "before flying to the Maldives on Friday": the flight's date
            return None  # "talks ... since the early weeks of the invasion in 2022"
        if h.pos_ == "ADJ" and h.dep_ != "ROOT" and h.lower_ not in _PREPOSITION_LIKE_ADJ:
            return None  # "effective on August 7", "due to expire on Aug. 12"
        if _is_verbal(h):
            if _questioned_clause(h):
                continue  # "declined to comment when asked ... on Friday": the remark's date
            if _period_of_object(h, prev):
                return None  # "declared a truce from May 8 to May 10": the truce's period
            # "the day before the summit opened": the clause only anchors the date
            if (
                h.dep_ == "advcl"
                and prev.dep_ in ("npadvmod", "mark")
                and _is_offset(span)
                and any(c.dep_ == "mark" and c.lower_ in ("before", "after") for c in h.children)
            ):
                continue
            # "a statement carried by KCNA on Thursday": the statement's date
            if h.dep_ == "acl" and h.tag_ in ("VBN", "VBG") and match_trigger(h) is None:
                if h.tag_ == "VBN" and match_trigger(h.head) is not None:
                    return h.head
                # "sat down with a delegation headed by Yermak at a hotel on Tuesday": who
                # leads or makes up a group is no act of a day, nor is what papers do
                # ("handed papers formalising the recognition to Mustafa on Sunday"); the
                # verb that governs them is ("the warrant issued ... in November" keeps its
                # own date)
                makeup = h.tag_ == "VBG" or h.lemma_.lower() in _MAKEUP_VERBS
                gov = _verb_of_object(h.head) if makeup else None
                if gov is not None:
                    return gov
            own = _object_event(h)
            if own is not None:
                return own
            return _content_before_report(_speech_before_content(_light_to_xcomp(h), span), span)
        if h.pos_ in ("NOUN", "PROPN"):
            low = h.lemma_.lower()
            if low in BACKGROUND_NOUNS or h.lower_ in BACKGROUND_NOUNS:
                if _has_date_child(h, inside):
                    continue  # "withdrew from the 2015 agreement in 2018": not the noun's date
                if h.dep_ == "dobj" and span.start > h.i and match_trigger(h.head) is not None:
                    continue  # "sign an expanded ceasefire agreement on Sunday": the signing
                if (
                    h.dep_ == "pobj"
                    and span.start > h.i
                    and h.head.dep_ == "prep"
                    and _is_verbal(h.head.head)
                    and match_trigger(h.head.head) is not None
                ):
                    continue  # "agreed to a ceasefire in Doha on Oct. 19": the agreeing
                return None
            if match_trigger(h) is not None:
                if _reported_event(h, span):
                    return h.head  # "confirmed the Miami meeting on Sunday": the confirming
                return h
            if h.dep_ == "appos":
                continue  # "called Petro an 'illegal drug leader' on Sunday": Petro again
            if h.ent_type_ not in ("DATE", "TIME"):
                nouns += 1
                if nouns >= 2:
                    return None
    return None


def _reported_event(noun: Token, span: Span) -> bool:
    """A known event (definite, or named by a name before it) that a speech act reports, with
    the date after it: "Peskov confirmed the Miami meeting on Sunday", "Trump announced the
    talks on 7 April" tell when it was said, not when the meeting was."""
    verb = noun.head
    if noun.dep_ != "dobj" or span.start < noun.i or not _is_verbal(verb):
        return False
    rule = match_trigger(verb)
    if rule is None or not rule.speech:
        return False
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def _object_event(verb: Token) -> Token | None:
    """The event noun that a verb which is no event takes as object, when the noun names its
    own people: "The push follows a meeting between Ishiba and Xi ... in November"."""
    if match_trigger(verb) is not None:
        return None
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and match_trigger(obj) is not None:
            if any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in obj.children):
                return obj
    return None


_MAKEUP_VERBS = frozenset({"head", "lead", "chair", "compose", "comprise", "cover", "include"})


def _verb_of_object(noun: Token) -> Token | None:
    """The triggered verb whose object (direct, or of a preposition) the noun is."""
    verb = None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    if verb is not None and _is_verbal(verb) and match_trigger(verb) is not None:
        return verb
    return None


# verbs done at one moment whose object lasts: "declared a truce from May 8 to May 10"
_PUNCTUAL_VERBS = frozenset(
    "declare announce order decree impose proclaim extend set approve grant".split()
)


def _period_of_object(verb: Token, prep: Token) -> bool:
    """A `from … to …` period on a punctual verb with an object: the object's period."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "from"
        and any(c.dep_ == "prep" and c.lower_ in ("to", "until", "through") for c in prep.children)
        and verb.lemma_.lower() in _PUNCTUAL_VERBS
        and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < prep.i for c in verb.children)
    )


_FIGURE_ENTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
_OFFSET_UNITS = {"day", "week", "month", "year", "hour", "night", "morning", "evening"}


def _is_offset(span: Span) -> bool:
    """'the day before', 'two days after' (not 'next year' or 'last week')."""
    words = {t.lower_ for t in span}
    return span.root.lemma_.lower() in _OFFSET_UNITS and not words & {
        "next",
        "last",
        "this",
        "coming",
        "past",
    }


def _date_is_argument(root: Token, inside: range) -> bool:
    """The date is a participant or a property of a thing, not the time of an event:
    "picked Saturday night as the time", "approaching next year with caution",
    "a third-quarter net loss", "the company's year-earlier profit"."""
    head = root.head
    if head.i == root.i or head.i in inside:
        return False
    if root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and _is_verbal(head):
        rule = match_trigger(head)
        return rule is None or not rule.speech
    if root.dep_ in ("amod", "compound", "nmod") and head.pos_ == "NOUN":
        low = head.lemma_.lower()
        if low == "time" and any(c.lower_ == "local" for c in head.children):
            return False  # "agreed on Saturday local time": the date itself
        return match_trigger(head) is None and low not in _EVENTISH
    return False


def _speech_before_content(pred: Token, span: Span) -> Token:
    """'Grant said on Tuesday she would comply': a date between a speech verb and the
    subject of its complement dates the speech, whatever head the parser gave it."""
    if pred.dep_ != "ccomp" or pred.head.i > span.start:
        return pred
    rule = match_trigger(pred.head)
    if rule is None or not rule.speech:
        return pred
    between = span.doc[pred.head.i + 1 : span.start]
    if any(t.pos_ not in ("ADP", "ADV", "PUNCT") for t in between):
        return pred  # "said that while the company's results this year were weak, ..."
    subj = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subj and subj[0].left_edge.i >= span.end:
        return pred.head
    return pred


def _content_before_report(pred: Token, span: Span) -> Token:
    """'Starmer spoke with Trump ... on Friday night, his office said early Saturday': a
    date before a clause-final reporting verb's subject dates the reported act, which the
    small model often parses as the verb the report is coordinated with."""
    rule = match_trigger(pred)
    if rule is None or not rule.speech or pred.dep_ not in ("conj", "parataxis"):
        return pred
    subj = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    head = pred.head
    if subj and span.end <= subj[0].left_edge.i and head.i < span.start and _is_verbal(head):
        return head
    return pred


def _light_to_xcomp(h: Token) -> Token:
    """'was due to meet X on Saturday', 'is expected to travel': the event is the xcomp."""
    if match_trigger(h) is not None:
        return h
    if h.lemma_.lower() not in _LIGHT_HEADS and h.pos_ != "AUX":
        return h
    for c in h.children:
        if c.dep_ == "xcomp" and _is_verbal(c):
            return c
        if c.dep_ == "acomp":
            for g in c.children:
                if g.dep_ == "xcomp" and _is_verbal(g):
                    return g
    return h


# ----------------------------------------------------------------------------- participants
class _Collector:
    """Entities of one event with their roles, in order, without duplicates."""

    def __init__(self, people: ArticlePeople) -> None:
        self.people = people
        self.items: dict[int, str] = {}

    def add(self, ents: Iterable[int], role: str) -> None:
        for e in ents:
            if e not in self.items or (role == "actor" and self.items[e] != "actor"):
                self.items[e] = role

    def walk(self, tok: Token, role: str, skip: set[int]) -> None:
        """Named entities in a phrase, not crossing into clauses or possessors of things."""
        if tok.i in skip:
            return
        ents = self.people.resolve(tok)
        if ents:
            self.add(ents, role)
        is_name = bool(ents) and tok.pos_ == "PROPN"
        # a common noun that is neither an event, a role nor a group: its modifiers and
        # attachments are bystanders ("the Slepian murder investigation", "a puppy, a gift
        # from Rep. X", "Anti-Castro demonstrators")
        plain = (
            tok.pos_ == "NOUN"
            and not ents
            and tok.lemma_.lower() not in _EVENTISH
            and tok.lemma_.lower() not in ROLE_NOUNS
            and tok.lower_ not in GROUP_NOUNS
            and match_trigger(tok) is None
        )
        for c in tok.children:
            dep = c.dep_
            if (
                dep == "acl"
                and c.tag_ == "VBN"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ):
                if not plain or c.lemma_.lower() in ("lead", "head", "accompany"):
                    self.walk(c, role, skip)  # "the delegation led by X", "hosted by X"
                continue
            if dep in _CLAUSE_DEPS or dep in ("punct", "cc", "det", "npadvmod", "advmod"):
                continue
            if dep == "prep" and c.lemma_.lower() in ("accord", "cite", "citing"):
                continue  # "according to X": the source, not a participant
            if _measure_of_event(tok, c):
                self.walk(c, role, skip)  # "three hours of talks with X", "a round of talks"
                continue
            if dep == "conj" and c.pos_ in ("VERB", "AUX"):
                continue
            if dep == "poss" and (not is_name or c.pos_ == "PRON" or ents):
                continue  # "Trump's envoy", "his platform", "her brother Delfin"
            if dep in ("compound", "nmod", "amod") and not (is_name or ents):
                if plain or (c.pos_ == "PROPN" and tok.pos_ == "NOUN"):
                    continue  # "Trump administration", "the Slepian investigation"
            if plain and dep in ("prep", "appos") and c.lower_ not in _PLAIN_NOUN_PREPS:
                continue  # "his links with the financier X": a bystander
            if (
                dep == "prep"
                and c.lower_ in ("of", "to", "for")
                and tok.pos_ == "NOUN"
                and (ents or tok.lemma_.lower() not in _EVENTISH)
                and not (c.lower_ == "of" and _reproach(tok))
            ):
                continue  # "aide to President Putin", "chief of X"
            self.walk(c, role, skip)


def _reproach(tok: Token) -> bool:
    """A noun whose "of" names its target: "a rebuke of the Russian leader"."""
    rule = match_trigger(tok) if tok.pos_ == "NOUN" else None
    return rule is not None and rule.event_type in ("ACCUSE", "THREATEN", "SANCTION")


# "talking about the visit of X", "discussed the summit": the speakers did not take part
_TOPIC_PREPS = {"about", "on", "over", "regarding", "concerning", "of", "for", "against"}
_TOPIC_VERBS = frozenset(
    """discuss describe announce confirm deny criticise criticize welcome praise plan
    prepare cancel postpone propose report consider dismiss condemn mention""".split()
)

# prepositions by which a plain noun still takes people in: "a group including X"
_GROUP_PREPS = {"including", "like", "with", "between", "among"}
_PLAIN_NOUN_PREPS = _GROUP_PREPS - {"with"}
# "travel to Tianjin for the SCO summit on August 31": the traveller attends the summit
_MOTION_VERBS = frozenset({"travel", "fly", "go", "head", "arrive", "come", "leave"})

_EVENTISH = {
    "talk",
    "talks",
    "meeting",
    "summit",
    "call",
    "visit",
    "trip",
    "negotiation",
    "consultation",
    "dinner",
    "encounter",
    "conversation",
    "session",
}


# nouns that measure or count an event: "three hours of talks", "a new round of talks"
_MEASURE_NOUNS = frozenset("minute hour day week round series session set couple number".split())


def _measure_of_event(tok: Token, prep: Token) -> bool:
    """`prep` is the "of" that joins a measure noun to an event noun ("hours of talks")."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and tok.pos_ == "NOUN"
        and tok.lemma_.lower() in _MEASURE_NOUNS
        and any(
            g.dep_ == "pobj" and (g.lemma_.lower() in _EVENTISH or g.lower_ in _EVENTISH)
            for g in prep.children
        )
    )


_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth latest".split()
)


def _counted_in_period(pred: Token, span: Span) -> bool:
    """An event noun counted within the period the date names ("the third call this
    month", "their fourth meeting this year"): the period is not the event's date."""
    if pred.pos_ != "NOUN":
        return False
    if not any(c.dep_ in ("amod", "nummod") and c.lower_ in _ORDINALS for c in pred.children):
        return False
    return any(t.head.i == pred.i or t.head.head.i == pred.i for t in span)


def _moves(verb: Token) -> bool:
    """A motion verb, or one whose infinitive complement is ("is expected to travel")."""
    return verb.lemma_.lower() in _MOTION_VERBS


def _brings(verb: Token) -> bool:
    """A verb whose people take part in the event named after "for": "travel to Tianjin
    for the summit", "hosted Hun Manet for talks on July 28"."""
    if _moves(verb):
        return True
    rule = match_trigger(verb)
    return rule is not None and rule.event_type in ("MEET", "VISIT", "INVITE")


def _subject(pred: Token) -> tuple[Token | None, bool]:
    """The subject of a predicate (inherited through xcomp/conj/acl), and whether passive."""
    tok = pred
    for _ in range(6):
        for c in _subjects_nearest_first(tok):
            if c.dep_ in ("nsubj", "expl"):
                if c.dep_ == "expl":
                    continue
                if c.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                    return tok.head, False
                return c, False
            if c.dep_ == "nsubjpass":
                present = any(
                    a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in tok.children
                )  # "Dmitriev, who is sanctioned by Washington": a state, not an event
                if c.lower_ in ("who", "that", "which") and tok.dep_ == "relcl" and not present:
                    return tok.head, True  # "Umerov, who was appointed ... in July"
                return c, True
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "met the king ... before flying to the Maldives": the meeter
            continue
        # "is due to travel": the small model may parse "due" as a preposition
        controlled = tok.dep_ in ("xcomp", "conj", "advcl", "acomp") or tok.lower_ == "due"
        if controlled and tok.head.i != tok.i:
            to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            if tok.dep_ == "advcl" and not (tok.tag_ in ("VBG", "VBN") or to_inf):
                return None, False
            if to_inf and tok.head.lemma_.lower() not in _SUBJECT_CONTROL:
                # object control: in "Burton subpoenaed Elian to testify" Elian testifies
                obj = [c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i]
                if obj and obj[0].pos_ in ("PROPN", "PRON", "NOUN"):
                    return obj[0], False
            tok = tok.head
            if tok.pos_ in ("NOUN", "PROPN"):
                return tok, False
            continue
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            head = tok.head
            if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.pos_ == "PROPN":
                head = head.head  # "Boualem Sansal, the writer sentenced on Thursday"
            return head, False
        return None, False
    return None, False


def _subjects_nearest_first(tok: Token) -> list[Token]:
    """A verb's children, subjects nearest the verb first: the small model parses a wire
    dateline as a second subject ("WASHINGTON (AP) - President Trump berated ...")."""
    kids = list(tok.children)
    subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if len(subj) < 2:
        return kids
    subj.sort(key=lambda c: (c.i > tok.i, -c.i if c.i < tok.i else c.i))
    return subj + [c for c in kids if c not in subj]


# verbs whose subject, not object, does the infinitive: "promised Kyiv to send", "agreed"
_SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "agree", "threaten", "offer"})


def _speaker(pred: Token, people: ArticlePeople) -> tuple[int, ...]:
    """The person whose reported speech contains this predicate ("X said talks began")."""
    tok = pred
    for _ in range(6):
        if tok.head.i == tok.i or tok.dep_ not in _SPEECH_DEPS | {"conj"}:
            return ()
        tok = tok.head
        rule = match_trigger(tok)
        if rule is not None and rule.speech:
            subj, _passive = _subject(tok)
            if subj is not None:
                col = _Collector(people)
                col.walk(subj, "actor", set())
                return tuple(e for e in col.items if people.entity(e).kind == "person")
    return ()


def _split_prefix(verb: Token) -> Token | None:
    """The prefix token of a hyphenated verb the tokenizer split ("co" of "co-chaired")."""
    i = verb.i
    if verb.pos_ != "VERB" or i < 2:
        return None
    doc = verb.doc
    if doc[i - 1].text not in ("-", "\u2010", "\u2011") or doc[i - 1].whitespace_:
        return None
    prefix = doc[i - 2]
    if prefix.lower_ not in SPLIT_VERB_PREFIXES or prefix.whitespace_:
        return None
    return prefix


def _participants(
    pred: Token, noun_event: Token | None, people: ArticlePeople, date_tokens: set[int]
) -> dict[int, str]:
    col = _Collector(people)
    skip = set(date_tokens)
    if pred.pos_ in ("NOUN", "PROPN"):
        # an event noun: its possessor and its with/between phrases, then its verb's subject
        for c in pred.children:
            if c.dep_ == "poss":
                col.add(people.resolve(c), "actor")
        col.walk(pred, "counterpart", skip)
        for c in pred.children:
            if c.dep_ == "relcl" and match_trigger(c) is not None:
                subj, _ = _subject(c)
                if subj is not None and subj.i != pred.i:
                    col.walk(subj, "actor", skip)
                for g in c.children:
                    if g.dep_ in ("dobj", "prep", "dative"):
                        col.walk(g, "counterpart", skip)
        verb = pred.head
        preps: set[str] = set()
        while verb.pos_ == "ADP" and verb.head.i != verb.i:
            preps.add(verb.lower_)
            verb = verb.head
        if pred.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            # "The summit, held on 9-10 November, was co-chaired by Petro and Costa"
            verbs = [verb]
            while verbs[-1].pos_ == "AUX" and verbs[-1].head.i != verbs[-1].i and len(verbs) < 4:
                verbs.append(verbs[-1].head)  # "was co-chaired": the auxiliaries' verb
            verbs += [c for v in verbs for c in v.children if c.dep_ == "conj"]
            for v in verbs:
                for c in v.children:
                    if c.dep_ == "agent":
                        col.walk(c, "actor", skip)
        obj = pred
        if preps == {"of"} and verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "attr"):
            # "held five rounds of talks": the quantity noun stands for the talks
            obj, verb, preps = verb, verb.head, set()
        if (
            _is_verbal(verb)
            and verb.i != pred.i
            and obj.dep_ in ("dobj", "pobj", "attr")
            and not (preps & _TOPIC_PREPS and not (preps == {"for"} and _brings(verb)))
            and not (obj.dep_ == "dobj" and verb.lemma_.lower() in _TOPIC_VERBS)
        ):
            subj, _ = _subject(verb)
            if subj is not None:
                col.walk(subj, "actor", skip | {pred.i})
            for c in verb.children:
                if c.dep_ in ("dobj", "dative") and c.i not in (pred.i, obj.i):
                    col.walk(c, "counterpart", skip)
        return col.items
    subj, passive = _subject(pred)
    if noun_event is not None:
        col.walk(noun_event, "counterpart", skip)
        for c in noun_event.children:
            if c.dep_ == "poss":
                col.add(people.resolve(c), "actor")
    if subj is not None and subj.i != (noun_event.i if noun_event is not None else -1):
        col.add(people.stranded_before(subj), "counterpart" if passive else "actor")
        col.walk(subj, "counterpart" if passive else "actor", skip)
        for c in pred.children:
            # "Asif and Afghan Defence Minister Yaqoob agreed": a coordination the small model
            # may hang as two subjects of the verb
            if c.dep_ == subj.dep_ and c.i != subj.i and c.head.i == subj.head.i:
                if any(g.dep_ == "cc" for g in (*c.children, *subj.children)):
                    col.walk(c, "counterpart" if passive else "actor", skip)
    prefix = _split_prefix(pred)
    if prefix is not None and (subj is None or subj.i != prefix.i):
        col.walk(prefix, "actor", skip | {pred.i})  # "Jaishankar co-chaired": under "co"
    if passive:
        # "was held in Brussels ... and was co-hosted by Sánchez and Michel"
        for v in pred.children:
            if v.dep_ == "conj" and v.tag_ == "VBN":
                for c in v.children:
                    if c.dep_ == "agent":
                        col.walk(c, "actor", skip)
    for c in pred.children:
        if c.i in skip or c.dep_ in ("nsubj", "nsubjpass"):
            continue
        if c.dep_ == "agent":
            col.walk(c, "actor", skip)
        elif (
            c.dep_ == "prep"
            and c.lower_ == "with"
            and not any(g.dep_ == "pobj" for g in c.children)
        ):
            # "spoke on Sunday with President Zelenskyy, who ...": the parser may hang the
            # name elsewhere; the person named right after "with" is the counterpart
            doc = c.doc
            stop = next(
                (i for i in range(c.i + 1, min(c.i + 10, len(doc))) if doc[i].is_punct),
                min(c.i + 10, len(doc)),
            )
            for i in people.mention_tokens(c.i + 1, stop):
                col.add(people.resolve(doc[i]), "counterpart")
        elif c.dep_ in ("dobj", "dative", "attr", "oprd", "prep", "prt", "npadvmod", "appos") or (
            c.dep_ == "conj" and c.pos_ == "ADP"  # "to Hun Manet and then to Phumtham"
        ):
            if c.lower_ in ("whom", "who") and pred.dep_ == "relcl":
                col.walk(pred.head, "counterpart", skip)  # "Mr Putin, whom he met"
                continue
            col.walk(c, "counterpart", skip)
        elif c.dep_ == "xcomp":
            for g in c.children:
                if g.dep_ in ("dobj", "prep"):
                    col.walk(g, "counterpart", skip)
        elif (
            c.dep_ == "advcl"
            and c.tag_ in ("VBG", "VBN")
            and match_trigger(c) is None
            and not any(g.dep_.startswith("nsubj") for g in c.children)
        ):
            col.walk(c, "counterpart", skip)  # "standing alongside Netanyahu"
    return col.items


# ----------------------------------------------------------------------------- status
def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")}


_INFLECTIONS = (("ed", "e"), ("ed", ""), ("es", "e"), ("s", ""), ("ing", "e"), ("ing", ""))


def _lemma_forms(tok: Token) -> set[str]:
    """The token's lemma, its lower form and the stems its suffix allows: the lemmatizer
    makes "hoped" "hop", and then "he hoped to speak" would read as a fact."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    forms.update(low[: -len(end)] + new for end, new in _INFLECTIONS if low.endswith(end))
    return forms


def _cancels(verb: Token) -> bool:
    """A verb that calls its subject event off: postponed, cancelled, "called off"."""
    if verb.pos_ != "VERB" or not _lemma_forms(verb) & CANCELLING_VERBS:
        return False
    if verb.lemma_.lower() == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return True


def _status(pred: Token, in_speech: bool) -> str:
    """happened | planned | negated | hypothetical, from auxiliaries and governing words."""
    tok = pred
    for depth in range(5):
        auxes = _aux_words(tok)
        if any(c.dep_ == "neg" for c in tok.children) or (
            tok.pos_ == "NOUN" and any(c.lower_ == "no" for c in tok.children)
        ):
            return "negated"
        if auxes & HYPOTHETICAL_AUX:
            return "hypothetical"
        if "would" in auxes:
            if any(c.lower_ in ("like", "love", "prefer") for c in tok.children):
                return "hypothetical"
            return "planned" if in_speech or depth > 0 else "hypothetical"
        if auxes & PLANNED_AUX:
            return "planned"
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in tok.children):
            return "hypothetical"
        if tok.pos_ == "NOUN":
            if tok.dep_ in ("nsubjpass", "nsubj") and _cancels(tok.head):
                return "negated"  # "A planned visit ... was postponed"
            mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
            if mods & HYPOTHETICAL_MODIFIERS:
                return "hypothetical"
            if mods & PLANNED_MODIFIERS:
                return "planned"
        if (
            tok.dep_ not in ("xcomp", "ccomp", "conj", "pobj", "dobj", "prep", "acl")
            and not (tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"))
        ) or tok.head.i == tok.i:
            break
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break  # "X has not approved it, and Y threatened on Thursday": Y's own clause
        head = tok.head
        lemmas = _lemma_forms(head)
        if tok.dep_ == "xcomp" or (tok.dep_ == "ccomp" and lemmas & PLANNED_HEADS):
            if lemmas & NEGATING_HEADS:
                return "negated"
            if lemmas & HYPOTHETICAL_HEADS:
                return "hypothetical"
            if lemmas & PLANNED_HEADS:
                # "had been due to meet on Monday": a plan that fell through
                be = head.head if head.dep_ == "acomp" else head
                return "negated" if "had" in _aux_words(head) | _aux_words(be) else "planned"
        if tok.dep_ == "ccomp":
            rule = match_trigger(head)
            if rule is not None and rule.speech:
                break  # the speech act's own modality does not reach its content
        tok = head
    return "happened"


def _in_speech(pred: Token) -> bool:
    tok = pred
    for _ in range(5):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("ccomp", "advcl", "conj", "xcomp"):
            rule = match_trigger(tok.head)
            if rule is not None and rule.speech:
                return True
            tok = tok.head
            continue
        return False
    return False


def _promote(pred: Token, dated: set[int]) -> str | None:
    """The diplomatic act performed by a speech act's complement ("said ... had agreed").

    Only the speaker's own side performs it: "the two sides had agreed" or "we agreed" is
    an AGREE, but "Moscow and Washington had agreed" told by a spokesman, "the deal had
    been signed" or "what is signed in hotels" is a STATEMENT about others' acts. Nor is an
    act the content only names ("the Russian proposal was not sufficient"), denies ("would
    not accept a weak outcome") or sets as a condition ("any agreement would require Iran
    to accept verification"), nor a demand coordinated with the remark ("said ... and urged
    the North to respond": one remark of the day)."""
    stack = [c for c in pred.children if c.dep_ in ("ccomp", "xcomp", "conj", "dobj")]
    rebukes = [  # "responded ... with a rare public rebuke of X"
        g
        for c in pred.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj" and match_trigger(g) is not None
    ]
    stack += rebukes
    seen = 0
    while stack and seen < 60:
        tok = stack.pop(0)
        seen += 1
        if tok.i in dated:
            continue
        rule = match_trigger(tok)
        refusal = _refusal(tok)
        if refusal is not None:
            return refusal
        if rule is not None and rule.speech and tok.dep_ != "conj":
            continue
        if (
            rule is not None
            and rule.event_type in CONTENT_PROMOTES
            and _performed(tok, rule.event_type, pred, rebukes)
        ):
            if rule.event_type == "REJECT" and _aux_words(tok) & {"will", "would", "wo"}:
                return "THREATEN"  # "said he would veto any decision"
            return rule.event_type
        low = tok.lemma_.lower()
        if low in CONTENT_TYPES:
            return CONTENT_TYPES[low]
        stack.extend(c for c in tok.children if c.dep_ not in _NOT_CONTENT_DEPS)
    return None


def _performed(tok: Token, event_type: str, speech: Token, rebukes: list[Token]) -> bool:
    """Whether a triggered word of a speech act's complement is an act the speech performs
    or reports as done, rather than a topic, a denial or a condition."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok in rebukes  # "the Russian proposal was not sufficient": a topic
    if any(c.dep_ == "neg" for c in tok.children):
        return False  # "would not accept a weak outcome"
    if event_type == "DEMAND" and _coordinated_with_speech(tok, speech):
        return False  # "said on Sunday that ..., and urged New Delhi to return"
    if (
        tok.dep_ == "xcomp"
        and tok.head.i != speech.i
        and match_trigger(tok.head) is None
        and tok.head.lemma_.lower() not in _SUBJECT_CONTROL
    ):
        return False  # "any agreement would require Iran to accept verification"
    return event_type != "AGREE" or _own_side(tok)


def _means_type(verb: Token) -> str | None:
    """The type a participle clause gives an untyped act: "sent a letter ... proposing
    negotiations" is a PROPOSE."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp")]
    clauses += [g for o in objs for g in o.children if g.dep_ == "acl"]  # "a letter proposing"
    for c in clauses:
        if c.tag_ == "VBG" and c.i > verb.i:
            rule = match_trigger(c)
            if rule is not None and rule.event_type in MEANS_TYPES:
                return rule.event_type
    return None


def _coordinated_with_speech(tok: Token, speech: Token) -> bool:
    """A conjunct that is the speaker's own next act, whatever the parser hung it under:
    "said that Beijing was following the case and urged the ICC" (a subjectless past-tense
    verb joined to a clause that is not past tense)."""
    if tok.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    return tok.head.i == speech.i or (tok.tag_ == "VBD" and tok.head.tag_ != "VBD")


def _refusal(tok: Token) -> str | None:
    """REJECT for a reported refusal: "Ukraine will not hand its land to the occupier",
    "Pyongyang would not respond to any proposal" (not "Washington would not discuss
    Taiwan's status": a policy, said as a STATEMENT)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = _aux_words(tok)
    if not (auxes & {"will", "would", "wo"} and ("not" in auxes or "n't" in auxes)):
        return None
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj or subj[0].pos_ != "PROPN":
        return None
    if tok.lemma_.lower() in REFUSAL_VERBS:
        return "REJECT"
    objs = [g for c in tok.children if c.dep_ in ("dobj", "prep") for g in (c, *c.children)]
    return "REJECT" if any(g.lemma_.lower() in REFUSED_THINGS for g in objs) else None


# dependents that leave the reported clause: relative clauses and modifiers of things
_NOT_CONTENT_DEPS = {"punct", "cc", "relcl", "acl", "pcomp", "pobj", "prep", "npadvmod"}
# subjects that make an agreement the speaker's own: "the two sides", "we", "both parties"
_OWN_SIDE = {"side", "party", "delegation", "team", "negotiator", "we", "i", "he", "she", "they"}


def _own_side(tok: Token) -> bool:
    """Whether the agreeing clause's subject is the speaker's side (not passive, not a third
    party named by a spokesman)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj:
        return tok.dep_ in ("xcomp", "conj")  # "said it agreed to", "... and agreed"
    return subj[0].lemma_.lower() in _OWN_SIDE or subj[0].lower_ in _OWN_SIDE


_TARGET_ENTS = {"GPE", "NORP", "PERSON"}


def _measure_type(pred: Token) -> str | None:
    """SANCTION when the predicate's object is a punitive measure ("announced tariffs on
    goods from Japan", "signed an order imposing a tariff on Brazil"), OTHER for a general
    tariff order, None when there is no measure."""
    stack = [(c, 0) for c in pred.children if c.dep_ in ("dobj", "nsubjpass")]
    while stack:
        tok, depth = stack.pop()
        kind = MEASURE_NOUNS.get(tok.lower_) or MEASURE_NOUNS.get(tok.lemma_.lower())
        if kind is not None and tok.pos_ == "NOUN":
            if kind == "always" or _aimed(tok) or _aimed(tok.head):
                return "SANCTION"
            return "OTHER"
        if depth >= 3:
            continue
        for c in tok.children:
            if c.dep_ in ("dobj", "compound", "conj") or (c.dep_ == "acl" and c.tag_ == "VBG"):
                stack.append((c, depth + 1))
    return None


def _aimed(tok: Token) -> bool:
    """An "on"/"against" phrase naming a country, a people or a person, not a date
    ("on Indian goods"; "on goods from Japan", where the parser hangs "from" beside "on")."""
    preps = [
        c
        for c in tok.children
        if c.dep_ == "prep"
        and c.lower_ in ("on", "against", "from")
        and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
    ]
    if not any(c.lower_ != "from" for c in preps):
        return False
    return any(t.ent_type_ in _TARGET_ENTS for c in preps for t in c.subtree)


# ----------------------------------------------------------------------------- extraction
def _sentence_of(doc: Doc) -> dict[int, Span]:
    out: dict[int, Span] = {}
    for sent in doc.sents:
        out[sent.start] = sent
    return out


def _location(pred: Token, people: ArticlePeople) -> str | None:
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for g in c.children:
                ents = people.resolve(g)
                if ents and people.entity(ents[0]).kind == "place":
                    return people.entity(ents[0]).name
    return None


def _timex_value(m: DateMention) -> str | None:
    vals = [t.value for t in m.timexes if t.value]
    if not vals:
        return None
    return vals[0] if len(vals) == 1 else f"{vals[0]}/{vals[-1]}"


def _for_meeting(verb: Token) -> Token | None:
    """The meeting noun of "was in Washington for talks with X" / "flew to Tokyo for talks
    with X": a "for" phrase naming a meeting with someone."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for g in c.children:
                rule = match_trigger(g) if g.dep_ == "pobj" else None
                if (
                    rule is not None
                    and rule.event_type in ("MEET", "CALL")
                    and any(k.dep_ == "prep" and k.lower_ == "with" for k in g.children)
                ):
                    return g
    return None


def _attended_on_a_trip(noun: Token) -> bool:
    """'travel to Tianjin for the SCO summit on August 31': a trip to a gathering (with no
    named counterpart) is the traveller's visit."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "for"
        and _moves(noun.head.head)
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    )


def _event_for(pred: Token) -> tuple[Trigger | None, Token | None]:
    """The rule that types a predicate; a plain verb whose subject or object is an event
    noun ("talks began", "joined the talks") takes the noun's type; being or going
    somewhere "for talks with X" is a meeting with X."""
    meeting = _for_meeting(pred) if pred.pos_ in ("VERB", "AUX") else None
    if meeting is not None and (pred.lemma_.lower() == "be" or _moves(pred)):
        return match_trigger(meeting), meeting
    rule = match_trigger(pred)
    if rule is not None:
        return rule, None
    if pred.pos_ in ("NOUN", "PROPN"):
        return None, None
    subj, _passive = _subject(pred)
    cands = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if subj is not None and subj not in cands:
        cands.insert(0, subj)
    for c in cands:
        nrule = match_trigger(c)
        if nrule is not None and nrule.pos == "NOUN":
            return nrule, c
    return None, None


# prepositions of a phrase that sets the scene of a clause ("at the summit on Sunday")
_FRAME_PREPS = frozenset({"on", "at", "during", "in", "of", "amid"})


def _typed_by_frame(ev: ExtractedEvent, noun: Token) -> ExtractedEvent:
    """'briefed Modi ... in a telephone call on Monday': a meeting-like act done in a call
    is the call."""
    rule = match_trigger(noun)
    if ev.event_type == "MEET" and rule is not None and rule.event_type == "CALL":
        cameo, plover = TYPE_CODES["CALL"]
        return replace(ev, event_type="CALL", cameo=cameo, plover=plover)
    return ev


def _frame_host(noun: Token) -> Token | None:
    """The triggered verb whose scene-setting phrase holds this event noun ("On the
    sidelines of the summit on Sunday, Trump met Lula" -> met), or None."""
    if noun.pos_ != "NOUN" or match_trigger(noun) is None:
        return None
    tok = noun
    for _ in range(3):
        if tok.dep_ != "pobj" or tok.head.lower_ not in _FRAME_PREPS:
            return None
        prep = tok.head
        if prep.dep_ == "prep" and _is_verbal(prep.head):
            verb = prep.head
            return verb if match_trigger(verb) is not None else None
        if prep.head.pos_ != "NOUN" or prep.head.i == prep.i:
            return None
        tok = prep.head
    return None


def extract_events(
    text: str, published: dt.date, doc: Doc, timexes: list[Timex]
) -> list[ExtractedEvent]:
    """Every diplomatic event of an article: one per dated predicate, plus undated trigger
    predicates reported on the publication day (date_source "published")."""
    people = find_people(doc)
    sents = _sentence_of(doc)
    by_sent: dict[int, list[tuple[DateMention, Span]]] = {}
    datelines = _dateline_spans(text)
    headings: list[tuple[int, int, DateMention, Span]] = []  # chronology entries
    for m in date_mentions(text, timexes):
        if _quoted_title(text, m) or any(a <= m.start < b for a, b in datelines):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if chronology_heading(text, m.start, m.end):
            end = text.find("\n\n", m.end)
            start = text.rfind("\n", 0, m.start) + 1
            headings.append((start, len(text) if end < 0 else end, m, span))
            continue
        by_sent.setdefault(span.sent.start, []).append((m, span))

    # a chronology entry runs to the paragraph's end or to the next entry's line
    headings = [
        (start, min(end, nxt[0]) if nxt[0] > start else end, m, sp)
        for (start, end, m, sp), nxt in zip(headings, [*headings[1:], (len(text),)], strict=False)
    ]
    _reanchor_clause_offsets(doc, by_sent)
    _reanchor_to_main_clause(by_sent)
    forced = _counted_clause_offsets(doc, people, timexes, by_sent, published)
    events: list[ExtractedEvent] = []
    # (event type, sentence start, date) of the dated events so far, for "the talks" later
    told: list[tuple[str, int, DateMention, Span]] = []
    previous_start = -1
    for sstart, sent in sents.items():
        dated = by_sent.get(sstart, [])
        triggers = [t for t in sent if match_trigger(t) is not None]
        if not dated and not triggers:
            continue
        attached: list[tuple[Token, DateMention, Span]] = []
        for m, span in dated:
            pred = forced[m.start][0] if m.start in forced else _attach(span)
            if pred is not None and not _across_lines(text, pred, span):
                attached.append((pred, m, span))
        attached += _scene_clauses(attached)
        attached += _unattached_scenes(dated, attached)
        dated_preds = {p.i for p, _, _ in attached}
        date_tokens = {i for _, _, sp in attached for i in range(sp.start, sp.end)}
        split = _split_coordinated_objects(people, attached)
        for k, (pred, m, span) in enumerate(attached):
            ev = _build(
                text,
                published,
                people,
                sent,
                pred,
                m,
                span,
                dated_preds,
                date_tokens,
                split[k],
                forced[m.start][1] if m.start in forced else None,
            )
            host = _frame_host(pred) if ev is None else None
            if host is not None and host.i not in dated_preds:
                # "On the sidelines of the summit on Sunday, Trump met Lula": a gathering
                # with no people of its own dates the act it frames
                ev = _build(
                    text, published, people, sent, host, m, span, dated_preds, date_tokens, None
                )
                if ev is not None:
                    dated_preds.add(host.i)
                    ev = _typed_by_frame(ev, pred)
            if ev is not None and _denied_content(pred, span):
                # "denied meeting Dermer in Baku last month": the meeting is what is denied
                rule = match_trigger(pred.doc[pred.i + 1])
                kind = rule.event_type if rule is not None else ev.event_type
                cameo, plover = TYPE_CODES[kind]
                ev = replace(ev, status="negated", event_type=kind, cameo=cameo, plover=plover)
            if ev is not None:
                events.append(ev)
                told.append((ev.event_type, sstart, m, span))
        heading = next((h for h in headings if h[0] <= sent.start_char < h[1]), None)
        hm, hspan = (heading[2], heading[3]) if heading is not None else (None, None)
        found = len(events)
        shared_done: set[int] = set()
        for tok in triggers:
            if tok.i in dated_preds or tok.i in date_tokens:
                continue
            tm, tspan = hm, hspan
            governed = _governed_by_dated(tok, dated_preds)
            earlier = None
            if tm is None and not governed:
                earlier = _definite_reference(tok, told, {sstart, previous_start})
            if earlier is not None:
                # "..., who hosted the meeting"; "The crown prince attended the talks": the
                # event just told, in this sentence or the one before, and its date
                tm, tspan = earlier
            elif governed or _split_prefix(tok) is not None:
                shared = _coordinated_act(tok, attached)
                if shared is not None and shared[0].i in shared_done:
                    continue
                if shared is None and governed:
                    continue
                # "flew to Doha on Wednesday and held talks with the emir": the second act
                # of the same subject, told in the same tense, is of the same day
                if shared is not None:
                    shared_done.add(shared[0].i)
                    tm, tspan = shared[1], shared[2]
            actor = _entry_actor(tok, sent, people) if hm is not None else None
            ev = _build(
                text, published, people, sent, tok, tm, tspan, dated_preds, date_tokens, None, actor
            )
            if ev is not None:
                events.append(ev)
        root = sent.root
        if hm is not None and len(events) == found and not attached and root.pos_ == "VERB":
            # "- August 8: Aliyev and Pashinyan initial the agreement": the entry's own act
            ev = _build(
                text, published, people, sent, root, hm, hspan, dated_preds, date_tokens, None
            )
            if ev is not None:
                events.append(ev)
        previous_start = sstart
    return _merge_statements(events)


def _entry_actor(tok: Token, sent: Span, people: ArticlePeople) -> Token | None:
    """The named actor of a chronology entry whose verb the parser left without a subject
    ("September 23 - Trump and Milei meet in New York": both hang on the date)."""
    if tok.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    for t in sent:
        if t.i >= tok.i:
            break
        if t.dep_ != "conj" and any(people.entity(e).kind == "person" for e in people.resolve(t)):
            return t
    return None


def _calls_names(verb: Token) -> bool:
    """ "Trump called Petro an 'illegal drug leader'": calling someone something is a
    denunciation, not a phone call (the second noun phrase hangs as apposition or
    predicate)."""
    if verb.lemma_.lower() != "call" or verb.pos_ != "VERB":
        return False
    for c in verb.children:
        if c.dep_ == "oprd":
            return True
        if c.dep_ == "dobj":
            for g in c.children:
                if g.dep_ == "appos" and any(d.lower_ in ("a", "an") for d in g.children):
                    return True
    return False


def _denied_content(pred: Token, span: Span) -> bool:
    """The date lies in what a denial denies: "denied meeting Dermer ... last month" (the small
    model may read the gerund as part of the object's name, so this looks at the words)."""
    if pred.lemma_.lower() != "deny" or pred.i + 1 >= len(pred.doc):
        return False
    gerund = pred.doc[pred.i + 1]
    return gerund.tag_ == "VBG" and span.start > gerund.i and span.sent == pred.sent


def _scene_verb(tok: Token) -> bool:
    """A triggered verb of a where/when clause ("..., where Merz hosted talks")."""
    return (
        any(g.dep_ == "advmod" and g.lower_ in SCENE_WORDS for g in tok.children)
        and match_trigger(tok) is not None
    )


def _meanwhile(tok: Token) -> bool:
    """A triggered verb of a while-clause ("while hosting Netanyahu")."""
    return (
        any(g.dep_ == "mark" and g.lower_ == "while" for g in tok.children)
        and match_trigger(tok) is not None
    )


def _scene_clauses(
    attached: list[tuple[Token, DateMention, Span]],
) -> list[tuple[Token, DateMention, Span]]:
    """Triggered verbs of a where/when relative clause that hangs on a dated event noun or
    on the date expression itself and has no date of its own, with that date."""
    taken = {p.i for p, _, _ in attached}
    out: list[tuple[Token, DateMention, Span]] = []
    for pred, m, span in attached:
        verbs = [pred, pred.head] if pred.pos_ == "NOUN" and pred.dep_ == "dobj" else [pred]
        for c in (c for v in verbs for c in v.children):
            # "When Macron last travelled to China, in April 2023, he was accompanied by ...",
            # "announced the talks on 7 April while hosting Netanyahu": a when- or
            # while-clause of a dated act is of its time
            if c.dep_ == "advcl" and c.i not in taken and (_scene_verb(c) or _meanwhile(c)):
                if not (c.left_edge.i <= span.start <= c.right_edge.i):
                    taken.add(c.i)
                    out.append((c, m, span))
        hosts = [span.root]
        if pred.pos_ == "NOUN":
            hosts.append(pred)
        for host in hosts:
            for c in host.children:
                if (
                    c.dep_ == "relcl"
                    and c.pos_ == "VERB"
                    and c.i not in taken
                    and c.i >= span.end
                    and _scene_verb(c)
                ):
                    taken.add(c.i)
                    out.append((c, m, span))
    return out


_STAY_VERBS = frozenset({"spend", "pass"})


def _unattached_scenes(
    dated: list[tuple[DateMention, Span]], attached: list[tuple[Token, DateMention, Span]]
) -> list[tuple[Token, DateMention, Span]]:
    """Where/when clauses dated by a clause that is no event itself: "took place in October
    2023, when Lee hosted Anwar"; a stay, "He spent Sunday and Monday in Berlin, where Merz
    hosted talks", "Wednesday saw Wang in N'Djamena, where he met ..." (the days are the
    verb's object or subject)."""
    taken = {p.i for p, _, _ in attached}
    out: list[tuple[Token, DateMention, Span]] = []
    for m, span in dated:
        root = span.root
        prep = root.head
        if root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "VERB":
            # "The retreat took place in October 2023, when Lee hosted Anwar": a when-clause
            # of the clause that holds the date
            for c in prep.head.children:
                if (
                    c.dep_ in ("advcl", "relcl")
                    and c.i not in taken
                    and c.i > span.end
                    and _scene_verb(c)
                ):
                    taken.add(c.i)
                    out.append((c, m, span))
        for c in (c for t in span for c in t.children):
            # "He is due in Abu Dhabi on Thursday, where he will meet ...": a where-clause of
            # the date itself, on a clause that is no event
            if c.dep_ == "relcl" and c.i not in taken and c.i >= span.end and _scene_verb(c):
                taken.add(c.i)
                out.append((c, m, span))
        stay = root.dep_ == "dobj" and root.head.lemma_.lower() in _STAY_VERBS
        # "Wednesday saw Wang in N'Djamena, where he met ...": the day as the subject
        seen = (
            root.dep_ in ("nsubj", "npadvmod")
            and root.i < root.head.i
            and root.head.lemma_.lower() == "see"
        )
        if not (stay or seen):
            continue
        for c in root.head.subtree:
            if (
                c.dep_ == "relcl"
                and c.i not in taken
                and c.i > span.end
                and c.head.pos_ in ("PROPN", "NOUN")
                and c.head.head.dep_ == "prep"
                and _scene_verb(c)
            ):
                taken.add(c.i)
                out.append((c, m, span))
    return out


def _dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of wire datelines at the start of a line."""
    return [(m.start(), m.end()) for m in DATELINE_RE.finditer(text[:200_000])]


_OPEN_QUOTES = ('"', "“", "‘", "`", "'")
_CLOSE_QUOTES = ('"', "”", "’", "'", ',"', ",”", '."', ".”")


def _quoted_title(text: str, m: DateMention) -> bool:
    """A whole quoted, capitalised phrase is a title, not a date: ABC's "This Week"."""
    before = text[max(0, m.start - 1) : m.start]
    after = text[m.end : m.end + 2]
    return (
        before in _OPEN_QUOTES
        and m.text[:1].isupper()
        and any(after.startswith(q) for q in _CLOSE_QUOTES)
    )


def _anchor_clause(root: Token) -> tuple[Token, Token | None, int] | None:
    """The clause of "the day before the ministers met", its subject and the offset's
    direction (-1 before, +1 after). The small model parses it as the head of the offset
    ("day" npadvmod of "met", or of its marker "before"), as a relative clause, or as a
    prepositional phrase whose object is the clause's subject ("a day after Italy's foreign
    minister, Antonio Tajani, said ...")."""

    def marker(v: Token) -> Token | None:
        if not _is_verbal(v):
            return None
        return next(
            (c for c in v.children if c.dep_ == "mark" and c.lower_ in ("before", "after")),
            None,
        )

    def subject(v: Token) -> Token | None:
        return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    head = root.head
    if root.dep_ == "npadvmod":
        if head.dep_ == "mark" and head.lower_ in ("before", "after") and _is_verbal(head.head):
            head = head.head  # "two days before the summit opened", "days" under "before"
        mark = marker(head)
        if mark is not None:
            return head, subject(head), -1 if mark.lower_ == "before" else 1
    for c in root.children:
        if c.dep_ in ("relcl", "acl", "advcl"):
            mark = marker(c)
            if mark is not None:
                return c, subject(c), -1 if mark.lower_ == "before" else 1
    for c in root.children:
        if c.dep_ != "prep" or c.lower_ not in ("before", "after"):
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        doc = root.doc
        k = obj.right_edge.i + 1
        if k < len(doc) and doc[k].pos_ in ("VERB", "AUX") and subject(doc[k]) is None:
            return doc[k], obj, -1 if c.lower_ == "before" else 1
        if obj.pos_ == "NOUN" and match_trigger(obj) is not None:
            # "said on Aug. 22, a day after a phone call with Trump": the call's own day
            return obj, None, -1 if c.lower_ == "before" else 1
    return None


def _reanchor_clause_offsets(doc: Doc, by_sent: dict[int, list[tuple[DateMention, Span]]]) -> None:
    """'the day before the summit opened': offset from the earliest date the article gives
    the summit (an event anchor), not from the previously mentioned date."""
    all_mentions = [x for items in by_sent.values() for x in items]
    for items in by_sent.values():
        for k, (m, span) in enumerate(items):
            root = span.root
            if root.lemma_.lower() != "day":
                continue
            found = _anchor_clause(root)
            if found is None or found[1] is None:
                continue
            clause, subj, offset = found
            key = subj.lemma_.lower()
            cands = [
                om.date_start
                for om, osp in all_mentions
                if osp.sent.start != span.sent.start
                and om.granularity in ("day", "range")
                and (om.date_end - om.date_start).days < 7
                and any(t.lemma_.lower() == key for t in osp.sent)
            ]
            if not cands:
                continue
            day = min(cands) + dt.timedelta(days=offset)
            text_end = clause.idx + len(clause.text)
            new = DateMention(
                start=m.start,
                end=max(m.end, text_end),
                text=doc.text[m.start : max(m.end, text_end)],
                date_start=day,
                date_end=day,
                granularity="day",
                timexes=m.timexes,
            )
            items[k] = (new, span)


_DAY_OFFSET = re.compile(
    r"(?:the\s+|a\s+)?(?:day|night)\s+(before|earlier|after|later)"
    r"|the\s+(previous|next|following)\s+(?:day|night)",
    re.I,
)


def _verb_of(span: Span) -> Token | None:
    """The first verb above a date expression."""
    h = span.root
    for _ in range(4):
        if h.head.i == h.i:
            return h if _is_verbal(h) else None
        h = h.head
        if _is_verbal(h):
            return h
    return None


def _reanchor_to_main_clause(by_sent: dict[int, list[tuple[DateMention, Span]]]) -> None:
    """'Bessent, who had met Caputo the day before, announced on October 9': a bare day
    offset in a clause on the subject (or a participle clause) of a verb dated in the same
    sentence counts from that verb's day, not from the date the story last named."""
    for items in by_sent.values():
        for k, (m, span) in enumerate(items):
            found = _DAY_OFFSET.fullmatch(m.text.strip())
            if found is None:
                continue
            word = (found.group(1) or found.group(2)).lower()
            offset = -1 if word in ("before", "earlier", "previous") else 1
            verb = _verb_of(span)
            if verb is None:
                continue
            mains: set[int] = set()
            if verb.dep_ == "relcl":
                subject = verb.head
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    mains.add(subject.head.i)
                # the small model may hang the main verb on its subject ("Bessent ... ,
                # announced": acl)
                mains.update(
                    c.i for c in subject.children if c.dep_ == "acl" and c.i > verb.i
                )
            elif verb.dep_ == "advcl":
                mains.add(verb.head.i)
            for m2, span2 in items:
                if m2 is m or m2.granularity != "day" or m2.date_start != m2.date_end:
                    continue
                main = _verb_of(span2)
                if main is not None and main.i in mains:
                    day = m2.date_start + dt.timedelta(days=offset)
                    items[k] = (replace(m, date_start=day, date_end=day), span)
                    break


_COUNTED_OFFSET = re.compile(r"P(\d+)([DWMY])")


def _shift_by(day: dt.date, n: int, unit: str) -> dt.date:
    """`day` moved by n days, weeks, months or years (month ends clamp)."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit == "W":
        return day + dt.timedelta(weeks=n)
    months = n if unit == "M" else 12 * n
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    m += 1
    last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(day.day, last))


def _day_mentions_before(
    by_sent: dict[int, list[tuple[DateMention, Span]]], sent: Span, pos: int, published: dt.date
) -> list[DateMention]:
    """Past day-precise mentions before character `pos`, in this sentence or the three
    before it, latest first: the narrative's current day."""
    doc = sent.doc
    lo = doc[max(0, sent.start - 1)].sent.start if sent.start else 0
    starts = [lo]
    for _ in range(2):
        if starts[-1] == 0:
            break
        starts.append(doc[starts[-1] - 1].sent.start)
    out = [
        m
        for ss in {sent.start, *starts}
        for m, _sp in by_sent.get(ss, [])
        if m.end <= pos and m.granularity == "day" and m.date_start <= published
    ]
    return sorted(out, key=lambda m: m.start, reverse=True)


def _counted_clause_offsets(
    doc: Doc,
    people: ArticlePeople,
    timexes: list[Timex],
    by_sent: dict[int, list[tuple[DateMention, Span]]],
    published: dt.date,
) -> dict[int, tuple[Token, Token | None]]:
    """'two days before the summit opened', 'a day after Tajani said ...': counted offsets
    anchored on a clause, which the tagger leaves undated.

    When the article dates the clause's event (in the clause itself, "two weeks after Trump
    doubled tariffs on Aug. 6", or elsewhere, "the summit opened on Thursday"), the offset
    dates the main clause. Otherwise, when the clause's actor is a person and the main
    clause's day is known (this sentence's date, else the narrative's latest past day), the
    offset dates the clause's event: "He said so [Monday], a day after Tajani said ..." puts
    Tajani's remark on Sunday. Returns the predicates of the second kind (with a subject
    the parser hung outside the clause) by mention start."""
    forced: dict[int, tuple[Token, Token | None]] = {}
    all_mentions = [x for items in by_sent.values() for x in items]
    for t in timexes:
        hit = _COUNTED_OFFSET.fullmatch(t.value or "")
        if t.type != "DURATION" or t.date_start is not None or hit is None:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or span.root.lemma_.lower() not in _OFFSET_UNITS:
            continue
        found = _anchor_clause(span.root)
        if found is None:
            continue
        clause, subj, sign = found
        n, unit = int(hit.group(1)), hit.group(2)
        sent = span.sent
        first = min(clause.left_edge.i, subj.left_edge.i if subj is not None else len(doc))
        lo, hi = doc[first].idx, clause.right_edge.idx + len(clause.right_edge)
        # a date inside a relative clause of the anchor clause dates that clause's own event
        # ("after Fletcher told the council that the city, which the RSF captured in late
        # October, ..."), not the anchor
        inner = [*clause.subtree, *(subj.subtree if subj is not None else ())]
        nested = {t.i for d in inner if d.dep_ == "relcl" and d.i != clause.i for t in d.subtree}
        own = [
            m
            for m, sp_ in by_sent.get(sent.start, [])
            if lo <= m.start and m.end <= hi and sp_.start not in nested
        ]
        anchor = own[0].date_start if own and own[0].granularity == "day" else None
        if (
            anchor is None
            and not own
            and subj is not None
            and subj.pos_ == "NOUN"
            and not _names_a_person(people, subj)
        ):
            key = subj.lemma_.lower()  # "the summit", "the ministers": dated elsewhere
            cands = [
                om.date_start
                for om, osp in all_mentions
                if osp.sent.start != sent.start
                and om.granularity in ("day", "range")
                and (om.date_end - om.date_start).days < 7
                and any(tok.lemma_.lower() == key for tok in osp.sent)
            ]
            anchor = min(cands) if cands else None
        if anchor is not None:
            day = _shift_by(anchor, sign * n, unit)
            end = max(t.end, hi)
        else:
            event_noun = clause.pos_ == "NOUN"  # "a day after a phone call with Trump"
            if own or not event_noun and (subj is None or not _names_a_person(people, subj)):
                continue
            named_day = _named_event_day(clause.head, sent, all_mentions)
            main = _day_mentions_before(by_sent, sent, t.start, published)
            if named_day is None and not main:
                continue
            base = named_day if named_day is not None else main[0].date_start
            day = _shift_by(base, -sign * n, unit)
            word = doc[min(span.end, len(doc) - 1)]  # "a day after": the date words
            end = word.idx + len(word) if word.lower_ in ("before", "after") else t.end
            actor = subj if subj is not None and subj.head.i != clause.i else None
            if event_noun:  # the speaker's own call: "Carney said ..., a day after a call"
                speech = _verb_of(span)
                kids = speech.children if speech is not None else ()
                actor = next((c for c in kids if c.dep_ == "nsubj"), None)
            forced[t.start] = (clause, actor)
        new = DateMention(
            start=t.start,
            end=end,
            text=doc.text[t.start : end],
            date_start=day,
            date_end=day,
            granularity="day",
            timexes=(t,),
        )
        by_sent.setdefault(sent.start, []).append((new, span))
    return forced


def _named_event_day(
    verb: Token, sent: Span, mentions: list[tuple[DateMention, Span]]
) -> dt.date | None:
    """The day of the event a main clause's subject names: "The Putrajaya meeting came two
    days after Trump spoke" counts from the day the story gave the Putrajaya meeting (the
    latest earlier sentence that names Putrajaya and a day), not from the last date told."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or match_trigger(subj) is None:
        return None
    names = {c.lower_ for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"}
    if not names:
        return None
    days = [
        m.date_start
        for m, sp in mentions
        if sp.sent.start < sent.start
        and m.granularity == "day"
        and any(tok.lower_ in names for tok in sp.sent)
    ]
    return days[-1] if days else None


def _names_a_person(people: ArticlePeople, tok: Token) -> bool:
    """A phrase that names a person ("Italy's foreign minister, Antonio Tajani")."""
    return any(people.entity(e).kind == "person" for t in tok.subtree for e in people.resolve(t))


def _across_lines(text: str, pred: Token, span: Span) -> bool:
    """A date on another line than its predicate (a caption glued to the next paragraph by
    the sentence splitter) never dates it."""
    a, b = sorted((pred.idx, span.start_char))
    return "\n" in text[a:b]


def _split_coordinated_objects(
    people: ArticlePeople, attached: list[tuple[Token, DateMention, Span]]
) -> list[tuple[set[int], set[int]] | None]:
    """'met Netanyahu on Saturday and Sheikh Mohammed 10 days ago': each object goes with
    the date that follows it. For every attached date: (entities to drop, entities to add).

    Only when one predicate has several dates after it and both the first stretch
    (predicate to first date) and a later one (previous date to this date) name persons;
    the parser often hangs the second object under the first date, so this goes by order."""
    out: list[tuple[set[int], set[int]] | None] = [None] * len(attached)
    by_pred: dict[int, list[int]] = {}
    for k, (pred, _m, span) in enumerate(attached):
        if span.start > pred.i:
            by_pred.setdefault(pred.i, []).append(k)
    for pred_i, ks in by_pred.items():
        if len(ks) < 2:
            continue
        ks.sort(key=lambda k: attached[k][2].start)
        segments: list[set[int]] = []
        lo = pred_i + 1
        for k in ks:
            span = attached[k][2]
            ents = {
                e
                for i in people.mention_tokens(lo, span.start)
                for e in people.resolve(people.doc[i])
                if people.entity(e).kind == "person"
            }
            segments.append(ents)
            lo = span.end
        if not segments[0]:
            # "held phone calls on Monday with X and on Tuesday with Y and Z": each date's
            # people follow it, up to the next date or the end of the clause
            segments = []
            for j, k in enumerate(ks):
                span = attached[k][2]
                hi = attached[ks[j + 1]][2].start if j + 1 < len(ks) else _clause_end(span)
                segments.append(
                    {
                        e
                        for i in people.mention_tokens(span.end, hi)
                        for e in people.resolve(people.doc[i])
                        if people.entity(e).kind == "person"
                    }
                )
            if sum(1 for seg in segments if seg) < 2:
                continue
        elif not any(segments[1:]):
            continue
        for j, k in enumerate(ks):
            others = set().union(*(seg for n, seg in enumerate(segments) if n != j))
            out[k] = (others - segments[j], segments[j])
    return out


def _clause_end(span: Span) -> int:
    """The token after the stretch that follows a date: up to a comma, semicolon or the
    sentence's end."""
    sent = span.sent
    for i in range(span.end, sent.end):
        if span.doc[i].text in (",", ";", ".", ":"):
            return i
    return sent.end


def _tense_fits(pred: Token, speech: bool, ds: dt.date, de: dt.date, published: dt.date) -> bool:
    """A past-tense speech act cannot happen after publication ("promised ... next year":
    the date is the promise's content), and a plain present-tense verb is no event of
    long ago ("White heads a team ... on Aug. 7, 1998": the date is the bombings')."""
    auxes = {c.lower_ for c in pred.children if c.dep_ in ("aux", "auxpass")}
    if speech and pred.tag_ == "VBD" and ds > published:
        return False
    return not (
        pred.tag_ in ("VBZ", "VBP")
        and not auxes
        and not speech
        and de < published - dt.timedelta(days=30)
    )


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _definite_reference(
    tok: Token, told: list[tuple[str, int, DateMention, Span]], sentences: set[int]
) -> tuple[DateMention, Span] | None:
    """The date of the event a definite event noun refers back to: "the talks" (the trigger
    itself or its verb's object), with no date or owner of its own, names the latest dated
    event of its type in this sentence or the one before."""
    noun = tok
    if tok.pos_ == "VERB" and any(
        c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children
    ):
        # "The summit, held on 9-10 November, was co-chaired by ... It was also attended
        # by ...": the event just told, as the subject of a passive
        rule = match_trigger(tok)
        for event_type, sstart, m, span in reversed(told):
            if rule is not None and sstart in sentences and event_type == rule.event_type:
                return m, span
        return None
    if tok.pos_ == "VERB":
        noun = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), tok)
        # "Xi invited him to visit China during the call": what happened during it, the
        # article's latest call however far back
        for v in (tok, *(c for c in tok.children if c.dep_ == "xcomp")):
            for prep in v.children:
                if prep.dep_ == "prep" and prep.lower_ == "during":
                    noun = next((g for g in prep.children if g.dep_ == "pobj"), noun)
                    if noun is not tok:
                        sentences = {s for _t, s, _m, _sp in told}
    if noun.pos_ != "NOUN":
        return None
    verb = tok if tok.pos_ == "VERB" else tok.head
    if verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ == "VERB":
        return None  # "arrived on Wednesday to join the negotiations": the arrival's day
    rule = match_trigger(noun)
    if rule is None:
        return None
    kids = list(noun.children)
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in kids):
        return None
    if any(c.dep_ in ("poss", "amod", "compound", "prep", "nummod") for c in kids):
        return None  # "the Gaza talks", "the talks on Friday", "the next meeting": its own
    for event_type, sstart, m, span in reversed(told):
        if sstart in sentences and event_type == rule.event_type and span.start != noun.i:
            return m, span
    return None


def _form(verb: Token) -> str:
    """A verb's tense for comparing coordinated verbs: "arrived ... and was welcomed" are
    both past; "met ... and will travel" are not."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and auxes and all(a.tag_ == "VBD" for a in auxes):
        return "VBD"
    return verb.tag_ if not auxes else verb.tag_ + "+" + "".join(a.lower_ for a in auxes)


def _coordinated_act(
    tok: Token, attached: list[tuple[Token, DateMention, Span]]
) -> tuple[Token, DateMention, Span] | None:
    """The verb of a trigger ("held talks", "met") that is coordinated with a dated verb of
    another event type, in the same verb form and with no subject of its own, with that
    verb's date: it is the same subject's next act of the day."""
    verb = tok
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        verb = tok.head  # the light verb of "held talks"
    if verb.pos_ != "VERB":
        return None
    prefix = _split_prefix(verb)
    if prefix is not None and prefix.dep_ == "conj" and verb.head.i == prefix.head.i:
        pass  # "... and was co-hosted by": the parser made "co" the conjunct
    elif verb.dep_ != "conj" or _form(verb) != _form(verb.head):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    head_rule = _event_for(verb.head)[0]  # "was held" takes its type from "the summit"
    rule = match_trigger(tok)
    if rule is None or head_rule is None:
        return None
    # one act told twice is one event, unless the second brings its own people ("was held
    # in Brussels on 17-18 July 2023 and was co-hosted by Sanchez and Michel")
    if head_rule.event_type == rule.event_type and not any(
        c.dep_ == "agent" for c in verb.children
    ):
        return None
    for pred, m, span in attached:
        if pred.i == verb.head.i and not (verb.left_edge.i <= span.start < verb.right_edge.i + 1):
            return verb, m, span
    return None


def _governed_by_dated(tok: Token, dated: set[int]) -> bool:
    """An undated trigger inside a dated predicate's phrase is part of that event; so is a
    verb whose object phrase holds a dated event noun of its own type ("held five rounds of
    talks between April and May": the talks are dated, "held" is the same event)."""
    h = tok
    for _ in range(4):
        if h.head.i == h.i:
            break
        if h.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
            break
        h = h.head
        if h.i in dated:
            return True
    rule = match_trigger(tok)
    if rule is None or tok.pos_ != "VERB":
        return False
    for obj in tok.children:
        if obj.dep_ != "dobj":
            continue
        for d in obj.subtree:
            if d.i in dated and d.pos_ == "NOUN":
                other = match_trigger(d)
                if other is not None and other.event_type == rule.event_type:
                    return True
    return False


def _build(
    text: str,
    published: dt.date,
    people: ArticlePeople,
    sent: Span,
    pred: Token,
    m: DateMention | None,
    span: Span | None,
    dated_preds: set[int],
    date_tokens: set[int],
    split: tuple[set[int], set[int]] | None,
    actor: Token | None = None,
) -> ExtractedEvent | None:
    """One event of a predicate; `actor` is a subject the parser hung elsewhere."""
    rule, noun_event = _event_for(pred)
    in_speech = _in_speech(pred)
    if rule is None:
        lemma = pred.lemma_.lower()
        if pred.pos_ != "VERB" or lemma in NON_EVENT_VERBS or m is None:
            return None
        event_type, cameo, plover = "OTHER", None, None
        speech = False
    else:
        event_type, cameo, plover, speech = rule.event_type, rule.cameo, rule.plover, rule.speech
    if rule is None and m is not None and pred.pos_ == "VERB":
        means = _means_type(pred)
        if means is not None:
            event_type, (cameo, plover) = means, TYPE_CODES[means]
    if event_type == "MEET" and _attended_on_a_trip(pred):
        event_type, (cameo, plover) = "VISIT", TYPE_CODES["VISIT"]
    if event_type == "CALL" and _calls_names(pred):
        event_type, (cameo, plover) = "ACCUSE", ("111", "ACCUSE")  # criticise or denounce
    if rule is None and actor is None:
        subj, passive = _subject(pred)
        if (
            passive
            or subj is None
            or pred.dep_ == "relcl"
            or not any(people.entity(e).kind == "person" for e in people.resolve(subj))
        ):
            return None  # an unlisted verb is an event only with a named person acting
    roles = _participants(pred, noun_event, people, date_tokens)
    if actor is not None:
        col = _Collector(people)
        col.walk(actor, "actor", set(date_tokens))
        roles = {**col.items, **{e: r for e, r in roles.items() if e not in col.items}}
    if split is not None:
        drop, add = split
        roles = {e: r for e, r in roles.items() if e not in drop or r == "actor"}
        for e in add:
            roles.setdefault(e, "counterpart")
    persons = [e for e in roles if people.entity(e).kind == "person"]
    if not persons:
        inherited = _speaker(pred, people) if (rule is not None and not speech) else ()
        for e in inherited:
            roles[e] = "actor"
        persons = list(inherited)
    if not persons:
        return None
    status = _status(
        noun_event if noun_event is not None and rule is not None and pred.pos_ != "VERB" else pred,
        in_speech,
    )
    if speech and m is not None:
        promoted = _promote(pred, dated_preds)
        if promoted:
            event_type = promoted
            cameo, plover = TYPE_CODES[promoted]
    if event_type in ("STATEMENT", "OTHER", "PROPOSE") and pred.pos_ in ("VERB", "AUX"):
        measure = _measure_type(pred)
        if measure is not None and measure != event_type:
            event_type = measure
            cameo, plover = TYPE_CODES[measure]
    if m is not None and span is not None:
        ds, de, gran = m.date_start, m.date_end, m.granularity
        # a chronology entry tells the past in the present tense ("November 2024 - Milei
        # meets Trump")
        entry = chronology_heading(text, m.start, m.end)
        if not entry and not _tense_fits(pred, speech, ds, de, published):
            return None
        if gran != "day" and ds <= published <= de and _counted_in_period(pred, span):
            return None  # "their fourth meeting this year": a count, not a date
        if status == "happened" and ds > published:
            status = "planned"
        date_text: str | None = m.text
        dcs: int | None = m.start
        dce: int | None = m.end
        source = "text"
        tval = _timex_value(m)
    else:
        if status != "happened" or event_type == "OTHER":
            return None
        ds = de = published
        gran, date_text, dcs, dce, source, tval = "day", None, None, None, "published", None
    # actor first, then counterparts, then mentioned
    order = {"actor": 0, "counterpart": 1, "mentioned": 2}
    ranked = sorted(roles.items(), key=lambda kv: order[kv[1]])
    parts = tuple(
        ParticipantMention(
            name=people.entity(e).name,
            kind=people.entity(e).kind,
            role=role,
            title=people.entity(e).titles[0] if people.entity(e).titles else None,
            aliases=people.entity(e).aliases,
        )
        for e, role in ranked
    )
    trig = noun_event if noun_event is not None else pred
    loc = _location(pred, people)
    summary = _summary(event_type, trig, parts, loc)
    return ExtractedEvent(
        event_type=event_type,
        cameo=cameo,
        plover=plover,
        status=status,
        trigger=trig.text,
        trigger_start=trig.idx,
        trigger_end=trig.idx + len(trig.text),
        sentence=sent.text,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        date_start=ds,
        date_end=de,
        granularity=gran,
        date_text=date_text,
        date_char_start=dcs,
        date_char_end=dce,
        date_source=source,
        timex_value=tval,
        summary=summary,
        location=loc,
        participants=parts,
    )


_TEMPLATES: dict[str, tuple[str, str]] = {
    "MEET": ("{a} met {b}", "{a} held talks"),
    "VISIT": ("{a} visited {b}", "{a} made a visit"),
    "CALL": ("{a} spoke by phone with {b}", "{a} held a phone call"),
    "STATEMENT": ("{a} made a statement to {b}", "{a} made a statement"),
    "INVITE": ("{a} invited {b}", "{a} issued an invitation"),
    "AGREE": ("{a} reached an agreement with {b}", "{a} agreed"),
    "PROPOSE": ("{a} made a proposal to {b}", "{a} made a proposal"),
    "DEMAND": ("{a} made a demand of {b}", "{a} made a demand"),
    "REJECT": ("{a} rejected {b}", "{a} rejected a proposal"),
    "SANCTION": ("{a} sanctioned {b}", "{a} imposed sanctions"),
    "THREATEN": ("{a} threatened {b}", "{a} issued a threat"),
    "ACCUSE": ("{a} accused {b}", "{a} made an accusation"),
    "OTHER": ("{a} {t} {b}", "{a} {t}"),
}


def _summary(
    event_type: str, trig: Token, parts: tuple[ParticipantMention, ...], loc: str | None
) -> str:
    """A short readable line: "Steve Witkoff invited Kirill Dmitriev (U.S.)"."""
    actor = next((p.name for p in parts if p.role == "actor"), parts[0].name)
    others = [p.name for p in parts if p.name != actor and p.kind != "place"]
    with_b, alone = _TEMPLATES[event_type]
    if event_type == "VISIT" and not others:
        others = [p.name for p in parts if p.kind == "place"]
    if trig.pos_ == "VERB" and trig.tag_ == "VBD" and event_type not in ("MEET", "CALL"):
        with_b, alone = "{a} {t} {b}", "{a} {t}"
    text = (with_b if others else alone).format(a=actor, b=" and ".join(others), t=trig.text)
    if loc and loc not in others:
        text += f" in {loc}"
    return text


def _merge_statements(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Several remarks by one person on one day are one STATEMENT."""
    seen: set[tuple[str, dt.date, dt.date, str, str]] = set()
    out: list[ExtractedEvent] = []
    for ev in events:
        if ev.event_type == "STATEMENT" and ev.participants:
            key = (
                person_key(ev.participants[0].name),
                ev.date_start,
                ev.date_end,
                ev.date_source,
                ev.status,
            )
            if key in seen:
                continue
            seen.add(key)
        out.append(ev)
    return out
