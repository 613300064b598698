"""export lines: each source keeps its CSV export line, checked against the event's revision

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 13:10:00

`events.rev` counts changes to anything an export line shows: the event, its sources, its
participants, their people and the source articles. Triggers bump it, so no write path can
forget; a line (table `export_lines`, one per source) is used only while its `rev` equals the
event's, and any other line is rebuilt from the tables. Stale lines cost speed, never
correctness. The lines live in their own table so that the rows timelines and merges read
stay small.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_COLUMNS = (
    "event_type, cameo, plover, status, date_start, date_end, granularity, date_text, "
    "date_source, summary, location, hidden"
)
SOURCE_COLUMNS = (
    'event_id, article_id, sentence, "trigger", date_text, date_start, date_end, '
    "granularity, date_source, person_ids"
)
BUMP = "UPDATE events SET rev = rev + 1 WHERE id"

# (trigger name, table, timing and event, the rows whose events change)
_SQLITE = [
    ("trg_events_rev", "events", f"AFTER UPDATE OF {EVENT_COLUMNS}", f"{BUMP} = NEW.id"),
    ("trg_sources_ins_rev", "event_sources", "AFTER INSERT", f"{BUMP} = NEW.event_id"),
    ("trg_sources_del_rev", "event_sources", "AFTER DELETE", f"{BUMP} = OLD.event_id"),
    (
        "trg_sources_upd_rev",
        "event_sources",
        f"AFTER UPDATE OF {SOURCE_COLUMNS}",
        f"{BUMP} IN (OLD.event_id, NEW.event_id)",
    ),
    ("trg_participants_ins_rev", "participants", "AFTER INSERT", f"{BUMP} = NEW.event_id"),
    ("trg_participants_del_rev", "participants", "AFTER DELETE", f"{BUMP} = OLD.event_id"),
    (
        "trg_participants_upd_rev",
        "participants",
        "AFTER UPDATE",
        f"{BUMP} IN (OLD.event_id, NEW.event_id)",
    ),
    (
        "trg_people_rev",
        "people",
        "AFTER UPDATE OF name, kind",
        f"{BUMP} IN (SELECT event_id FROM participants WHERE person_id = NEW.id)",
    ),
    (
        "trg_articles_rev",
        "articles",
        "AFTER UPDATE OF title, url, published",
        f"{BUMP} IN (SELECT event_id FROM event_sources WHERE article_id = NEW.id)",
    ),
]

# PostgreSQL: one plpgsql function per trigger (TG_OP tells insert, update and delete apart).
_PG_FUNCTIONS = {
    "tracker_rev_event": """
        BEGIN NEW.rev := OLD.rev + 1; RETURN NEW; END""",
    "tracker_rev_by_event_id": """
        BEGIN
          IF TG_OP <> 'INSERT' THEN UPDATE events SET rev = rev + 1 WHERE id = OLD.event_id;
          END IF;
          IF TG_OP <> 'DELETE' THEN UPDATE events SET rev = rev + 1 WHERE id = NEW.event_id;
          END IF;
          RETURN NULL;
        END""",
    "tracker_rev_by_person": """
        BEGIN
          UPDATE events SET rev = rev + 1
          WHERE id IN (SELECT event_id FROM participants WHERE person_id = NEW.id);
          RETURN NULL;
        END""",
    "tracker_rev_by_article": """
        BEGIN
          UPDATE events SET rev = rev + 1
          WHERE id IN (SELECT event_id FROM event_sources WHERE article_id = NEW.id);
          RETURN NULL;
        END""",
}
_PG = [
    ("trg_events_rev", "events", f"BEFORE UPDATE OF {EVENT_COLUMNS}", "tracker_rev_event"),
    (
        "trg_sources_rev",
        "event_sources",
        f"AFTER INSERT OR DELETE OR UPDATE OF {SOURCE_COLUMNS}",
        "tracker_rev_by_event_id",
    ),
    (
        "trg_participants_rev",
        "participants",
        "AFTER INSERT OR DELETE OR UPDATE",
        "tracker_rev_by_event_id",
    ),
    ("trg_people_rev", "people", "AFTER UPDATE OF name, kind", "tracker_rev_by_person"),
    (
        "trg_articles_rev",
        "articles",
        "AFTER UPDATE OF title, url, published",
        "tracker_rev_by_article",
    ),
]


def upgrade() -> None:
    op.add_column("events", sa.Column("rev", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "export_lines",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["event_sources.id"],
            name=op.f("fk_export_lines_source_id_event_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_export_lines")),
    )
    if op.get_bind().dialect.name == "postgresql":
        for name, body in _PG_FUNCTIONS.items():
            op.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger "
                f"LANGUAGE plpgsql AS $${body}\n$$"
            )
        for name, table, when, function in _PG:
            op.execute(
                f"CREATE TRIGGER {name} {when} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
    else:
        for name, table, when, action in _SQLITE:
            op.execute(f"CREATE TRIGGER {name} {when} ON {table} BEGIN {action}; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, table, _when, _function in _PG:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for name in _PG_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    else:
        for name, _table, _when, _action in _SQLITE:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("export_lines")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35): a batch "move and copy" would drop
    # the old events table, and its foreign-key cascades would empty the sources with it.
    op.drop_column("events", "rev")
