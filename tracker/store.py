"""The only writer: one transaction per article, idempotent, merging people and events."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from tracker.keys import person_key
from tracker.models import Alias, Article, Event, EventSource, Participant, Person

if TYPE_CHECKING:
    from tracker.events import ExtractedEvent, ParticipantMention
    from tracker.ingest import ArticleInput

# Titles longer than this are parse debris, not roles ("400 digits President").
MAX_TITLE_CHARS = 100


def clip(value: str | None, column: Any) -> str | None:
    """Cut a value to its column's declared length (PostgreSQL enforces it, SQLite does not)."""
    length = getattr(column.type, "length", None)
    if value is None or length is None or len(value) <= length:
        return value
    return value[: length - 1] + "…"


GRANULARITY_ORDER = {"day": 0, "range": 1, "week": 2, "month": 3, "quarter": 4, "year": 5}


@dataclass(frozen=True)
class StoreResult:
    article_id: int
    created: bool
    events: int
    people: int


def find_existing_article(session: Session, url: str | None, content_hash: str) -> Article | None:
    conditions = [Article.content_hash == content_hash]
    if url:
        conditions.append(Article.url == url)
    return session.scalars(select(Article).where(or_(*conditions)).limit(1)).first()


def get_or_create_person(
    session: Session, mention: ParticipantMention, known: PeopleCache | None = None
) -> Person:
    """Exact key, then a unique alias match, then upgrade a surname-only person; else create."""
    known = known if known is not None else PeopleCache()
    key = clip(person_key(mention.name), Person.key) or ""
    person = known.by_key(session, key)
    if person is None:
        candidates = known.by_alias(session, key, mention.kind)
        if len(candidates) == 1:
            person = candidates[0]
    if person is None and mention.kind == "person" and " " in key:
        # "Dmitriev" stored earlier from an article that never gave the first name.
        surname = key.rsplit(" ", 1)[1]
        short = known.by_key(session, surname)
        if short is not None and short.kind == "person":
            add_alias_row(session, short, short.name, "name", known)
            short.name, short.key = mention.name, key
            known.rekeyed(short, surname)
            person = short
    if person is None:
        person = Person(key=key, name=clip(mention.name, Person.name), kind=mention.kind)
        session.add(person)
        session.flush()
        known.created(person)
    for alias in sorted({mention.name, *mention.aliases}):
        if alias != person.name:
            add_alias_row(session, person, alias, "name", known)
    if mention.title and len(mention.title) <= MAX_TITLE_CHARS:
        add_alias_row(session, person, mention.title, "title", known)
    return person


class PeopleCache:
    """What one transaction has read of people and aliases. `prime` reads every person and
    alias an article's mentions can match in two queries, instead of several queries per
    mention; later lookups are dictionary hits. Misses fall back to a query, so an unprimed
    cache behaves like plain queries. Unique constraints still guard against other writers."""

    def __init__(self) -> None:
        self._persons: dict[str, Person | None] = {}
        self._alias_people: dict[str, list[Person]] = {}
        self._alias_keys: dict[int, set[str]] = {}
        self.renamed: set[int] = set()  # people whose name this transaction changed

    def prime(self, session: Session, keys: set[str]) -> None:
        wanted = {k for k in keys if k and k not in self._persons}
        if not wanted:
            return
        for person in session.scalars(select(Person).where(Person.key.in_(sorted(wanted)))):
            self._persons[person.key] = person
        for k in wanted:
            self._persons.setdefault(k, None)
        missing = sorted(k for k in wanted if self._persons[k] is None)
        if missing:
            rows = session.execute(
                select(Alias.key, Person)
                .join(Person, Person.id == Alias.person_id)
                .where(Alias.key.in_(missing), Alias.kind == "name")
            )
            found: dict[str, dict[int, Person]] = {}
            for alias_key, person in rows:
                found.setdefault(alias_key, {})[person.id] = person
            for k in missing:
                self._alias_people[k] = sorted(found.get(k, {}).values(), key=lambda p: p.id)

    def by_key(self, session: Session, key: str) -> Person | None:
        if key not in self._persons:
            self._persons[key] = session.scalars(select(Person).where(Person.key == key)).first()
        return self._persons[key]

    def by_alias(self, session: Session, key: str, kind: str) -> list[Person]:
        people = self._alias_people.get(key)
        if people is None:
            people = self._alias_people[key] = list(
                session.scalars(
                    select(Person)
                    .join(Alias)
                    .where(Alias.key == key, Alias.kind == "name")
                    .distinct()
                    .order_by(Person.id)
                )
            )
        return [p for p in people if p.kind == kind]

    def created(self, person: Person) -> None:
        self._persons[person.key] = person
        self._alias_keys[person.id] = set()

    def rekeyed(self, person: Person, old_key: str) -> None:
        self.renamed.add(person.id)
        self._persons[old_key] = None
        self._persons[person.key] = person

    def alias_keys(self, session: Session, person_id: int) -> set[str]:
        found = self._alias_keys.get(person_id)
        if found is None:
            found = self._alias_keys[person_id] = set(
                session.scalars(select(Alias.key).where(Alias.person_id == person_id))
            )
        return found

    def alias_added(self, person: Person, key: str) -> None:
        """A new alias is also a way to find the person by alias later in this transaction."""
        people = self._alias_people.get(key)
        if people is not None and all(p.id != person.id for p in people):
            people.append(person)


