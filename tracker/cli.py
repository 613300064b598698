"""The `tracker` command: a thin shell over tracker.api (no SQL, no regex here)."""

from __future__ import annotations

import functools
import importlib
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tracker import __version__, queries
from tracker.db import Database, DatabaseProblem, open_database, read_connection
from tracker.errors import DEFAULT_MAX_BYTES, IngestError, TrackerError
from tracker.intervals import parse_interval
from tracker.queries import DEFAULT_STATUSES, EVENT_TYPES, STATUSES
from tracker.render import FORMATS, render

T = TypeVar("T")


class _LazyModule:
    """tracker.api imports SQLAlchemy and the ORM models (~0.3 s): load it on first use, so
    `tracker timeline` on a SQLite file starts without it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


api: Any = _LazyModule("tracker.api")


class Context:
    def __init__(self, db: str | None) -> None:
        self.db_option = db
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = open_database(self.db_option)
        return self._db

    def read(self, query: Callable[[queries.Reader], T]) -> T:
        """Run a read-only query: on a current SQLite file through plain sqlite3 (no
        SQLAlchemy import), else, or if that fails, in a session of the full Database,
        which migrates and reports database problems as usual."""
        conn = read_connection(self.db_option) if self._db is None else None
        if conn is not None:
            try:
                return query(queries.Reader(conn, "sqlite"))
            except sqlite3.Error:
                pass  # read-only, so simply retried below, where errors get their message
            finally:
                conn.close()
        with self.db.session() as session:
            return query(queries.Reader.of(session))


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Library errors become one-line messages and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (TrackerError, IngestError, DatabaseProblem) as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def output_options(default_format: str = "table") -> Callable[..., Any]:
    """--format/--fmt/-o/--no-headers for every listing command."""

    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        options = [
            click.option(
                "--format",
                "fmt",
                type=click.Choice(FORMATS),
                default=default_format,
                show_default=True,
                help="Output format.",
            ),
            click.option(
                "--fmt",
                "tablefmt",
                default=None,
                metavar="TABLEFMT",
                help="Any tabulate table format (e.g. github, grid, psql).",
            ),
            click.option(
                "-o",
                "--output",
                type=click.Path(dir_okay=False, writable=True),
                default=None,
                help="Write to this file instead of stdout.",
            ),
            click.option("--no-headers", is_flag=True, help="Omit the header row."),
        ]
        for option in reversed(options):
            func = option(func)
        return func

    return decorator


def emit(
    rows: Any,
    columns: list[str],
    fmt: str,
    tablefmt: str | None,
    output: str | None,
    no_headers: bool,
    raw: bool = False,
) -> int:
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            return render(rows, columns, fh, fmt, tablefmt, not no_headers, raw)
    return render(rows, columns, sys.stdout, fmt, tablefmt, not no_headers, raw)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tracker")
@click.option(
    "--db",
    envvar="TRACKER_DB",
    default=None,
    metavar="PATH_OR_URL",
    help="Database file or SQLAlchemy URL (default: $TRACKER_DB, then a file in the app dir).",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Dated diplomatic events per person, from news articles.

    \b
    Example:
      tracker add seeds/000_c152ed9c5e12e94c.txt
      tracker timeline "Kirill Dmitriev"
    """
    ctx.obj = Context(db)


pass_ctx = click.make_pass_decorator(Context)


def _published_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--published",
        default=None,
        metavar="DATE",
        help="Publication date (YYYY-MM-DD); wins over the article's own.",
    )(func)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@_published_option
