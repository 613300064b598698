"""The whole pipeline on the seed: evidence offsets point into the stored article text."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from tracker.cli import cli
from tracker.db import open_database
from tracker.models import Article, EventSource

from .conftest import SEED


@pytest.mark.db
def test_every_stored_event_keeps_exact_evidence() -> None:
    assert CliRunner().invoke(cli, ["add", str(SEED)]).exit_code == 0
    database = open_database()
    with database.session() as session:
        article = session.scalars(select(Article)).one()
        sources = session.scalars(select(EventSource)).all()
        assert sources
        for src in sources:
            text = article.text
            assert text[src.sentence_start : src.sentence_end] == src.sentence
            assert src.sentence == src.sentence.strip()
            assert text[src.trigger_start : src.trigger_end] == src.trigger
            assert src.sentence_start <= src.trigger_start < src.trigger_end <= src.sentence_end
            if src.date_source == "text":
                assert src.date_char_start is not None and src.date_char_end is not None
                assert text[src.date_char_start : src.date_char_end] == src.date_text
            assert src.date_start <= src.date_end
            assert src.granularity in {"day", "week", "month", "quarter", "year", "range"}
    database.dispose()
