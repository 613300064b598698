"""Every trigger rule fires on its own examples; status words classify theirs."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.events import _status, extract_events, match_trigger
from tracker.rules import status as status_rules
from tracker.rules.triggers import (
    EVENT_TYPES,
    MEANS_EXAMPLES,
    QUESTIONED_EXAMPLES,
    REFUSAL_EXAMPLES,
    SCENE_EXAMPLES,
    SPLIT_VERB_EXAMPLES,
    TRIGGERS,
    TYPE_CODES,
    Trigger,
)
from tracker.temporal import tag


def _cases() -> list[tuple[int, Trigger, str]]:
    return [(i, rule, ex) for i, rule in enumerate(TRIGGERS) for ex in rule.examples]


def test_every_rule_has_examples_and_a_known_type() -> None:
    for rule in TRIGGERS:
        assert rule.examples, rule.lemmas
        assert rule.event_type in EVENT_TYPES
        assert rule.pos in ("VERB", "NOUN")
    assert set(TYPE_CODES) == set(EVENT_TYPES)


@pytest.mark.parametrize(("idx", "rule", "example"), _cases())
def test_rule_fires_on_its_example(nlp, idx: int, rule: Trigger, example: str) -> None:
    doc = nlp(example)
    fired = [match_trigger(t) for t in doc]
    assert rule in fired, (
        example,
        [(t.text, r and r.lemmas) for t, r in zip(doc, fired, strict=True)],
    )


@pytest.mark.parametrize(("sentence", "word", "expected"), status_rules.EXAMPLES)
def test_status_examples(nlp, sentence: str, word: str, expected: str) -> None:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    in_speech = False
    assert _status(tok, in_speech) == expected


def test_specific_rules_win_over_general(nlp) -> None:
    doc = nlp("Trump called on Israel to stop the bombing on Friday.")
    rule = match_trigger(doc[1])
    assert rule is not None and rule.event_type == "DEMAND"
    doc = nlp("Xi Jinping and Trump spoke by phone on June 5.")
    rule = match_trigger(next(t for t in doc if t.text == "spoke"))
    assert rule is not None and rule.event_type == "CALL"
    doc = nlp("Trump returned to office in January.")
    rule = match_trigger(doc[1])
    assert rule is not None and rule.event_type == "OTHER"


def test_participles_modifying_nouns_are_not_triggers(nlp) -> None:
    doc = nlp("The FBI listed the accused doctor killer James Kopp and a signed letter.")
    assert match_trigger(next(t for t in doc if t.text == "accused")) is None
    assert match_trigger(next(t for t in doc if t.text == "signed")) is None


@pytest.mark.parametrize(("text", "verb", "actor"), SPLIT_VERB_EXAMPLES)
def test_a_split_hyphenated_verb_keeps_its_actor(nlp, text: str, verb: str, actor: str) -> None:
    """'co-chaired' tokenized as co / - / chaired: the subject hung under 'co' still acts."""
    published = date(2025, 8, 20)
    doc = nlp(text)
    events = extract_events(text, published, doc, tag(text, published, doc))
    ev = next(e for e in events if e.trigger == verb)
    assert ev.participants and ev.participants[0].name == actor, ev.participants


@pytest.mark.parametrize(("text", "etype"), REFUSAL_EXAMPLES + MEANS_EXAMPLES)
def test_reported_content_types_the_speech_act(nlp, text: str, etype: str) -> None:
    """A refusal in the content is a REJECT; a named, denied or conditional act is not."""
    published = date(2025, 8, 18)
    doc = nlp(text)
    events = extract_events(text, published, doc, tag(text, published, doc))
    dated = [e for e in events if e.date_source == "text"]
    assert dated and dated[0].event_type == etype, [(e.trigger, e.event_type) for e in dated]


@pytest.mark.parametrize(("text", "published", "person", "day"), SCENE_EXAMPLES)
def test_a_where_or_when_clause_takes_the_date_of_its_scene(
    nlp, text: str, published: str, person: str, day: str
) -> None:
    """'the summit on July 24, where Xi met Costa': the meeting is dated July 24."""
    pub = date.fromisoformat(published)
    doc = nlp(text)
    events = extract_events(text, pub, doc, tag(text, pub, doc))
    rows = {
        (p.name, e.date_start.isoformat(), e.date_end.isoformat(), e.event_type)
        for e in events
        if e.date_source == "text"
        for p in e.participants
    }
    assert (person, day, day, "MEET") in rows, rows


@pytest.mark.parametrize(("text", "published", "person", "day", "etype"), QUESTIONED_EXAMPLES)
def test_a_when_asked_clause_dates_the_remark_it_modifies(
    nlp, text: str, published: str, person: str, day: str, etype: str
) -> None:
    """'declined to comment when asked about the talks on Friday': no event of asking."""
    pub = date.fromisoformat(published)
    doc = nlp(text)
    events = extract_events(text, pub, doc, tag(text, pub, doc))
    types = {
        e.event_type
        for e in events
        if e.date_source == "text"
        and e.status not in ("negated", "hypothetical")
        and e.date_start.isoformat() == day
        and any(p.name == person for p in e.participants)
    }
    assert types == ({etype} if etype else set()), [(e.trigger, e.event_type) for e in events]
