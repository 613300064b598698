"""The one normalised key for names, shared by people resolution, the store and lookups."""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """Accents and case folded, a possessive 's dropped, punctuation to spaces:
    "Thérèse Kayikwamba-Wagner" and "therese kayikwamba wagner" are one key.
    Cached: people resolution folds the same few hundred words thousands of times."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]|_", " ", text.casefold())
    return " ".join(text.split())
