"""Typed SQLAlchemy models: the one description of the schema that migrations follow."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# A naming convention makes constraint names identical on SQLite and PostgreSQL,
# so Alembic batch migrations can find and alter them on both.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Article(Base):
    """One ingested article; the text is the cleaned text all offsets point into."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(1000))
    published: Mapped[dt.date] = mapped_column(Date, index=True)
    published_source: Mapped[str] = mapped_column(String(20))
    source_path: Mapped[str | None] = mapped_column(String(4096))
    text: Mapped[str] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

    sources: Mapped[list[EventSource]] = relationship(back_populates="article")

    def __repr__(self) -> str:
        return f"Article(id={self.id!r}, title={self.title!r}, published={self.published!r})"


class Person(Base):
    """An actor: a person (kind='person'), an organisation ('org') or a place ('place')."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(10), default="person")

    aliases: Mapped[list[Alias]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"Person(id={self.id!r}, name={self.name!r}, kind={self.kind!r})"


class Alias(Base):
    """Another form of a person's name ("Dmitriev"), or a role title seen with it."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("person_id", "key", name="uq_aliases_person_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="name")  # name | title

    person: Mapped[Person] = relationship(back_populates="aliases")

    def __repr__(self) -> str:
        return f"Alias({self.alias!r} -> person {self.person_id!r})"


class Event(Base):
    """A dated event; the same event reported by several articles has several sources."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_dates", "date_start", "date_end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_type: Mapped[str] = mapped_column(String(20))
    cameo: Mapped[str | None] = mapped_column(String(8))
    plover: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="happened")
    date_start: Mapped[dt.date] = mapped_column(Date)
    date_end: Mapped[dt.date] = mapped_column(Date)
    granularity: Mapped[str] = mapped_column(String(10))
    date_text: Mapped[str | None] = mapped_column(String(300))
    date_source: Mapped[str] = mapped_column(String(10))  # text | published
    summary: Mapped[str] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(String(300))
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    # Bumped by database triggers (migration 0004) whenever anything an export line shows
    # changes; a source's cached export line is valid only at the revision it was made for.
    rev: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    sources: Mapped[list[EventSource]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSource.id"
    )
    participants: Mapped[list[Participant]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Participant.position"
    )

    def __repr__(self) -> str:
        return (
            f"Event(id={self.id!r}, {self.event_type} {self.date_start}..{self.date_end}"
            f" {self.granularity})"
        )


class EventSource(Base):
    """The evidence for an event in one article: sentence, offsets, trigger, date words."""

    __tablename__ = "event_sources"
    __table_args__ = (UniqueConstraint("article_id", "key", name="uq_event_sources_article_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64))
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(String(200))
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    date_text: Mapped[str | None] = mapped_column(String(300))
    date_char_start: Mapped[int | None] = mapped_column(Integer)
    date_char_end: Mapped[int | None] = mapped_column(Integer)
    date_start: Mapped[dt.date] = mapped_column(Date)
    date_end: Mapped[dt.date] = mapped_column(Date)
    granularity: Mapped[str] = mapped_column(String(10))
    date_source: Mapped[str] = mapped_column(String(10))
    timex_value: Mapped[str | None] = mapped_column(String(50))
    # The people this article names for the event (JSON list of person ids): a merged event
    # gathers everyone, but each source row shows only whom its own article named.
    person_ids: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="sources")
    article: Mapped[Article] = relationship(back_populates="sources")


class ExportLine(Base):
    """A source's CSV export line (formula cells neutralised), made at event revision `rev`;
    `tracker export` writes it as is while the event is at that revision (tracker.queries)."""

    __tablename__ = "export_lines"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("event_sources.id", ondelete="CASCADE"), primary_key=True
    )
    rev: Mapped[int] = mapped_column(Integer)
    line: Mapped[str] = mapped_column(Text)


class Participant(Base):
    """A person's part in an event: actor, counterpart or mentioned, with the title used."""

    __tablename__ = "participants"
    __table_args__ = (Index("ix_participants_person_event", "person_id", "event_id"),)

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship()


class EventEdit(Base):
    """An analyst's correction: who changed which field of an event, when, and from what."""

    __tablename__ = "event_edits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(30))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    editor: Mapped[str] = mapped_column(String(100))
    edited_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