@click.option("--url", default=None, help="The article's URL (one article only).")
@click.option("--title", default=None, help="The article's title (one article only).")
@click.option(
    "--glob",
    "pattern",
    default="*.txt,*.html,*.htm",
    show_default=True,
    help="Files to take from directories (comma-separated patterns).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this.",
)
@click.option("-q", "--quiet", is_flag=True, help="Only print errors and the summary.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="spaCy processes for parsing (batches of articles).",
)
@pass_ctx
@handle_errors
def add(
    ctx: Context,
    sources: tuple[str, ...],
    published: str | None,
    url: str | None,
    title: str | None,
    pattern: str,
    max_bytes: int,
    quiet: bool,
    jobs: int,
) -> None:
    """Add articles (files, directories, http(s) URLs, or - for stdin) to the database.

    Each article is one transaction: a bad file is reported and skipped, the rest are
    stored, and the exit code is 1 if any failed. Adding an article again stores nothing.

    \b
    Example:
      tracker add seeds/000_c152ed9c5e12e94c.txt
      tracker add saved_pages/ --glob '*.html' --jobs 2
      cat article.txt | tracker add - --published 2025-04-03
    """
    pub = api.parse_published(published)
    expanded = api.expand_sources(sources, pattern)
    if (url or title) and len(expanded) > 1:
        raise click.UsageError("--url and --title need exactly one article")
    if expanded.count("-") > 1:
        raise click.UsageError("stdin (-) can be read only once")
    db = ctx.db
    counts = {"added": 0, "present": 0, "failed": 0}
    show_bar = not quiet and len(expanded) > 1 and _stderr_is_terminal()
    results = api.add_many(
        db, expanded, published=pub, url=url, title=title, max_bytes=max_bytes, jobs=jobs
    )
    with click.progressbar(
        length=len(expanded), label="adding", file=sys.stderr, hidden=not show_bar
    ) as bar:
        for result in results:
            bar.update(1)
            if isinstance(result, api.AddFailure):
                counts["failed"] += 1
                message = result.message
                if not message.startswith(result.source):
                    message = f"{result.source}: {message}"
                click.echo(f"error: {message}", err=True)
                continue
            for warning in result.warnings:
                click.echo(f"warning: {result.source}: {warning}", err=True)
            if result.created:
                counts["added"] += 1
                line = (
                    f"added: {result.title} (published {result.published}, "
                    f"{result.events} events, {result.people} people)"
                )
            else:
                counts["present"] += 1
                line = f"already present: {result.title} (nothing new stored)"
            if not quiet and not show_bar:
                click.echo(line)
    if len(expanded) > 1 or counts["failed"]:
        click.echo(
            f"{counts['added']} added, {counts['present']} already present, "
            f"{counts['failed']} failed",
            err=quiet or show_bar,
        )
    if counts["failed"]:
        sys.exit(1)


def _stderr_is_terminal() -> bool:
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