def add_alias_row(
    session: Session, person: Person, alias: str, kind: str, known: PeopleCache | None = None
) -> None:
    key = clip(person_key(alias) if kind == "name" else f"title:{person_key(alias)}", Alias.key)
    alias = clip(alias, Alias.alias) or ""
    if not key:
        return
    known = known or PeopleCache()
    keys = known.alias_keys(session, person.id)
    if key not in keys:
        keys.add(key)
        session.add(Alias(person_id=person.id, alias=alias, key=key, kind=kind))
        if kind == "name":
            known.alias_added(person, key)


def _source_key(ev: ExtractedEvent) -> str:
    raw = f"{ev.trigger_start}:{ev.trigger_end}:{ev.event_type}:{ev.date_start}:{ev.date_end}"
    return hashlib.sha1(raw.encode()).hexdigest()[:32]


def _overlaps(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> bool:
    return a_start <= b_end and b_start <= a_end


# Catch-all events are too unspecific to be recognised as the same across articles.
UNMERGEABLE_TYPES = frozenset({"OTHER"})


def find_same_event(
    session: Session,
    ev: ExtractedEvent,
    person_ids: frozenset[int],
    article_id: int,
    reported: frozenset[int] | set[int] = frozenset(),
) -> Event | None:
    """The same event reported by another article: same type, overlapping dates, and the
    people of one report are a subset of the other's (outlets name different participants)."""
    if not person_ids or ev.date_source != "text" or ev.event_type in UNMERGEABLE_TYPES:
        return None
    candidates = session.scalars(
        select(Event)
        .join(Participant, Participant.event_id == Event.id)
        .where(
            Participant.person_id.in_(list(person_ids)),
            Event.event_type == ev.event_type,
            Event.status == ev.status,
            Event.date_source == "text",
            Event.hidden.is_(False),
            Event.date_start <= ev.date_end,
            Event.date_end >= ev.date_start,
        )
        .distinct()
    ).all()
    best: tuple[int, int, Event] | None = None
    for cand in candidates:
        if cand.id in reported or any(src.article_id == article_id for src in cand.sources):
            continue
        people = frozenset(p.person_id for p in cand.participants if p.person.kind == "person")
        if not (people <= person_ids or person_ids <= people):
            continue
        span = (cand.date_end - cand.date_start).days
        score = (len(people & person_ids), -span)
        if best is None or score > best[:2]:
            best = (score[0], score[1], cand)
    return best[2] if best else None


def _insert_new(
    session: Session,
    new_events: list[dict[str, Any]],
    new_participants: list[list[dict[str, Any]]],
    sources: list[tuple[int | None, dict[str, Any]]],
) -> list[int]:
    """One multi-row insert each for an article's new events, their participants and all its
    sources (ids come back in parameter order)."""
    ids: list[int] = []
    if new_events:
        result = session.execute(
            insert(Event).returning(Event.id, sort_by_parameter_order=True), new_events
        )
        ids = [r[0] for r in result]
    participants = [
        {**p, "event_id": event_id}
        for event_id, rows in zip(ids, new_participants, strict=True)
        for p in rows
    ]
    if participants:
        session.execute(insert(Participant), participants)
    fresh = iter(ids)
    rows = [{**row, "event_id": target or next(fresh)} for target, row in sources]
    if rows:
        session.execute(insert(EventSource), rows)
    return ids


def events_of_people(session: Session, person_ids: set[int]) -> set[int]:
    if not person_ids:
        return set()
    return set(
        session.scalars(
            select(Participant.event_id).where(Participant.person_id.in_(sorted(person_ids)))
        )
    )


def refresh_export_lines(session: Session, event_ids: set[int] | list[int]) -> None:
    """Store the CSV export lines of these events' sources at their current revision, so that
    `tracker export` writes them as they are. Call after the writes (the triggers of migration
    0004 bump revisions on flush); an event left out only makes its export slower."""
    from sqlalchemy import text

    from tracker.queries import Reader, export_lines

    session.flush()
    ids = sorted(event_ids)
    reader = Reader.of(session)
    for i in range(0, len(ids), 2000):
        lines = export_lines(reader, ids[i : i + 2000])
        if lines:
            session.execute(
                text(
                    "INSERT INTO export_lines (source_id, rev, line) VALUES (:sid, :rev, :line) "
                    "ON CONFLICT (source_id) DO UPDATE SET rev = excluded.rev, line = excluded.line"
                ),
                [{"sid": sid, "rev": rev, "line": line} for sid, rev, line in lines],
            )


def _narrow(event: Event, ev: ExtractedEvent) -> None:
    """A more precise report narrows the merged event's date (a week -> the day)."""
    inside = event.date_start <= ev.date_start and ev.date_end <= event.date_end
    finer = GRANULARITY_ORDER.get(ev.granularity, 9) < GRANULARITY_ORDER.get(event.granularity, 9)
    if inside and finer:
        event.date_start, event.date_end = ev.date_start, ev.date_end
        event.granularity, event.date_text = ev.granularity, ev.date_text


MAX_EVIDENCE_CHARS = 2000


def evidence_window(ev: ExtractedEvent) -> tuple[str, int]:
    """The sentence without the paragraph break that may trail it; a run-on "sentence" (a
    100k-character line) is cut to a window around the trigger and the date words."""
    lead = len(ev.sentence) - len(ev.sentence.lstrip())
    sentence, start = ev.sentence.strip(), ev.sentence_start + lead
    if len(sentence) <= MAX_EVIDENCE_CHARS:
        return sentence, start
    marks = [ev.trigger_start, ev.trigger_end]
    if ev.date_char_start is not None and ev.date_char_end is not None:
        marks += [ev.date_char_start, ev.date_char_end]
    lo = max(start, min(marks) - MAX_EVIDENCE_CHARS // 4)
    hi = min(start + len(sentence), max(lo + MAX_EVIDENCE_CHARS, max(marks)))
    return sentence[lo - start : hi - start], lo


def store_article(
    session: Session, article: ArticleInput, published: dt.date, events: list[ExtractedEvent]
) -> StoreResult:
    """Write one article and its events; the caller's transaction makes it all-or-nothing."""
    existing = find_existing_article(session, article.url, article.content_hash)
    if existing is not None:
        return StoreResult(existing.id, False, len(existing.sources), 0)
    row = Article(
        url=clip(article.url, Article.url),
        content_hash=article.content_hash,
        title=clip(article.title, Article.title),
        published=published,
        published_source=article.published_source or "flag",
        source_path=clip(article.source_path, Article.source_path),
        text=article.text,
    )
    session.add(row)
    session.flush()
    people_seen: set[int] = set()
    source_keys: set[str] = set()  # the article is new: its sources are all in this transaction
    # One lookup per distinct mention per article: events repeat the same people.
    resolved: dict[tuple[str, str, str | None, tuple[str, ...]], Person] = {}
    known = PeopleCache()
    keys: set[str] = set()
    for ev in events:
        for mention in ev.participants:
            key = clip(person_key(mention.name), Person.key) or ""
            keys.add(key)
            if mention.kind == "person" and " " in key:
                keys.add(key.rsplit(" ", 1)[1])
    known.prime(session, keys)
    merged_into: set[int] = set()  # events of other articles this one already reported
    # New events are written together at the end: an article's own events are never merge
    # candidates for each other, so nothing needs them in the database sooner.
    new_events: list[dict[str, Any]] = []
    new_participants: list[list[dict[str, Any]]] = []
    sources: list[tuple[int | None, dict[str, Any]]] = []  # (merged event id | None, row)
    for ev in events:
        key = _source_key(ev)
        if key in source_keys:
            continue  # the same trigger and dates extracted twice
        source_keys.add(key)
        persons: list[tuple[Person, ParticipantMention]] = []
        for mention in ev.participants:
            memo = (mention.name, mention.kind, mention.title, tuple(mention.aliases))
            person = resolved.get(memo)
            if person is None:
                person = resolved[memo] = get_or_create_person(session, mention, known)
            if all(p.id != person.id for p, _ in persons):
                persons.append((person, mention))
        people_seen.update(p.id for p, _ in persons)
        person_ids = frozenset(p.id for p, _ in persons if p.kind == "person")
        event = find_same_event(session, ev, person_ids, row.id, merged_into)
        if event is None:
            new_events.append(
                {
                    "event_type": ev.event_type,
                    "cameo": ev.cameo,
                    "plover": ev.plover,
                    "status": ev.status,
                    "date_start": ev.date_start,
                    "date_end": ev.date_end,
                    "granularity": ev.granularity,
                    "date_text": clip(ev.date_text, Event.date_text),
                    "date_source": ev.date_source,
                    "summary": ev.summary,
                    "location": clip(ev.location, Event.location),
                    "hidden": False,
                }
            )
            new_participants.append(
                [
                    {
                        "person_id": person.id,
                        "role": mention.role,
                        "title": clip(mention.title, Participant.title),
                        "position": pos,
                    }
                    for pos, (person, mention) in enumerate(persons)
                ]
            )
            target = None
        else:
            merged_into.add(event.id)
            _narrow(event, ev)
            present = {p.person_id for p in event.participants}
            for person, mention in persons:
                if person.id not in present:
                    session.add(
                        Participant(
                            event_id=event.id,
                            person_id=person.id,
                            role=mention.role,
                            title=clip(mention.title, Participant.title),
                            position=len(present),
                        )
                    )
                    present.add(person.id)
            target = event.id
        sentence, sentence_start = evidence_window(ev)
        sources.append(
            (
                target,
                {
                    "article_id": row.id,
                    "key": key,
                    "sentence": sentence,
                    "sentence_start": sentence_start,
                    "sentence_end": sentence_start + len(sentence),
                    "trigger": clip(ev.trigger, EventSource.trigger),
                    "trigger_start": ev.trigger_start,
                    "trigger_end": ev.trigger_end,
                    "date_text": clip(ev.date_text, EventSource.date_text),
                    "date_char_start": ev.date_char_start,
                    "date_char_end": ev.date_char_end,
                    "date_start": ev.date_start,
                    "date_end": ev.date_end,
                    "granularity": ev.granularity,
                    "date_source": ev.date_source,
                    "timex_value": clip(ev.timex_value, EventSource.timex_value),
                    "person_ids": json.dumps([p.id for p, _ in persons]),
                },
            )
        )
    session.flush()
    new_ids = _insert_new(session, new_events, new_participants, sources)
    refresh_export_lines(
        session, {*new_ids, *merged_into, *events_of_people(session, known.renamed)}
    )
    stored = len(sources)
    return StoreResult(row.id, True, stored, len(people_seen))
