"""One key for names everywhere: what the store writes is what a lookup finds."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tracker import api
from tracker.db import open_database
from tracker.keys import person_key
from tracker.store import get_or_create_person


@dataclass(frozen=True)
class Mention:
    name: str
    kind: str = "person"
    role: str = "actor"
    title: str | None = None
    aliases: tuple[str, ...] = ()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Thérèse Kayikwamba-Wagner", "therese kayikwamba wagner"),
        ("Seán O’Brien", "sean o brien"),
        ("Kim Yo Jong's", "kim yo jong"),
        ("  U.S.  envoy ", "u s envoy"),
    ],
)
def test_person_key(name: str, key: str) -> None:
    assert person_key(name) == key


@pytest.mark.db
def test_names_with_apostrophes_and_accents_are_found_as_stored() -> None:
    db = open_database()
    with db.session(write=True) as session:
        get_or_create_person(session, Mention("Seán O'Brien", aliases=("O'Brien",)))
    with db.session() as session:
        assert api.find_person(session, "sean o'brien").name == "Seán O'Brien"
        assert api.find_person(session, "O’Brien").name == "Seán O'Brien"
    db.dispose()