def _date_param(value: str | None) -> Any:
    return None if value is None else parse_interval(value)


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--from/--to/--type/--with/--status, shared by timeline, events and export."""
    options = [
        click.option(
            "--from",
            "date_from",
            metavar="DATE",
            help="Events whose interval ends on or after DATE.",
        ),
        click.option(
            "--to",
            "date_to",
            metavar="DATE",
            help="Events whose interval starts on or before DATE.",
        ),
        click.option(
            "--type",
            "types",
            multiple=True,
            type=click.Choice(EVENT_TYPES, case_sensitive=False),
            help="Only this event type (repeatable).",
        ),
        click.option(
            "--with",
            "with_persons",
            multiple=True,
            metavar="PERSON",
            help="Only events that also involve PERSON (repeatable).",
        ),
        click.option(
            "--status",
            "statuses",
            multiple=True,
            type=click.Choice(STATUSES),
            help="Only this status (default: happened and planned).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filters(
    date_from: str | None,
    date_to: str | None,
    types: tuple[str, ...],
    statuses: tuple[str, ...],
    default_statuses: Any = DEFAULT_STATUSES,
) -> dict:
    return {
        "date_from": _date_param(date_from)[0] if date_from else None,
        "date_to": _date_param(date_to)[1] if date_to else None,
        "types": types,
        "statuses": statuses or default_statuses,
    }


@cli.command()
@click.argument("name")
@filter_options
@output_options()
@pass_ctx
@handle_errors
def timeline(
    ctx: Context,
    name: str,
    date_from: str | None,
    date_to: str | None,
    types: tuple[str, ...],
    with_persons: tuple[str, ...],
    statuses: tuple[str, ...],
    fmt: str,
    tablefmt: str | None,
    output: str | None,
    no_headers: bool,
) -> None:
    """Show one person's events in chronological order.

    NAME is a full name or an alias, in any case. Dates show their granularity:
    "2025-03-24..2025-03-30 (week)" is a week, not a day in it.

    \b
    Example:
      tracker timeline "Kirill Dmitriev"
      tracker timeline Dmitriev --from 2025-04 --type MEET --format csv
    """
    filters = _filters(date_from, date_to, types, statuses)
    if fmt in ("csv", "json", "jsonl"):
        rows = api.export_rows(ctx.db, [name], with_persons, **filters)
        emit(rows, api.EXPORT_COLUMNS, fmt, tablefmt, output, no_headers)
        return
    person, rows = ctx.read(lambda reader: queries.timeline(reader, name, with_persons, **filters))
    if not rows:
        click.echo(f"{person}: no events", err=True)
        return
    columns = ["id", "date", "type", "status", "with", "summary", "source"]
    if not output and not tablefmt:
        click.echo(f"Timeline for {person}")
    emit(rows, columns, fmt, tablefmt, output, no_headers)


@cli.command()
@click.option("--person", "persons", multiple=True, help="Only events of this person.")
@click.option("--source", default=None, help="Only events from this article (URL, path or title).")
@filter_options
@output_options()
@pass_ctx
@handle_errors
def events(
    ctx: Context,
    persons: tuple[str, ...],
    source: str | None,
    date_from: str | None,
    date_to: str | None,
    types: tuple[str, ...],
    with_persons: tuple[str, ...],
    statuses: tuple[str, ...],
    fmt: str,
    tablefmt: str | None,
    output: str | None,
    no_headers: bool,
) -> None:
    """List all events, with the same filters as timeline.

    \b
    Example:
      tracker events --type MEET --from 2025-04-01 --to 2025-04-30
    """
    filters = _filters(date_from, date_to, types, statuses)
    if fmt in ("csv", "json", "jsonl"):
        rows = api.export_rows(ctx.db, persons, with_persons, source=source, **filters)
        emit(rows, api.EXPORT_COLUMNS, fmt, tablefmt, output, no_headers)
        return
    rows = api.list_events(ctx.db, persons, with_persons, source=source, **filters)
    emit(
        rows,
        ["id", "date", "type", "status", "people", "summary", "source"],
        fmt,
        tablefmt,
        output,
        no_headers,
    )


@cli.command()
@click.option("--person", "persons", multiple=True, help="Only events of this person.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "jsonl", "html", "timelinejs", "ics"]),
    default="csv",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None)
@click.option("--raw", is_flag=True, help="Do not neutralise formula-like CSV cells.")
@click.option("--title", default="tracker timeline", help="Title of the HTML/TimelineJS page.")
@pass_ctx
@handle_errors
def export(
    ctx: Context, persons: tuple[str, ...], fmt: str, output: str | None, raw: bool, title: str
) -> None:
    """Export events: CSV/JSON rows (one per event and source), an HTML timeline, TimelineJS
    JSON or an iCalendar file.

    \b
    Example:
      tracker export --format csv -o timelines.csv
      tracker export --format html -o timeline.html --person "Kirill Dmitriev"
    """
    if fmt in ("html", "timelinejs", "ics"):
        from tracker import exports

        records = api.event_records(ctx.db, persons)
        if fmt == "html":
            text = exports.html_page(records, title, list(api.canonical_names(ctx.db, persons)))
        elif fmt == "timelinejs":
            text = json.dumps(exports.timelinejs(records, title), ensure_ascii=False, indent=1)
        else:
            text = exports.ics(records)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            click.echo(f"wrote {fmt} to {output}", err=True)
        else:
            click.echo(text, nl=False)
        return
    rows = api.export_rows(ctx.db, persons, statuses=None)
    count = emit(rows, api.EXPORT_COLUMNS, fmt, None, output, False, raw)
    if output:
        click.echo(f"wrote {count} rows to {output}", err=True)


@cli.command()
@click.argument("source")
@_published_option
@click.option("--body-only", is_flag=True, help="The file is bare body text (no header).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "timeml", "table"]),
    default="json",
    show_default=True,
)
@handle_errors
def extract(source: str, published: str | None, body_only: bool, fmt: str) -> None:
    """Show the time expressions and events found in an article, storing nothing.

    \b
    Example:
      tracker extract seeds/000_c152ed9c5e12e94c.txt --format table
    """
    result = api.extract(source, published=api.parse_published(published), body_only=body_only)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    elif fmt == "timeml":
        click.echo(api.to_timeml(result), nl=False)
    else:
        render(
            result["timexes"],
            [
                "start",
                "end",
                "text",
                "type",
                "value",
                "mod",
                "date_start",
                "date_end",
                "granularity",
            ],
            sys.stdout,
        )
        click.echo()
        events = [{**e, "people": "; ".join(e["people"])} for e in result["events"]]
        render(
            events,
            ["event_type", "status", "date_start", "date_end", "granularity", "people", "summary"],
            sys.stdout,
        )


@cli.command()
@click.argument("event_id", type=int)
@pass_ctx
@handle_errors
def show(ctx: Context, event_id: int) -> None:
    """Show one event with its evidence and every source.

    \b
    Example:
      tracker show 3
    """
    ev = api.show_event(ctx.db, event_id)
    click.echo(f"Event {ev['id']}: {ev['type']} ({ev['cameo'] or '-'}), {ev['status']}")
    click.echo(f"  date: {ev['date']}  [{ev['date_source']}: {ev['date_text'] or '-'}]")
    click.echo(f"  summary: {ev['summary']}")
    for p in ev["participants"]:
        title = f", {p['title']}" if p["title"] else ""
        click.echo(f"  {p['role']}: {p['name']} ({p['kind']}{title})")
    for s in ev["sources"]:
        click.echo(f"  source: {s['article']} ({s['published']}) {s['url'] or ''}")
        click.echo(f"    sentence [{s['offsets'][0]}:{s['offsets'][1]}]: {s['sentence']}")
        click.echo(f"    trigger: {s['trigger']} {s['trigger_offsets']}")
        click.echo(f"    date: {s['date']} from {s['date_text']!r} {s['date_offsets']}")


@cli.group(invoke_without_command=True)
@click.option("--all", "include_all", is_flag=True, help="Include organisations and places.")
@output_options()
@click.pass_context
@handle_errors
def people(
    click_ctx: click.Context,
    include_all: bool,
    fmt: str,
    tablefmt: str | None,
    output: str | None,
    no_headers: bool,
) -> None:
    """List people with aliases, roles, event counts and first/last dates.

    \b
    Example:
      tracker people --format csv
      tracker people merge "Kirill Dmitriev" "K. Dmitriev"
    """
    if click_ctx.invoked_subcommand is not None:
        return
    ctx = click_ctx.find_object(Context)
    rows = api.list_people(ctx.db, include_all)
    emit(
        rows,
        ["name", "kind", "aliases", "roles", "events", "first", "last"],
        fmt,
        tablefmt,
        output,
        no_headers,
    )


@people.command("merge")
@click.argument("keep")
@click.argument("other")
@pass_ctx
@handle_errors
def people_merge(ctx: Context, keep: str, other: str) -> None:
    """Merge OTHER into KEEP (events and aliases move; later ingests follow).

    \b
    Example:
      tracker people merge "Kirill Dmitriev" "K. Dmitriev"
    """
    name = api.merge_people(ctx.db, keep, other)
    click.echo(f"merged {other!r} into {name}")


@people.command("alias")
@click.argument("name")
@click.argument("alias")
@pass_ctx
@handle_errors
def people_alias(ctx: Context, name: str, alias: str) -> None:
    """Record ALIAS as another name of NAME (later ingests resolve it).

    \b
    Example:
      tracker people alias "Vladimir Putin" "the Russian leader"
    """
    person = api.add_alias(ctx.db, name, alias)
    click.echo(f"{alias!r} is now an alias of {person}")


@cli.group()
def event() -> None:
    """Correct an event: edit, hide, history.

    \b
    Example:
      tracker event edit 3 --date 2025-04-02
    """


@event.command("edit")
@click.argument("event_id", type=int)
@click.option("--date", default=None, help="2025-04-02, 2025-03-24..2025-03-30, 2025-W13, 2025-03.")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False))
@click.option("--status", type=click.Choice(STATUSES))
@click.option("--add-person", "add_people", multiple=True, metavar="NAME")
@click.option("--remove-person", "remove_people", multiple=True, metavar="NAME")
@pass_ctx
@handle_errors
def event_edit(
    ctx: Context,
    event_id: int,
    date: str | None,
    event_type: str | None,
    status: str | None,
    add_people: tuple[str, ...],
    remove_people: tuple[str, ...],
) -> None:
    """Fix an event; every change is recorded with who and when.

    \b
    Example:
      tracker event edit 3 --date 2025-W13 --type INVITE
    """
    changes = api.edit_event(
        ctx.db,
        event_id,
        date=date,
        event_type=event_type,
        status=status,
        add_people=add_people,
        remove_people=remove_people,
    )
    if not changes:
        raise click.UsageError("nothing to change: give --date, --type, --status or --*-person")
    for change in changes:
        click.echo(f"event {event_id}: {change}")


@event.command("hide")
@click.argument("event_id", type=int)
@click.option("--undo", is_flag=True, help="Show the event again.")
@pass_ctx
@handle_errors
def event_hide(ctx: Context, event_id: int, undo: bool) -> None:
    """Hide a wrong event from timelines and exports (recorded, reversible).

    \b
    Example:
      tracker event hide 7
    """
    api.edit_event(ctx.db, event_id, hide=not undo)
    click.echo(f"event {event_id} {'shown' if undo else 'hidden'}")


@event.command("history")
@click.argument("event_id", type=int)
@output_options()
@pass_ctx
@handle_errors
def event_history(
    ctx: Context,
    event_id: int,
    fmt: str,
    tablefmt: str | None,
    output: str | None,
    no_headers: bool,
) -> None:
    """Show the corrections made to an event.

    \b
    Example:
      tracker event history 3
    """
    rows = api.event_history(ctx.db, event_id)
    emit(rows, ["when", "editor", "field", "old", "new"], fmt, tablefmt, output, no_headers)


@cli.command()
@output_options()
@pass_ctx
@handle_errors
def articles(
    ctx: Context, fmt: str, tablefmt: str | None, output: str | None, no_headers: bool
) -> None:
    """List stored articles and where their publication date came from.

    \b
    Example:
      tracker articles
    """
    rows = api.list_articles(ctx.db)
    emit(
        rows,
        ["id", "published", "published_source", "title", "url", "events"],
        fmt,
        tablefmt,
        output,
        no_headers,
    )


@cli.command()
@pass_ctx
@handle_errors
def info(ctx: Context) -> None:
    """Print the database in use, its schema revision and counts.

    \b
    Example:
      tracker info
    """
    for key, value in api.info(ctx.db).items():
        click.echo(f"{key}: {value}")


@cli.group()
def db() -> None:
    """Database schema commands (migrations run automatically on first use).

    \b
    Example:
      tracker db current
    """


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
@pass_ctx
@handle_errors
def db_upgrade(ctx: Context, revision: str) -> None:
    """Upgrade the schema (default: to the newest revision).

    \b
    Example:
      tracker db upgrade
    """
    from tracker import db as dbmod

    database = open_database(ctx.db_option, migrate=False)
    dbmod.upgrade(database.engine, revision)
    current = dbmod.current_revision(database.engine)
    click.echo(f"{database.display_url} at revision {current}")
    if current == dbmod.SCHEMA_HEAD:
        built = api.refresh_export_lines(database)
        if built:
            click.echo(f"built the export lines of {built} events", err=True)


@db.command("current")
@pass_ctx
@handle_errors
def db_current(ctx: Context) -> None:
    """Print the schema revision of the database.

    \b
    Example:
      tracker db current
    """
    from tracker import db as dbmod

    database = open_database(ctx.db_option, migrate=False)
    current = dbmod.current_revision(database.engine)
    head = dbmod.head_revision(database.url)
    state = "(head)" if current == head else f"(head is {head})"
    click.echo(f"{current or 'empty'} {state}")


def main() -> None:
    cli(prog_name="tracker")


__all__ = ["cli", "main", "Path"]
